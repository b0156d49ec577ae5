// The extension pages' pure parts: the popup's copied report is markdownReport,
// the printable report shows the same claims and references (as text, never
// HTML), and pasted text becomes blocks the way a reader would expect.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractPageData } from '../../src/extract';
import { scanPage } from '../../src/core/scan';
import { markdownReport } from '../../src/core/report/markdown';
import { numberSources } from '../../src/core/report/references';
import type { ScanResult } from '../../src/core/types';
import { setMessages } from '../../src/shared/i18n';
import { popupReportInput } from '../../src/popup/report-input';
import { reportText } from '../../src/report/text';
import { reportDate } from '../../src/report/handoff';
import { renderReport } from '../../src/report/render';
import { pasteBlocks } from '../../src/paste/blocks';

const messages = JSON.parse(readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8'));

function seed() {
  const html = readFileSync(new URL('../fixtures/seed.html', import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  const url = 'https://shop.example/neuro-mag';
  const { page } = extractPageData(document as unknown as Document, url);
  return { title: page.title, url, result: scanPage(page).result };
}

describe('Copy report', () => {
  it('is exactly markdownReport (what scan --md prints) for the same page and date', () => {
    const s = seed();
    const now = new Date('2025-03-04T10:00:00Z');
    const copied = reportText(popupReportInput({ title: s.title, url: s.url }, s.result, now));
    expect(copied).toBe(markdownReport({ title: s.title, url: s.url, date: '2025-03-04', result: s.result }));
    expect(copied).toContain(`Page: ${s.url}`);
    expect(copied).toContain('it is not medical advice');
  });

  it('dates like the CLI (UTC day)', () => {
    expect(reportDate(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
  });
});

describe('printable report', () => {
  it('shows every claim, quote and reference of the Markdown report', () => {
    setMessages(messages);
    try {
      const s = seed();
      const { document } = parseHTML('<!doctype html><html><body><main></main></body></html>');
      const main = document.querySelector('main')!;
      main.append(renderReport(document as unknown as Document, { ...s, date: '2025-03-04' }));
      expect(main.querySelector('h1')?.textContent).toBe(`Evidence Lens report: ${s.title}`);
      const quotes = [...main.querySelectorAll('.quotes q')].map((q) => q.textContent);
      expect(quotes.sort()).toEqual(s.result.claims.map((c) => c.quote).sort());
      const refs = numberSources(s.result.claims, s.result.dose ? ['ods-magnesium-hp', ...s.result.dose.trial_doses.map((d) => d.source)] : []);
      expect(main.querySelectorAll('.references li').length).toBe(refs.sources.length);
      const md = markdownReport({ ...s, date: '2025-03-04' });
      expect(md.match(/^\d+\. /gm)?.length).toBe(refs.sources.length);
      expect(main.querySelector('.advice')?.textContent).toBe('Evidence Lens informs; it is not medical advice.');
    } finally {
      setMessages(null);
    }
  });

  it('puts page text in as text, never as HTML', () => {
    const evil = '<img src=x onerror="alert(1)"> Magtein <b>cures</b> memory loss';
    const result: ScanResult = {
      product: null,
      disclaimer: false,
      dose: null,
      disease_claims: [],
      claims: [{ claim: 'memory', stance: 'asserted', verdict: 'limited', quote: evil, note: 'n', sources: [] }],
    };
    const { document } = parseHTML('<!doctype html><html><body><main></main></body></html>');
    const main = document.querySelector('main')!;
    main.append(renderReport(document as unknown as Document, { title: '<script>x</script>', url: 'javascript:alert(1)', date: 'd', result }));
    expect(main.querySelector('img, b, script')).toBeNull();
    expect(main.querySelector('.quotes q')?.textContent).toBe(evil);
    expect(main.querySelector('a[href^="javascript"]')).toBeNull();
  });
});

describe('pasted text → blocks', () => {
  it('splits paragraphs on blank lines and keeps label lines apart', () => {
    expect(pasteBlocks('Neuro-Mag\nMagtein 2,000 mg\n\nSupports memory.')).toEqual([
      { text: 'Neuro-Mag', paragraphStart: true },
      { text: 'Magtein 2,000 mg', paragraphStart: false },
      { text: 'Supports memory.', paragraphStart: true },
    ]);
  });

  it('joins hard-wrapped prose lines into one block', () => {
    expect(pasteBlocks('I read that magnesium L-threonate\nreverses brain aging, is that true?\r\n')).toEqual([
      { text: 'I read that magnesium L-threonate\nreverses brain aging, is that true?', paragraphStart: true },
    ]);
  });

  it('gives nothing for blank input', () => {
    expect(pasteBlocks(' \n\n \t\n')).toEqual([]);
  });
});
