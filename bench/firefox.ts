// `npm run bench:firefox` (after a Firefox build): runs the benchmark in Firefox
// ESR, prints the table and writes bench/out/firefox-<date>.json and
// bench/out/firefox-latest.json. Options: --runs N (or BENCH_RUNS; default 5),
// --scale X (default 1).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatFirefoxTable } from './firefox-table';
import { runFirefoxBench } from './firefox-run';
import { BENCH_DIR } from './run';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = Number(i >= 0 ? process.argv[i + 1] : process.env[`BENCH_${name.toUpperCase()}`]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const result = await runFirefoxBench({
  runs: Math.round(arg('runs', 5)),
  scale: arg('scale', 1),
  // Its own folder: the Chromium bench may be serving bench/pages/ while this one writes.
  pagesDir: join(BENCH_DIR, 'pages', 'firefox'),
  log: (line) => process.stderr.write(`${line}\n`),
});
const out = join(BENCH_DIR, 'out');
await mkdir(out, { recursive: true });
const json = JSON.stringify(result, null, 2);
await writeFile(join(out, `firefox-${result.date.replace(/[:.]/g, '-')}.json`), json);
await writeFile(join(out, 'firefox-latest.json'), json);
console.log(formatFirefoxTable(result));
