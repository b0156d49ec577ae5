import { describe, expect, it } from 'vitest';
import type { ClaimReport, DoseContext, ScanResult } from '../../src/core/types';
import { VERDICTS } from '../../src/core/types';
import type { PageReport } from '../../src/shared/messages';
import {
  VERDICT_ORDER,
  citedSourceIds,
  formatMg,
  groupByVerdict,
  isOverUpperLimit,
  isRestrictedUrl,
  parsePopupParams,
  shareOfUpperLimit,
  stateFor,
} from '../../src/popup/model';

const claim = (c: Partial<ClaimReport>): ClaimReport => ({
  claim: 'memory',
  stance: 'asserted',
  verdict: 'limited',
  quote: 'q',
  note: 'n',
  sources: [],
  ...c,
});

const result = (claims: ClaimReport[]): ScanResult => ({
  product: null,
  disclaimer: false,
  claims,
  dose: null,
  disease_claims: [],
});

const report = (r: ScanResult | null, ready = true): PageReport => ({ title: 't', url: 'https://x', result: r, ready, claims: [] });

describe('groupByVerdict', () => {
  it('orders groups worst first and keeps page order inside a group', () => {
    const claims = [
      claim({ claim: 'memory', verdict: 'limited' }),
      claim({ claim: 'threonine-confusion', verdict: 'inaccurate' }),
      claim({ claim: 'sleep', verdict: 'limited' }),
      claim({ claim: 'neuron-2010', verdict: 'accurate' }),
      claim({ claim: 'brain-uptake-exclusive', verdict: 'overstated' }),
    ];
    const groups = groupByVerdict(claims);
    expect(groups.map((g) => g.verdict)).toEqual(['inaccurate', 'overstated', 'limited', 'accurate']);
    expect(groups[2]?.rows.map((r) => [r.index, r.report.claim])).toEqual([
      [0, 'memory'],
      [2, 'sleep'],
    ]);
  });

  it('keeps the index into ScanResult.claims and the revealable flag from the content script', () => {
    const claims = [claim({ verdict: 'supported' }), claim({ verdict: 'inaccurate' })];
    const groups = groupByVerdict(claims, [
      { index: 0, claim: 'memory', stance: 'asserted', verdict: 'supported', revealable: true },
      { index: 1, claim: 'memory', stance: 'asserted', verdict: 'inaccurate', revealable: false },
    ]);
    expect(groups.map((g) => g.rows.map((r) => [r.index, r.revealable]))).toEqual([[[1, false]], [[0, true]]]);
  });

  it('defaults to revealable when the content script gave no refs', () => {
    expect(groupByVerdict([claim({})])[0]?.rows[0]?.revealable).toBe(true);
  });

  it('covers every verdict exactly once', () => {
    expect([...VERDICT_ORDER].sort()).toEqual([...VERDICTS].sort());
  });
});

describe('citedSourceIds', () => {
  it('lists each source once, in order of first use', () => {
    const ids = citedSourceIds([
      claim({ sources: ['slutsky-2010', 'liu-2016-jad'] }),
      claim({ sources: ['liu-2016-jad', 'ni-2023-bctt'] }),
    ]);
    expect(ids).toEqual(['slutsky-2010', 'liu-2016-jad', 'ni-2023-bctt']);
  });
});

describe('dose helpers', () => {
  const dose = (daily: number | null): DoseContext => ({
    daily_elemental_mg: daily,
    daily_is_estimate: false,
    daily_mgt_mg: null,
    upper_limit_mg: 350,
    upper_limit_source: 'ods-magnesium-hp',
    trial_doses: [],
  });
  it('formats milligrams with thousands separators', () => {
    expect(formatMg(144)).toBe('144 mg');
    expect(formatMg(2000)).toBe('2,000 mg');
    expect(formatMg(143.6)).toBe('144 mg');
    expect(formatMg(null)).toBeNull();
  });
  it('compares the daily dose with the upper limit', () => {
    expect(isOverUpperLimit(dose(144))).toBe(false);
    expect(isOverUpperLimit(dose(350))).toBe(false);
    expect(isOverUpperLimit(dose(351))).toBe(true);
    expect(isOverUpperLimit(dose(null))).toBe(false);
    expect(shareOfUpperLimit(dose(175))).toBe(0.5);
    expect(shareOfUpperLimit(null)).toBeNull();
  });
});

describe('stateFor', () => {
  it('waits while attempts remain, then says the page cannot be read', () => {
    expect(stateFor(undefined, 3).kind).toBe('loading');
    expect(stateFor(undefined, 0).kind).toBe('cannot-run');
  });
  it('waits for a scan that is not ready yet', () => {
    expect(stateFor(report(null, false), 5).kind).toBe('loading');
    expect(stateFor(report(null, false), 0).kind).toBe('no-claims');
  });
  it('says "no claims" for a finished scan with nothing in it', () => {
    expect(stateFor(report(null), 5).kind).toBe('no-claims');
    expect(stateFor(report(result([])), 5).kind).toBe('no-claims');
  });
  it('shows the report when there are claims', () => {
    expect(stateFor(report(result([claim({})])), 5).kind).toBe('report');
  });
});

describe('isRestrictedUrl', () => {
  it.each([
    'chrome://extensions/',
    'edge://settings',
    'about:blank',
    'chrome-extension://abc/popup.html',
    'view-source:https://example.com',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/category/extensions',
    'https://addons.mozilla.org/en-US/firefox/',
  ])('%s is restricted', (url) => {
    expect(isRestrictedUrl(url)).toBe(true);
  });
  it.each(['https://example.com/', 'http://127.0.0.1:5178/retailer-product.html', 'file:///tmp/x.html'])(
    '%s is not',
    (url) => {
      expect(isRestrictedUrl(url)).toBe(false);
    },
  );
  it('leaves an unknown url to the retries', () => {
    expect(isRestrictedUrl(undefined)).toBe(false);
  });
});

describe('parsePopupParams', () => {
  it('reads tab, url and focus', () => {
    expect(parsePopupParams('?tab=12&focus=3')).toEqual({ tab: 12, url: null, focus: 3 });
    expect(parsePopupParams('?url=' + encodeURIComponent('http://a/b?c=1'))).toEqual({
      tab: null,
      url: 'http://a/b?c=1',
      focus: null,
    });
  });
  it('ignores values that are not whole numbers', () => {
    expect(parsePopupParams('?tab=abc&focus=-1')).toEqual({ tab: null, url: null, focus: null });
  });
});
