// Page reading shared by the content script and the CLI (standard DOM APIs only).
export { extractBlocks, extractBlocksSteps } from './blocks';
export { offsetToPosition } from './offsets';
export { extractPageData, extractPageDataSteps } from './page';
export type { ExtractedBlocks, ExtractedPage, TextSegment } from './types';
