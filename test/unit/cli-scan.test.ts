// The `scan` command end to end: the JSON contract, the Markdown report, and clear
// one-line errors for bad input (never a stack trace).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_IDS, VERDICTS } from '../../src/core/types';

const root = new URL('../..', import.meta.url).pathname;
function scan(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile('node', ['--import', 'tsx', 'src/cli/scan.ts', ...args], { cwd: root }, (error, out, err) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    );
    if (stdin !== undefined) child.stdin?.end(stdin);
    else child.stdin?.end();
  });
}

describe('scan command', () => {
  it('prints the JSON contract for the seed page', async () => {
    const { code, out } = await scan(['test/fixtures/seed.html', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['product', 'disclaimer', 'claims']));
    expect(json.disclaimer).toBe(false);
    expect(json.claims).toHaveLength(27);
    for (const c of json.claims) {
      expect(CLAIM_IDS).toContain(c.claim);
      expect(VERDICTS).toContain(c.verdict);
      expect(['asserted', 'hedged', 'negated']).toContain(c.stance);
      expect(c.quote.length).toBeGreaterThan(10);
      expect(c.note.length).toBeGreaterThan(10);
      expect(c.sources.length).toBeGreaterThan(0);
    }
    const exclusive = json.claims.find((c: { claim: string }) => c.claim === 'brain-uptake-exclusive');
    expect(exclusive.verdict).toBe('overstated');
  }, 30_000);

  it('prints a Markdown report with numbered references and DOI/PubMed links', async () => {
    const { code, out } = await scan(['test/fixtures/seed.html', '--md']);
    expect(code).toBe(0);
    expect(out).toMatch(/^# Evidence Lens report: Life Extension/);
    expect(out).toContain('### Inaccurate');
    expect(out).toContain('doi:10.1016/j.neuron.2009.12.026');
    expect(out).toContain('https://pubmed.ncbi.nlm.nih.gov/20152124/');
    expect(out).toContain('it is not medical advice');
  }, 30_000);

  it('reads standard input', async () => {
    const { code, out } = await scan(['-', '--json'], '<html><body><h1>Magtein</h1><p>Magtein improves sleep quality.</p></body></html>');
    expect(code).toBe(0);
    expect(JSON.parse(out).claims.map((c: { claim: string }) => c.claim)).toEqual(['sleep']);
  }, 30_000);

  const dir = mkdtempSync(join(tmpdir(), 'el-scan-'));
  const notHtml = join(dir, 'data.bin');
  writeFileSync(notHtml, 'just some words, no markup at all');
  const empty = join(dir, 'empty.html');
  writeFileSync(empty, '');
  const blank = join(dir, 'blank.html');
  writeFileSync(blank, '<html><body><script>var x = 1</script></body></html>');
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing file', ['no/such/file.html'], /^scan: no such file: no\/such\/file\.html\n$/],
    ['a file that is not HTML', [notHtml], /does not look like an HTML page\n$/],
    ['an empty file', [empty], /is empty\n$/],
    ['a page without text', [blank], /has no readable text\n$/],
    ['an unreachable URL', ['http://127.0.0.1:9/'], /^scan: cannot reach http:\/\/127\.0\.0\.1:9\//],
    ['an unknown option', ['x.html', '--pdf'], /unknown option --pdf/],
  ];
  for (const [what, args, message] of cases) {
    it(`fails clearly on ${what}`, async () => {
      const { code, out, err } = await scan(args);
      expect(code).not.toBe(0);
      expect(out).toBe('');
      expect(err).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /); // no stack trace
    }, 30_000);
  }
});
