// Pages of one's own for the benchmark (`npm run bench -- --pages <folder>`, the
// same for bench:firefox; bench:ab and bench:ab:firefox take a page's path): the
// HTML files of a folder, served from it as they are, in place of the generated
// pages. A page counts as naming MgT, so that a first pass is waited for, the
// way our gate decides it: its title or its body's text names a form of MgT (the
// HTML read by linkedom, as `npm run scan` reads a saved page).
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { mayMentionMgt } from '../src/core/claims/gate';
import type { BenchPage } from './pages';

/** Pages to measure, with the folder they are served from (the generated ones, or a folder of one's own). */
export interface ServedPages {
  /** The folder the pages are served from (resolved). */
  dir: string;
  /** A folder's own in file-name order, with `claimParagraphs` 1 for a page that names MgT and 0 for one that does not (what 0 means for the generated pages). */
  pages: BenchPage[];
  /** Each page's HTML size in bytes, by `file`. */
  sizes: Map<string, number>;
}

const HTML = /\.html?$/i;

/** Whether our gate would open on this HTML: its title or its body's text names a form of MgT. */
export function htmlNamesMgt(html: string): boolean {
  const { document } = parseHTML(html);
  // A template's content is no text of the page in a browser (it is a fragment of its own); linkedom reads it as children.
  for (const template of [...document.querySelectorAll('template')]) template.remove();
  const root = document.body ?? document.documentElement;
  return mayMentionMgt(document.title) || mayMentionMgt(root?.textContent ?? '');
}

/** A page of one's own as the benchmark takes it: its name is its file's, its `file` the path it is served at. */
export function ownPage(name: string, html: string): BenchPage {
  return { name, file: encodeURIComponent(name), bytes: Buffer.byteLength(html), claimParagraphs: htmlNamesMgt(html) ? 1 : 0, seed: 0 };
}

/**
 * A line for the log when our gate did not do what the page's HTML let the
 * benchmark expect (`passRan`: a first pass ran in its loads), or null: a name
 * only in a `<template>`, or only in text a script adds, reads one way here and
 * another in the browser. The numbers stand as measured; the late paragraph's
 * columns then are not a late change's (or are missing).
 */
export function gateSurprise(page: BenchPage, passRan: boolean): string | null {
  const expected = page.claimParagraphs > 0;
  if (passRan === expected) return null;
  return passRan
    ? `${page.name}: our gate opened, though its HTML names no form of MgT: measured as a page without MgT (no late paragraph)`
    : `${page.name}: our gate stayed closed, though its HTML names a form of MgT: its late paragraph was the page's first pass`;
}

/** The HTML files (`.html`, `.htm`) directly in `folder`; an error when there are none. */
export async function ownPages(folder: string): Promise<ServedPages> {
  const dir = resolve(folder);
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && HTML.test(e.name))
    .map((e) => e.name)
    .sort();
  if (names.length === 0) throw new Error(`no .html files in ${dir}`);
  const pages: BenchPage[] = [];
  const sizes = new Map<string, number>();
  for (const name of names) {
    const html = await readFile(resolve(dir, name), 'utf8');
    const page = ownPage(name, html);
    pages.push(page);
    sizes.set(page.file, page.bytes);
  }
  return { dir, pages, sizes };
}

/** One page of one's own, by its path: the page and the folder to serve it from. */
export async function ownPageAt(path: string): Promise<{ dir: string; page: BenchPage }> {
  const full = resolve(path);
  return { dir: dirname(full), page: ownPage(basename(full), await readFile(full, 'utf8')) };
}
