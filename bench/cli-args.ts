// The benchmark commands' options: `--name value`, or the environment's
// BENCH_<NAME> (what a caller that cannot pass arguments through npm sets).

function raw(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.env[`BENCH_${name.toUpperCase()}`];
}

/** A positive number, or `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const v = Number(raw(name));
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** A non-empty string, or undefined. */
export function stringArg(name: string): string | undefined {
  const v = raw(name);
  return v === undefined || v === '' ? undefined : v;
}
