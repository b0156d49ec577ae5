// Messages between the pasted-text page and its annotated frame (same origin, postMessage).
import type { PageReport } from '../shared/messages';

export type ParentMessage = { type: 'evidence-lens:paste-show'; text: string };

export type FrameMessage =
  /** `n`: the frame's `?n=`, so the page ignores a ready from a frame it has already replaced. */
  | { type: 'evidence-lens:paste-ready'; n: string }
  | { type: 'evidence-lens:paste-height'; height: number }
  | { type: 'evidence-lens:paste-report'; report: PageReport };
