// Strings: every message the code asks for exists in _locales/en, the manifest's
// __MSG_…__ names exist, and the verdict words match the evidence data.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VERDICTS } from '../../src/core/types';
import { VERDICT_STYLES } from '../../src/core/evidence/verdicts';
import { plural, setMessages, t, verdictExplanation, verdictLabel } from '../../src/shared/i18n';

const root = new URL('../..', import.meta.url).pathname;
const messages = JSON.parse(readFileSync(join(root, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('messages.json', () => {
  it('has a message for every literal key passed to t(), plural() and S', () => {
    const used = new Set<string>();
    for (const f of files(join(root, 'src'))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\bplural\([^,]+,\s*'([A-Za-z0-9_]+)',\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!).add(m[2]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in messages))).toEqual([]);
  });

  it('has the manifest names', () => {
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    const names = [...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(['extName', 'extDescription', 'commandToggleMarks']));
    expect(names.filter((k) => !(k in messages))).toEqual([]);
  });

  it('uses only names Chrome accepts and non-empty messages', () => {
    for (const [k, v] of Object.entries(messages)) {
      expect(k).toMatch(/^[A-Za-z0-9_]+$/);
      expect(v.message.length).toBeGreaterThan(0);
    }
  });

  it('says the same verdict words as the evidence data', () => {
    setMessages(messages);
    try {
      for (const v of VERDICTS) {
        expect(verdictLabel(v)).toBe(VERDICT_STYLES[v].label);
        expect(verdictExplanation(v)).toBe(VERDICT_STYLES[v].explanation);
      }
    } finally {
      setMessages(null);
    }
  });
});

describe('t()', () => {
  it('asks the browser once per message, and puts the words in itself', () => {
    const asked: string[] = [];
    // Chrome's rules: $1…$9 replaced by the substitutions, "$$" by "$".
    const getMessage = (name: string, subs?: string | string[]): string => {
      asked.push(name);
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      const m = (messages as Record<string, { message: string } | undefined>)[name]?.message ?? '';
      return m.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
    };
    const g = globalThis as { chrome?: unknown };
    g.chrome = { i18n: { getMessage } };
    setMessages(null);
    try {
      expect(t('markerLabel', 'Limited evidence', 'memory')).toBe('Evidence: Limited evidence — memory');
      expect(t('markerLabel', 'Overstated', 'costs $1 a day')).toBe('Evidence: Overstated — costs $1 a day');
      expect(t('upperLimit', 350)).toBe('Adult upper limit for magnesium from supplements: 350 mg/day');
      expect(t('upperLimit', 400)).toBe('Adult upper limit for magnesium from supplements: 400 mg/day');
      expect(asked).toEqual(['markerLabel', 'upperLimit']);
    } finally {
      delete g.chrome;
      setMessages(null);
    }
  });

  it('substitutes $1…$n and picks one/other', () => {
    setMessages(messages);
    try {
      expect(t('upperLimit', 350)).toBe('Adult upper limit for magnesium from supplements: 350 mg/day');
      expect(plural(1, 'claimsHeadingOne', 'claimsHeadingOther')).toBe('1 claim on this page');
      expect(plural(4, 'claimsHeadingOne', 'claimsHeadingOther')).toBe('4 claims on this page');
    } finally {
      setMessages(null);
    }
  });

  it('falls back to the key outside the browser with no table', () => {
    expect(t('copyReport')).toBe('copyReport');
  });
});
