// Hostile pages, part 1: extreme sizes and adversarial text. On each page the
// extension must leave the page working (its own button still reacts), raise
// no error, change none of the page's text, finish within a bounded time, and
// report exactly the claims that are there. The cases, which Firefox runs alike
// (test/firefox/hostile-sizes.firefox.test.ts), live in harness/hostile-cases.ts.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { resolve } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { serveStatic, type StaticServer } from './harness/server';
import { handleOf, openHostile } from './hostile-helpers';
import {
  adversarialCase,
  bigNodeAppendCase,
  bigNodeSplitCase,
  bigNodeCase,
  deepNestingCase,
  iframesCase,
  textNodesCase,
  wideParagraphCase,
  waitLoaded,
  type HostileHandle,
} from './harness/hostile-cases';

const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile');

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(HOSTILE);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = async (path: string, atLeast: number, quiet = true, boundMs?: number): Promise<HostileHandle> =>
  handleOf(await waitLoaded(path, () => openHostile(browser, `${server.origin}/${path}`), atLeast, quiet, boundMs));

describe('extreme sizes', () => {
  it('10,000-deep nesting', () => deepNestingCase(open));

  it('500,000 text nodes', () => textNodesCase(open));

  it('one 10 MB text node', () => bigNodeCase(open));

  it('one 10 MB text node with 40 claims in it', () => bigNodeCase(open, 40), 60_000);

  it('a line added to that 10 MB text node', () => bigNodeAppendCase(open, 150), 60_000);

  // The change's work, the least of up to three loads: 14–15 ms here, one load in three
  // up to ~22 (a major collection in its one slice; 34 in one CI run). 100–105 before the
  // halves took the block's candidates; 30–32 before round 29 stopped searching the block
  // they replaced for names of MgT, and the halves for candidates.
  // (Its work: 17–25 ms on this machine since round 32, the least of three loads; a
  // clean-clone CI run in round 33 gave 26.3 at its least, round 32's build the same
  // 17–25 beside it. 30–32 before round 29, 100–105 before round 28. Round 39: single
  // loads 19–29 for this build and round 38's alike, and a clean-clone CI run on a busy
  // machine 30.1, 32.7 and 32.0: the bound is 40, which fails at what round 28 took
  // out but no longer at round 29's few milliseconds; a side by side of two builds
  // (npm run bench:ab) is where those are compared.)
  it('a block put in the middle of that 10 MB text node', () => bigNodeSplitCase(open, 40), 60_000);

  it('one paragraph of 100,000 inline children, 48 claims in it', () => wideParagraphCase(open, { renderMsPerMarker: 2 }), 60_000);

  it('200 iframes: each frame reports its own claims', () => iframesCase(open), 120_000);
});

describe('adversarial text', () => {
  it('4x the near-matches cost at most ~linear time (not quadratic)', () => adversarialCase(open), 90_000);
});
