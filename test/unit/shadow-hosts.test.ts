// The order a large page's shadow hosts are taken in (src/content/shadow-hosts.ts):
// the custom elements and the empty `<div>`s come from two native queries, each in
// page order, and are merged into one list in page order by the browser's
// compareDocumentPosition. (Stand-ins that know their place in the page: linkedom
// answers that comparison wrongly for an element inside an earlier one.)
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { inPageOrder } from '../../src/content/shadow-hosts';
import { mayGetRootLater } from '../../src/content/host-queries';

const PAGE = 'a b c d e f'.split(' ');
const FOLLOWING = 4;
const PRECEDING = 2;
const el = (id: string): Element =>
  ({ id, compareDocumentPosition: (other: { id: string }) => (PAGE.indexOf(other.id) > PAGE.indexOf(id) ? FOLLOWING : PRECEDING) }) as unknown as Element;
const byIds = (ids: string): Element[] => ids.split(' ').map(el);
const ids = (els: Element[]): string => els.map((e) => e.id).join(' ');

describe('inPageOrder', () => {
  it('merges two lists, each in page order, into one in page order', () => {
    expect(ids(inPageOrder(byIds('a c f'), byIds('b d e')))).toBe('a b c d e f');
    expect(ids(inPageOrder(byIds('b d e'), byIds('a c f')))).toBe('a b c d e f');
    expect(ids(inPageOrder(byIds('e f'), byIds('a b')))).toBe('a b e f');
  });

  it('one list empty: the other as it is, a copy', () => {
    const custom = byIds('a c f');
    const merged = inPageOrder(custom, []);
    expect(ids(merged)).toBe('a c f');
    expect(merged).not.toBe(custom);
    expect(ids(inPageOrder([], byIds('b e')))).toBe('b e');
  });
});

describe('mayGetRootLater (host-queries.ts)', () => {
  it("a custom element or a <div> the native query takes for empty (a comment in it too) without a root; not a <div> with text, nor another element", () => {
    const { document } = parseHTML(
      '<html><body><review-box></review-box><div id="a"></div><div id="b"><!-- reviews --></div><div id="c">Loading…</div><div id="d"><span></span></div><section id="e"></section></body></html>',
    );
    const at = (sel: string): boolean => mayGetRootLater(document.querySelector(sel) as Element);
    expect(['review-box', '#a', '#b', '#c', '#d', '#e'].map(at)).toEqual([true, true, true, false, false, false]);
  });
});
