// DOM constants as plain numbers: the same code runs in the browser and in Node
// (linkedom, for the CLI and the tests), where no global `Node` holds them.

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

export const DOCUMENT_POSITION_DISCONNECTED = 1;
export const DOCUMENT_POSITION_PRECEDING = 2;
export const DOCUMENT_POSITION_FOLLOWING = 4;
export const DOCUMENT_POSITION_CONTAINED_BY = 16;
