import type { PageData, TextBlock } from '../core/types';

/**
 * One text node's place in a block: `start` is the offset of the node's first
 * character in `TextBlock.text`. A block's segments are in document order and
 * their starts strictly increase (empty text nodes are left out).
 */
export interface TextSegment {
  node: Text;
  start: number;
}

export interface ExtractedBlocks {
  blocks: TextBlock[];
  /** `segments[i]` maps `blocks[i].text` back to its text nodes. */
  segments: TextSegment[][];
}

export interface ExtractedPage {
  page: PageData;
  segments: TextSegment[][];
}
