// A batch of many changes after load (a list rendered again into a large page): the
// index names each part once, without walking the same run of inline siblings for
// every node added to it (src/content/page-index.ts, blockRoots). 1,000 rows appended
// to a run of 4,000 cost ~1.4 s in one task before: the run was walked 1,000 times.
import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import * as blocks from '../../src/extract/blocks';

const walks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/extract/blocks', async (original) => {
  const real = await original<typeof blocks>();
  return {
    ...real,
    inlineRunAround: (node: Node) => {
      walks.count++;
      return real.inlineRunAround(node);
    },
  };
});

const { window } = parseHTML('<html></html>');
(globalThis as { Node?: unknown }).Node ??= (window as unknown as { Node: unknown }).Node;
const { PageIndex } = await import('../../src/content/page-index');
const { changedNodes } = await import('../../src/content/observer');

describe('PageIndex.update: many inline nodes added to one run', () => {
  it('finds their run once, and reads it once', () => {
    // Inline nodes straight in <body> (as in a large block, a change there reads its run of
    // inline siblings, not the block: linkedom cannot count a block's elements).
    const rows = Array.from({ length: 40 }, (_, i) => `<div>Row ${i}</div>`).join('');
    const { document } = parseHTML(`<html><head><title>List</title></head><body><p>Magnesium L-threonate improves memory.</p>${rows}<span>Loose</span> <span>text</span></body></html>`);
    const doc = document as unknown as Document;
    const index = PageIndex.read(doc);
    const main = doc.body;
    const added: Node[] = [];
    for (let i = 0; i < 200; i++) {
      const span = doc.createElement('x-row');
      span.textContent = ` item ${i}`;
      main.append(span);
      added.push(span);
    }
    const record = { type: 'childList', target: main, addedNodes: added, removedNodes: [], previousSibling: added[0]!.previousSibling, nextSibling: null } as unknown as MutationRecord;
    const changed = changedNodes([record]);
    expect(changed.length).toBe(200);
    walks.count = 0;
    const edits = index.update(changed);
    expect(walks.count).toBe(1);
    // The run read once, as one block. (Where it goes among the blocks is checked in the
    // browser: linkedom's compareDocumentPosition is wrong for text in other elements.)
    expect(edits?.flatMap((e) => e.added.map((b) => b.text))).toEqual([`Loose text${added.map((n) => n.textContent).join('')}`]);
  });
});
