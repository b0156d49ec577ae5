// Where the core's time goes, per function, from V8's sampling profiler
// (node:inspector): inclusive ms per MB of block text for the core's functions
// while `fn` runs. Sampling, so small numbers are rough; the big ones are what count.
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export async function profileInclusive(fn: () => void, textMB: number): Promise<Record<string, number>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  let runs = 0;
  while (runs < 3 || performance.now() - t0 < 1500) {
    fn();
    runs++;
  }
  const { profile } = (await session.post('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  session.disconnect();

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    // Frames of the core's own files (a resumed generator's callers are not on its stack, so no root filter).
    const names = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const frame = byId.get(x)?.callFrame;
      if (frame === undefined) continue;
      if (frame.functionName.startsWith('RegExp:')) names.add('(regular expressions)');
      else if (frame.url.includes('/src/core/')) names.add(frame.functionName || '(anonymous)');
    }
    if (names.size === 0 || (names.size === 1 && names.has('(regular expressions)'))) return;
    for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  });
  const out: Record<string, number> = {};
  const rootUs = Math.max(0, ...inclusive.values());
  for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1])) {
    if (us < rootUs * 0.03) continue; // under 3%: noise for a sampling profiler
    out[name] = us / 1000 / runs / textMB;
  }
  return out;
}
