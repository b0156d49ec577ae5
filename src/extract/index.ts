// Page reading shared by the content script and the CLI (standard DOM APIs only).
export { extractBlocks } from './blocks';
export { offsetToPosition } from './offsets';
export { extractPageData } from './page';
export type { ExtractedBlocks, ExtractedPage, TextSegment } from './types';
