// Numbers the sources a report cites, in order of first use.
import type { ClaimReport, Source } from '../types';
import { getSource } from '../evidence/sources';

export interface NumberedSources {
  sources: Source[];
  /** source id → 1-based reference number */
  number: Map<string, number>;
}

export function numberSources(claims: readonly ClaimReport[], extra: readonly string[] = []): NumberedSources {
  const number = new Map<string, number>();
  const sources: Source[] = [];
  const add = (id: string) => {
    if (number.has(id)) return;
    const s = getSource(id);
    if (!s) return;
    sources.push(s);
    number.set(id, sources.length);
  };
  for (const c of claims) c.sources.forEach(add);
  extra.forEach(add);
  return { sources, number };
}
