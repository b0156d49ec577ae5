// `npm run bench` (after a build): runs the benchmark, prints the table and
// writes bench/out/bench-<date>.json and bench/out/latest.json.
// Options: --runs N (default 5), --scale X (default 1).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BENCH_DIR, runBench } from './run';
import { formatTable } from './table';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const result = await runBench({
  runs: Math.round(arg('runs', 5)),
  scale: arg('scale', 1),
  pagesDir: join(BENCH_DIR, 'pages'),
  log: (line) => process.stderr.write(`${line}\n`),
});
const out = join(BENCH_DIR, 'out');
await mkdir(out, { recursive: true });
const json = JSON.stringify(result, null, 2);
await writeFile(join(out, `bench-${result.date.replace(/[:.]/g, '-')}.json`), json);
await writeFile(join(out, 'latest.json'), json);
console.log(formatTable(result));
