// Prints the README's "Claims and verdicts" table from the evidence base, so the
// README cannot drift from the data (test/unit/readme-claims.test.ts compares them).
import { evidenceFor } from '../src/core/evidence/claims';
import { verdictLabel } from '../src/core/evidence/verdicts';
import { CLAIM_IDS } from '../src/core/types';

export function claimsTable(): string {
  const rows = CLAIM_IDS.map((id) => {
    const e = evidenceFor(id);
    const verdict = id === 'deficiency-common' ? 'accurate or overstated, by wording' : verdictLabel(e.verdict).toLowerCase();
    return `| \`${id}\` | ${e.label} | ${verdict} | ${e.sources.join(', ')} |`;
  });
  return ['| id | the page says | verdict | sources |', '|---|---|---|---|', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(claimsTable() + '\n');
