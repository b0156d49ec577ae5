// A full pass detects in the background (content/detect-offload.ts,
// background/detect-port.ts, core/claims/detected-wire.ts): the content script
// sends the pass's blocks over a port and gets back what detection found and
// the state later rescans resume from. That must be exactly what detecting on
// the page gives — the matches, and every rescan after it — and anything else (a
// closed port, a wrong answer, no answer) must leave the page's side to detect
// itself.
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { blockMessages, decodeDetected, encodeDetected, isDetectAnswer, isDetectPortMessage, skippedIndices, type DetectAnswer } from '../../src/core/claims/detected-wire';
import { detectSectionsSteps, rescanSectionsSteps, type Detected, type SectionEdit, type SkipBlock } from '../../src/core/claims/sections';
import { runToEnd } from '../../src/core/steps';
import type { TextBlock } from '../../src/core/types';
import { extractPageData } from '../../src/extract';
import { serveDetectPort } from '../../src/background/detect-port';
import { DETECT_PORT } from '../../src/shared/ports';
import { benchPages, generatePage } from '../../bench/pages';
import { afterSending, drive, installRuntime, portPair, valueAfterTimeout } from './fake-port';
import { fixturePages } from './fixture-pages';
import { everyWordingPage } from './wordings';

function whole(html: string): { blocks: TextBlock[]; title: string } {
  const { document } = parseHTML(html);
  const { page: data } = extractPageData(document as unknown as Document, null);
  return { blocks: data.blocks as TextBlock[], title: data.title };
}

const full = (blocks: readonly TextBlock[], title: string, skip?: SkipBlock): Detected => runToEnd(detectSectionsSteps(blocks, title, undefined, skip));

/** What the background would answer for `blocks`, as it arrives (a JSON copy, as extension messages are). */
function answered(blocks: readonly TextBlock[], title: string, skip?: SkipBlock): DetectAnswer {
  return JSON.parse(JSON.stringify(encodeDetected(full(blocks, title, skip), blocks, 1))) as DetectAnswer;
}

/** Two detections are the same to the content script: matches, `about`, the title, every block's state and every huge block's windows. */
function expectSame(got: Detected, expected: Detected, blocks: readonly TextBlock[]): void {
  expect(got.matches).toEqual(expected.matches);
  expect(got.about).toBe(expected.about);
  expect(got.title).toBe(expected.title);
  expect(got.states).toEqual(expected.states);
  for (const b of blocks) expect(got.windows.get(b)).toEqual(expected.windows.get(b));
}

// A log in one <pre>, long enough to be detected in windows, claims all through it.
const log = Array.from({ length: 2_000 }, (_, i) => (i % 7 === 3 ? `Day ${i}: magnesium citrate is cheap. It improves sleep. ` : `Day ${i}: Magtein is magnesium L-threonate. It improves memory. `)).join('');
const LOG_PAGE: TextBlock[] = [
  { text: 'Notes', tag: 'h1', headingLevel: 1, region: 'main' },
  { text: log, tag: 'pre', headingLevel: 0, region: 'main' },
  { text: 'It reduces anxiety.', tag: 'p', headingLevel: 0, region: 'main' },
];

describe('what crosses the port is the detection itself', () => {
  it('on every fixture page, every wording, the bench pages and a huge block: decoded, it is what detecting here gives', () => {
    const pages: Array<{ blocks: TextBlock[]; title: string }> = [
      ...fixturePages().map(([, html]) => whole(html)),
      ...everyWordingPage().map((blocks) => ({ blocks, title: '' })),
      ...benchPages()
        .filter((p) => p.name === '100 KB' || p.name === '20 KB')
        .map((p) => whole(generatePage(p))),
      { blocks: LOG_PAGE, title: 'Notes' },
    ];
    let matches = 0;
    let windowed = 0;
    for (const { blocks, title } of pages) {
      const expected = full(blocks, title);
      const got = decodeDetected(answered(blocks, title), blocks, title);
      expectSame(got, expected, blocks);
      matches += got.matches.length;
      windowed += blocks.filter((b) => got.windows.get(b) !== undefined).length;
    }
    expect(matches).toBeGreaterThan(500);
    expect(windowed).toBeGreaterThan(0);
  });

  it('with blocks passed over (a page read whole: kept-blocks.ts): the same, and the same blocks passed over', () => {
    const { blocks, title } = whole(generatePage(benchPages().find((p) => p.name === '100 KB')!));
    // Every other paragraph passed over, headings never (as SkipBlock is asked only of non-headings).
    const passed = new Set(blocks.filter((b, i) => b.headingLevel === 0 && i % 2 === 1));
    const skip: SkipBlock = (b) => passed.has(b);
    const answer = answered(blocks, title, skip);
    expectSame(decodeDetected(answer, blocks, title), full(blocks, title, skip), blocks);
    expect(skippedIndices(blocks, skip)).toEqual(blocks.flatMap((b, i) => (passed.has(b) ? [i] : [])));
    expect(skippedIndices(blocks, undefined)).toEqual([]);
  });

  it('a rescan after a change resumes from the decoded state as from the page\'s own: a paragraph added, and text put in the huge block', () => {
    const title = 'Notes';
    const blocks = LOG_PAGE;
    const local = full(blocks, title);
    const decoded = decodeDetected(answered(blocks, title), blocks, title);
    const para: TextBlock = { text: 'It helps you focus.', tag: 'p', headingLevel: 0, region: 'main' };
    const appended: TextBlock = { text: `${log}Day 2000: it reduces stress. `, tag: 'pre', headingLevel: 0, region: 'main' };
    const cases: Array<[TextBlock[], SectionEdit]> = [
      [[...blocks, para], { at: 3, removed: [], added: [para] }],
      [[blocks[0]!, appended, blocks[2]!], { at: 1, removed: [blocks[1]!], added: [appended], unchangedPrefix: log.length }],
    ];
    for (const [next, edit] of cases) {
      const fromLocal = runToEnd(rescanSectionsSteps(next, title, local, [edit]));
      const fromDecoded = runToEnd(rescanSectionsSteps(next, title, decoded, [edit]));
      expect(fromLocal).not.toBeNull();
      expectSame(fromDecoded!, fromLocal!, next);
      expect(fromDecoded!.matches).toEqual(full(next, title).matches);
    }
  });
});

describe('the guards', () => {
  const blocks: TextBlock[] = [{ text: 'Magtein improves memory.', tag: 'p', headingLevel: 0, region: 'main' }];
  const good = answered(blocks, '');

  it('take the answer for these blocks', () => {
    expect(good.matches.length).toBe(1);
    expect(isDetectAnswer(good, blocks)).toBe(true);
  });

  it.each([
    ['a match in a block that is not there', { ...good, matches: [{ ...good.matches[0], block: 1 }] }],
    ['a match past its block\'s end', { ...good, matches: [{ ...good.matches[0], matchEnd: 99 }] }],
    ['a match ending before it starts', { ...good, matches: [{ ...good.matches[0], start: 5, end: 2 }] }],
    ['a claim id that does not exist', { ...good, matches: [{ ...good.matches[0], claim: 'cures-everything' }] }],
    ['a stance that does not exist', { ...good, matches: [{ ...good.matches[0], stance: 'shouted' }] }],
    ['a state missing', { ...good, states: [] }],
    ['a state of another shape', { ...good, states: [['mgt']] }],
    ['a subject that does not exist', { ...good, states: [['zinc', 'u']] }],
    ['windows of a block that is not there', { ...good, windows: [[3, []]] }],
    ['a window state of another shape', { ...good, windows: [[0, [[10, 'mgt']]]] }],
    ['no time', { ...good, ms: undefined }],
    ['not an object', 'done'],
  ])('refuse %s', (_, wrong) => {
    expect(isDetectAnswer(wrong, blocks)).toBe(false);
  });

  it('the background takes only messages of blocks, then `detect` with indices', () => {
    expect(isDetectPortMessage({ type: 'blocks', blocks })).toBe(true);
    expect(isDetectPortMessage({ type: 'detect', title: '', skip: [0] })).toBe(true);
    expect(isDetectPortMessage({ type: 'detect', title: '', skip: [-1] })).toBe(false);
    expect(isDetectPortMessage({ type: 'detect', title: 5, skip: [] })).toBe(false);
    expect(isDetectPortMessage({ type: 'text', text: 'x' })).toBe(false);
    expect(isDetectPortMessage({ type: 'blocks', blocks: [{ text: 5, tag: 'p', headingLevel: 0, region: 'main' }] })).toBe(false);
    expect(isDetectPortMessage({ type: 'blocks', blocks: [{ ...blocks[0], candidates: ['x'] }] })).toBe(false);
    expect(isDetectPortMessage('detect')).toBe(false);
  });
});

describe('blockMessages: the blocks in messages of whole blocks, of bounded text', () => {
  const block = (n: number): TextBlock => ({ text: 'x'.repeat(n), tag: 'p', headingLevel: 0, region: 'main' });

  it('gives every block once, in order, each message within the size unless it holds one block alone', () => {
    const blocks = [3, 4, 2, 7, 1, 1, 8, 0, 5].map(block);
    for (const size of [8, 9, 10, 20, 100]) {
      const messages = blockMessages(blocks, size)!;
      expect(messages.flat()).toEqual(blocks);
      for (const m of messages) expect(m.reduce((n, b) => n + b.text.length, 0)).toBeLessThanOrEqual(size);
      // Greedy: no message could have taken the next one's first block.
      messages.slice(1).forEach((m, i) => expect(messages[i]!.reduce((n, b) => n + b.text.length, 0) + m[0]!.text.length).toBeGreaterThan(size));
    }
    expect(blockMessages([], 10)).toEqual([]);
  });

  it('none when one block is longer than a message (a huge <pre>: detected on the page)', () => {
    expect(blockMessages([block(3), block(11), block(2)], 10)).toBeNull();
  });
});

/** The module afresh: it remembers, per document, that the background failed once, and that it warmed up. */
async function freshOffload(): Promise<typeof import('../../src/content/detect-offload')> {
  vi.resetModules();
  return import('../../src/content/detect-offload');
}

beforeEach(() => {
  vi.unstubAllGlobals();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('detectInBackgroundSteps', () => {
  const { blocks, title } = whole(fixturePages().find(([name]) => name === 'seed.html')![1]);

  it('gives what detecting here gives, from our background\'s own port, and warms the page\'s detection once while it waits', async () => {
    const { detectInBackgroundSteps } = await freshOffload();
    let name = '';
    installRuntime((port) => {
      name = port.name;
      serveDetectPort(port as unknown as Runtime.Port);
    });
    const first = await drive(detectInBackgroundSteps(blocks, title));
    expect(name).toBe(DETECT_PORT);
    expect(first.value?.detected.matches.length).toBeGreaterThan(3);
    expectSame(first.value!.detected, full(blocks, title), blocks);
    expect(first.value!.ms).toBeGreaterThanOrEqual(0);
    // The second time: no warm-up, so only the step after each message (one here) and the wait.
    const second = await drive(detectInBackgroundSteps(blocks, title));
    expect(first.steps).toBeGreaterThan(second.steps);
    expect(second.steps).toBe(2);
  });

  it('sends a larger page\'s blocks in several messages, a step after each, and detects them as one page', async () => {
    const { detectInBackgroundSteps } = await freshOffload();
    let background: { other: { sent: unknown[] } } | undefined;
    installRuntime((port) => {
      background = port;
      serveDetectPort(port as unknown as Runtime.Port);
    });
    // The 100 KB bench page's blocks, eight times over: ~450,000 characters.
    const page = whole(generatePage(benchPages().find((p) => p.name === '100 KB')!));
    const many = Array.from({ length: 8 }, () => page.blocks.map((b) => ({ ...b }))).flat();
    const { value, steps } = await drive(detectInBackgroundSteps(many, page.title));
    const sent = background!.other.sent as Array<{ type: string }>;
    const messages = sent.filter((m) => m.type === 'blocks').length;
    expect(messages).toBe(blockMessages(many)!.length);
    expect(messages).toBeGreaterThan(1);
    expect(sent.at(-1)?.type).toBe('detect');
    expect(steps).toBeGreaterThan(messages); // a step after each message, the warm-up's, then the wait
    expectSame(value!.detected, full(many, page.title), many);
  });

  it('a block too long for one message (a huge <pre>): not sent, and the next pass may still ask', async () => {
    const { detectInBackgroundSteps } = await freshOffload();
    let connects = 0;
    installRuntime((port) => {
      connects++;
      serveDetectPort(port as unknown as Runtime.Port);
    });
    const huge: TextBlock[] = [{ text: log.repeat(3), tag: 'pre', headingLevel: 0, region: 'main' }];
    expect(huge[0]!.text.length).toBeGreaterThan(256 * 1024);
    expect((await drive(detectInBackgroundSteps(huge, ''))).value).toBeUndefined();
    expect(connects).toBe(0);
    expect((await drive(detectInBackgroundSteps(blocks, title))).value).toBeDefined();
  });

  it.each([
    ['no runtime to connect to', null],
    ['the background closes the port at once', (port: { disconnect(): void }) => port.disconnect()],
    ['the background answers something else', (port: { onMessage: { addListener(f: (m: unknown) => void): void }; postMessage(m: unknown): void }) => port.onMessage.addListener(() => port.postMessage({ matches: [], about: true, states: [], windows: [], ms: 1 }))],
  ])('%s: undefined, and not tried again in this document', async (_, serve) => {
    const { detectInBackgroundSteps } = await freshOffload();
    let connects = 0;
    if (serve === null) vi.stubGlobal('chrome', { runtime: { connect: () => { connects++; throw new Error('Extension context invalidated.'); } } });
    else installRuntime((port) => { connects++; serve(port as never); });
    expect((await drive(detectInBackgroundSteps(blocks, title))).value).toBeUndefined();
    expect((await drive(detectInBackgroundSteps(blocks, title))).value).toBeUndefined();
    expect(connects).toBe(1);
  });

  it('the background never answers: given up after 5 s', async () => {
    vi.useFakeTimers();
    const { detectInBackgroundSteps } = await freshOffload();
    installRuntime(() => undefined);
    expect(await valueAfterTimeout(drive(detectInBackgroundSteps(blocks, title)))).toBeUndefined();
  });
});

describe('the background\'s side of the port', () => {
  it('ignores ports of another name', async () => {
    const [page, background] = portPair('something-else');
    serveDetectPort(background as unknown as Runtime.Port);
    page.postMessage({ type: 'blocks', blocks: [] });
    page.postMessage({ type: 'detect', title: '', skip: [] });
    await new Promise((r) => setTimeout(r, 10));
    expect(background.sent).toEqual([]);
  });

  it.each([
    ['a block of another shape', [{ type: 'blocks', blocks: [{ text: 'x' }] }]],
    ['a message that is not an object', ['detect']],
    ['a block to pass over that it was not sent', [{ type: 'blocks', blocks: [{ text: 'x', tag: 'p', headingLevel: 0, region: 'main' }] }, { type: 'detect', title: '', skip: [1] }]],
    ['more text than it accepts', [{ type: 'blocks', blocks: [{ text: 'x'.repeat(60), tag: 'p', headingLevel: 0, region: 'main' }] }, { type: 'blocks', blocks: [{ text: 'x'.repeat(60), tag: 'p', headingLevel: 0, region: 'main' }] }, { type: 'detect', title: '', skip: [] }]],
  ])('closes the port, answering nothing, on %s', async (_, messages) => {
    const { closed, heard } = await afterSending(DETECT_PORT, (background) => serveDetectPort(background as unknown as Runtime.Port, 100), messages);
    expect(closed).toBe(true);
    expect(heard).toEqual([]);
  });

  it('passes over the blocks it is told to, as the page would', async () => {
    const { blocks, title } = whole(generatePage(benchPages().find((p) => p.name === '20 KB')!));
    const passed = new Set(blocks.filter((b) => b.headingLevel === 0 && /memory/i.test(b.text)));
    expect(passed.size).toBeGreaterThan(0);
    const skip: SkipBlock = (b) => passed.has(b);
    const [page, background] = portPair(DETECT_PORT);
    serveDetectPort(background as unknown as Runtime.Port);
    const heard: unknown[] = [];
    page.onMessage.addListener((m) => heard.push(m));
    // In two messages, as the content script sends a larger page's.
    page.postMessage({ type: 'blocks', blocks: blocks.slice(0, 40) });
    page.postMessage({ type: 'blocks', blocks: blocks.slice(40) });
    page.postMessage({ type: 'detect', title, skip: skippedIndices(blocks, skip) });
    await new Promise((r) => setTimeout(r, 50));
    expect(heard.length).toBe(1);
    expect(isDetectAnswer(heard[0], blocks)).toBe(true);
    const got = decodeDetected(heard[0] as DetectAnswer, blocks, title);
    expectSame(got, full(blocks, title, skip), blocks);
    expect(got.matches).not.toEqual(full(blocks, title).matches);
  });
});
