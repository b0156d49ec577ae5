// The README's claims table is generated from the evidence base; it must not drift.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { claimsTable } from '../../scripts/claims-table';

it('README carries the current claims and verdicts table', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const m = /<!-- claims-table:start -->\n([\s\S]*?)\n<!-- claims-table:end -->/.exec(readme);
  expect(m?.[1]).toBe(claimsTable());
});
