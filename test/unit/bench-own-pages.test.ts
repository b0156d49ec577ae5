// The benchmark on pages of one's own (bench/own-pages.ts): which files it takes,
// how it names and serves them, and which it waits on for a first pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gateSurprise, htmlNamesMgt, ownPageAt, ownPages } from '../../bench/own-pages';
import type { BenchPage } from '../../bench/pages';
import { abArgs } from '../../bench/ab-args';
import { numberArg, stringArg } from '../../bench/cli-args';

/** A saved page's HTML (with its `<html>` and `<body>`, as browsers save them: linkedom reads them as `npm run scan` does). */
const page = (title: string, body: string): string => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
const SHOP = page('Shop', '<p>Magtein capsules improve memory.</p>');
const PLAIN = page('Glycinate', '<p>Magnesium glycinate is gentle on the stomach.</p>');
const TITLED = page('Neuro-Mag, 90 capsules', '<p>In stock.</p>');

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evidence-lens-own-pages-'));
  await writeFile(join(dir, 'shop page.html'), SHOP);
  await writeFile(join(dir, 'b-plain.HTM'), PLAIN);
  await writeFile(join(dir, 'a-titled.html'), TITLED);
  await writeFile(join(dir, 'notes.txt'), 'Magtein');
  await writeFile(join(dir, 'style.css'), 'p{}');
  await mkdir(join(dir, 'nested.html')); // a folder, not a page
  await mkdir(join(dir, 'empty'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pages of one\'s own for the benchmark', () => {
  it('takes the folder\'s HTML files, in name order, and nothing else', async () => {
    const own = await ownPages(dir);
    expect(own.dir).toBe(resolve(dir));
    expect(own.pages.map((p) => p.name)).toEqual(['a-titled.html', 'b-plain.HTM', 'shop page.html']);
  });

  it('serves each under its name, encoded for a URL, and knows its size', async () => {
    const own = await ownPages(dir);
    const shop = own.pages.find((p) => p.name === 'shop page.html');
    expect(shop?.file).toBe('shop%20page.html');
    expect(own.sizes.get('shop%20page.html')).toBe(Buffer.byteLength(SHOP));
    expect(shop?.bytes).toBe(Buffer.byteLength(SHOP));
  });

  it('waits for a first pass where the gate opens: a form named in the title or the text', async () => {
    const own = await ownPages(dir);
    const names = Object.fromEntries(own.pages.map((p) => [p.name, p.claimParagraphs > 0]));
    expect(names).toEqual({ 'a-titled.html': true, 'b-plain.HTM': false, 'shop page.html': true });
    expect(htmlNamesMgt(page('x', '<p>Magnesium L-thre\u00ADonate</p>'))).toBe(true); // a soft hyphen hides nothing from the gate
    expect(htmlNamesMgt(page('x', '<p>Mag<b>tein</b></p>'))).toBe(true); // words split by markup, as textContent joins them
    expect(htmlNamesMgt(page('x', '<p>Magnesium citrate</p><!-- Magtein -->'))).toBe(false); // comments are no text
    expect(htmlNamesMgt(page('x', '<p>Magnesium citrate</p><template><p>Magtein</p></template>'))).toBe(false); // nor is a template's content
    expect(htmlNamesMgt(page('x', '<noscript>Magtein</noscript>'))).toBe(true); // a noscript's is, where scripts run
    expect(htmlNamesMgt(page('Magnesium citrate', '<p>Gentle on the stomach.</p>'))).toBe(false);
  });

  it('says in the log where our gate did not do what the HTML led the benchmark to expect', async () => {
    const own = await ownPages(dir);
    const [titled, plain] = own.pages as [BenchPage, BenchPage];
    expect(gateSurprise(titled, true)).toBeNull();
    expect(gateSurprise(plain, false)).toBeNull();
    expect(gateSurprise(titled, false)).toBe('a-titled.html: our gate stayed closed, though its HTML names a form of MgT: its late paragraph was the page\'s first pass');
    expect(gateSurprise(plain, true)).toBe('b-plain.HTM: our gate opened, though its HTML names no form of MgT: measured as a page without MgT (no late paragraph)');
  });

  it('says so when a folder holds no page', async () => {
    await expect(ownPages(join(dir, 'empty'))).rejects.toThrow(/no \.html files/);
  });

  it('takes one page by its path for a side-by-side run, served from its folder', async () => {
    const { dir: served, page } = await ownPageAt(join(dir, 'shop page.html'));
    expect(served).toBe(resolve(dir));
    expect(page).toMatchObject({ name: 'shop page.html', file: 'shop%20page.html', claimParagraphs: 1 });
    const args = await abArgs(['/tmp/a', '/tmp/b', relative(process.cwd(), join(dir, 'b-plain.HTM')), '3'], 'usage');
    expect(args).toMatchObject({ file: 'b-plain.HTM', pagesDir: resolve(dir), runs: 3 });
    expect(args.spec.claimParagraphs).toBe(0);
  });

  it('still takes a bench page by its name', async () => {
    const args = await abArgs(['/tmp/a', '/tmp/b', '20-kb.html'], 'usage');
    expect(args.file).toBe('20-kb.html');
    expect(args.spec.claimParagraphs).toBeGreaterThan(0);
    expect(args.runs).toBe(7);
  });

  it('reads options from the command line, then from BENCH_<NAME>', () => {
    const argv = process.argv;
    const env = process.env.BENCH_RUNS;
    try {
      process.argv = ['node', 'main.ts', '--pages', 'some/folder', '--runs', '3'];
      expect(stringArg('pages')).toBe('some/folder');
      expect(numberArg('runs', 5)).toBe(3);
      process.argv = ['node', 'main.ts'];
      process.env.BENCH_RUNS = '9';
      expect(numberArg('runs', 5)).toBe(9);
      expect(stringArg('pages')).toBeUndefined();
      process.env.BENCH_RUNS = 'many';
      expect(numberArg('runs', 5)).toBe(5);
    } finally {
      process.argv = argv;
      if (env === undefined) delete process.env.BENCH_RUNS;
      else process.env.BENCH_RUNS = env;
    }
  });
});
