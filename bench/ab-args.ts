// What both side-by-side comparisons take (bench/side-by-side.ts in Chromium,
// bench/firefox-side-by-side.ts in Firefox): `<dist A> <dist B> [page] [runs]`,
// and the bench page, written if it is not there yet; or, when `page` is the path
// of an HTML file of one's own, that page, served from its folder (own-pages.ts).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { ownPageAt } from './own-pages';
import { benchPages, generatePage, type BenchPage } from './pages';
import { BENCH_DIR } from './run';

export interface AbArgs {
  distA: string;
  distB: string;
  /** The page's file name (default 1-mb.html) as served, its spec, and the folder it is served from. */
  file: string;
  spec: BenchPage;
  pagesDir: string;
  /** Runs per build (default 7). */
  runs: number;
}

/** Reads the arguments (`usage` is shown when builds are missing) and writes the page if needed. */
export async function abArgs(argv: string[], usage: string): Promise<AbArgs> {
  const [distA, distB, file = '1-mb.html', runsArg = '7'] = argv;
  if (!distA || !distB) throw new Error(`usage: ${usage}`);
  const runs = Math.max(1, Number(runsArg) || 7);
  if (isOwnPage(file)) {
    const { dir, page } = await ownPageAt(file);
    return { distA, distB, file: page.file, spec: page, pagesDir: dir, runs };
  }
  const spec = benchPages().find((p) => p.file === file) ?? shopOfSize(file);
  if (!spec) throw new Error(`no bench page ${file}: one of ${benchPages().map((p) => p.file).join(', ')}, or <N>-kb.html`);
  const pagesDir = join(BENCH_DIR, 'pages');
  await mkdir(pagesDir, { recursive: true });
  if (!existsSync(join(pagesDir, file))) await writeFile(join(pagesDir, file), generatePage(spec));
  return { distA, distB, file, spec, pagesDir, runs };
}

/** An existing HTML file's path with a folder in it (`./page.html` for one here): a page of one's own, not a bench page's name. */
function isOwnPage(file: string): boolean {
  return /\.html?$/i.test(file) && (file.includes('/') || file.includes(sep)) && existsSync(file);
}

/**
 * `<N>-kb.html` when it is none of the bench's pages: a shop page of N KB, with a
 * claim paragraph per ~17 KB (as the 100 KB page has). Most pages people read are
 * smaller than the bench's smallest.
 */
function shopOfSize(file: string): BenchPage | undefined {
  const n = /^(\d+)-kb\.html$/.exec(file)?.[1];
  if (n === undefined) return undefined;
  return { name: `${n} KB`, file, bytes: Number(n) * 1000, claimParagraphs: Math.max(1, Math.round(Number(n) / 17)), seed: 1 };
}
