// Messages between the pasted-text page and its annotated frame (same origin, postMessage).
import type { PageReport } from '../shared/messages';

export type ParentMessage = { type: 'evidence-lens:paste-show'; text: string };

export type FrameMessage =
  | { type: 'evidence-lens:paste-ready' }
  | { type: 'evidence-lens:paste-height'; height: number }
  | { type: 'evidence-lens:paste-report'; report: PageReport };
