// Every HTML fixture page (the seed, the corpus, the demo pages, the browser-test
// pages and the hostile ones), for tests that must hold on all of them.
import { readFileSync, readdirSync } from 'node:fs';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const DIRS = ['corpus', 'demo', 'pages', 'hostile'];

/** [name, html] of every fixture page: "seed.html", then "corpus/…", "demo/…", "pages/…", "hostile/…". */
export function fixturePages(): Array<[string, string]> {
  const names = ['seed.html', ...DIRS.flatMap((d) => readdirSync(new URL(`${d}/`, FIXTURES)).filter((f) => f.endsWith('.html')).map((f) => `${d}/${f}`))];
  return names.map((name) => [name, readFileSync(new URL(name, FIXTURES), 'utf8')]);
}
