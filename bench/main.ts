// `npm run bench` (after a build): runs the benchmark, prints the table and
// writes bench/out/bench-<date>.json and bench/out/latest.json.
// Options: --runs N (default 5), --scale X (default 1), --pages FOLDER (its HTML
// files instead of the generated pages, own-pages.ts; the JSON then goes to
// bench/out/own-<date>.json, and latest.json is left as it was).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { numberArg, stringArg } from './cli-args';
import { BENCH_DIR, runBench } from './run';
import { formatTable } from './table';

const ownPages = stringArg('pages');
const result = await runBench({
  runs: Math.round(numberArg('runs', 5)),
  scale: numberArg('scale', 1),
  pagesDir: join(BENCH_DIR, 'pages'),
  ...(ownPages !== undefined ? { ownPages } : {}),
  log: (line) => process.stderr.write(`${line}\n`),
});
const out = join(BENCH_DIR, 'out');
await mkdir(out, { recursive: true });
const json = JSON.stringify(result, null, 2);
const stamp = result.date.replace(/[:.]/g, '-');
await writeFile(join(out, `${ownPages !== undefined ? 'own' : 'bench'}-${stamp}.json`), json);
if (ownPages === undefined) await writeFile(join(out, 'latest.json'), json);
console.log(formatTable(result));
