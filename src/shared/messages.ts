// Typed messages between the content script, the background worker and the popup.
// This file is the only contract between those parts: change it here, not in callers.
//
// Routes:
//   content  → background  port COUNT_PORT: ClaimsMessage (from the top frame, after a pass that
//                          changed its count; the badge shows `count`: content/badge-count.ts)
//   content  → background  FocusClaimMessage   (the card's "Details in the popup" hint; popup pre-selects)
//   popup    → content     GetReportRequest    → PageReport
//   popup    → content     RevealRequest       → RevealResponse
//   content  → background  StringsRequest      → StringsAnswer (the messages, once per page that names MgT)
//   content  ⇄ background  port PREFILTER_PORT (ports.ts): PrefilterPortMessage… → PrefilterAnswer
//                          (a page's text, for the prefilter; prefilter-offload.ts)
//   content  ⇄ background  port DETECT_PORT: the blocks a first pass read → what detection found
//                          (core/claims/detected-wire.ts; detect-offload.ts)
//
// Popup/background use the polyfill wrappers below (sendToTab, onBackgroundMessage);
// the content script uses content-messaging.ts (same types, no polyfill).
//
// The content script runs in every frame (all_frames). Requests from the popup go to
// the top frame (frameId 0) unless a frameId is given; ClaimsMessage comes from the top
// frame only (the background checks the port's sender.frameId too).
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { ClaimId, ScanResult, Stance, Verdict } from '../core/types';

/** One claim as the content script lists it; `index` is its position in `ScanResult.claims`. */
export interface ClaimRef {
  index: number;
  claim: ClaimId;
  stance: Stance;
  verdict: Verdict;
  /** False when its text could not be mapped back to the page (e.g. it disappeared). */
  revealable: boolean;
}

// ---- content → background ----

/**
 * Only what the badge shows: the count, over COUNT_PORT from the top frame when it
 * changed. (It used to carry every claim, the page's address and whether the frame
 * was the top one, which nothing read; serializing them cost each pass 0.3–1.7 ms on
 * the page's thread. The worker checks the port's sender.frameId; the popup asks the
 * page itself.)
 */
export interface ClaimsMessage {
  type: 'claims';
  /** Number of claims found in the top frame, any stance (same as its data-evidence-lens-claims). */
  count: number;
}

export interface FocusClaimMessage {
  type: 'focus-claim';
  /** Index into the sending frame's ScanResult.claims. */
  index: number;
  claim: ClaimId;
}

/** Sent with runtime.sendMessage (the count goes over its port: ClaimsMessage). */
export type BackgroundMessage = FocusClaimMessage;

/**
 * Content → background, once per page that names MgT, answered with a
 * StringsAnswer: the messages the page's marks and card show, read by the background
 * (i18n.ts, `useStrings`), so the page need not load them through its own i18n API.
 */
export interface StringsRequest {
  type: 'strings';
}

/** Background → content: every message by name, with i18n.ts's stand-ins for $1…$9. */
export type StringsAnswer = Record<string, string>;

// ---- content ⇄ background, on a port: the prefilter of a page's text ----

/**
 * On that port, content → background: the page's text in order, in pieces (each
 * sent in a slice of its own), then `end`.
 */
export type PrefilterPortMessage = { type: 'text'; text: string } | { type: 'end' };

/** Background → content, once, after `end`: the prefilter's offsets in the joined text (null: it needs normalizing first) and its time. */
export interface PrefilterAnswer {
  offsets: number[] | null;
  ms: number;
}

// ---- popup → content ----

export interface GetReportRequest {
  type: 'get-report';
}

export interface RevealRequest {
  type: 'reveal';
  index: number;
}

export type ContentRequest = GetReportRequest | RevealRequest;

export interface PageReport {
  title: string;
  url: string;
  /** Null until the first pass finished or when the page is not about MgT at all. */
  result: ScanResult | null;
  /** True once the first pass has finished (even when it found nothing). */
  ready: boolean;
  /** One entry per `result.claims[i]`, same order. */
  claims: ClaimRef[];
}

export interface RevealResponse {
  ok: boolean;
}

/** The response type for each request type. */
export type ResponseOf<R extends ContentRequest> = R extends GetReportRequest
  ? PageReport
  : R extends RevealRequest
    ? RevealResponse
    : never;

export { isBackgroundMessage, isContentRequest } from './message-guards';
export { isStringsAnswer, isStringsRequest } from './strings-guards';
import { isBackgroundMessage } from './message-guards';

// ---- typed wrappers over webextension-polyfill ----

/** Popup → content script of a tab (top frame unless `frameId` is given). Resolves undefined if no script answers. */
export async function sendToTab<R extends ContentRequest>(
  tabId: number,
  message: R,
  frameId = 0,
): Promise<ResponseOf<R> | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, message, { frameId })) as ResponseOf<R> | undefined;
  } catch {
    // No content script in that tab (chrome:// pages, the store, a tab still loading).
    return undefined;
  }
}

// The content script's side (sendToBackground, onContentRequest) is in
// content-messaging.ts: it avoids loading the polyfill on every page.

/**
 * Background side: receive content-script messages with their sender (tab id, frame id).
 * Returns a function that removes the listener.
 */
export function onBackgroundMessage(
  handler: (message: BackgroundMessage, sender: Runtime.MessageSender) => void | Promise<void>,
): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isBackgroundMessage(message)) return undefined;
    return Promise.resolve(handler(message, sender)).then(() => undefined);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
