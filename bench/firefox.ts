// `npm run bench:firefox` (after a Firefox build): runs the benchmark in Firefox
// ESR, prints the table and writes bench/out/firefox-<date>.json and
// bench/out/firefox-latest.json. Options: --runs N (or BENCH_RUNS; default 5),
// --scale X (default 1), --pages FOLDER (its HTML files instead of the generated
// pages, own-pages.ts; the JSON then goes to bench/out/firefox-own-<date>.json,
// and firefox-latest.json is left as it was).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { numberArg, stringArg } from './cli-args';
import { formatFirefoxTable } from './firefox-table';
import { runFirefoxBench } from './firefox-run';
import { BENCH_DIR } from './run';

const ownPages = stringArg('pages');
const result = await runFirefoxBench({
  runs: Math.round(numberArg('runs', 5)),
  scale: numberArg('scale', 1),
  // Its own folder: the Chromium bench may be serving bench/pages/ while this one writes.
  pagesDir: join(BENCH_DIR, 'pages', 'firefox'),
  ...(ownPages !== undefined ? { ownPages } : {}),
  log: (line) => process.stderr.write(`${line}\n`),
});
const out = join(BENCH_DIR, 'out');
await mkdir(out, { recursive: true });
const json = JSON.stringify(result, null, 2);
const stamp = result.date.replace(/[:.]/g, '-');
await writeFile(join(out, `${ownPages !== undefined ? 'firefox-own' : 'firefox'}-${stamp}.json`), json);
if (ownPages === undefined) await writeFile(join(out, 'firefox-latest.json'), json);
console.log(formatFirefoxTable(result));
