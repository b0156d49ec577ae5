// Strings: every message the code asks for exists in _locales/en, the manifest's
// __MSG_…__ names exist, and the verdict words match the evidence data.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VERDICTS } from '../../src/core/types';
import { VERDICT_STYLES } from '../../src/core/evidence/verdicts';
import { plural, setMessages, t, useStrings, verdictExplanation, verdictLabel } from '../../src/shared/i18n';
import { strings, stringsListener } from '../../src/background/strings';
import { isStringsAnswer } from '../../src/shared/strings-guards';

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

/** The browser's getMessage over messages.json, by Chrome's rules ($1…$9 replaced by the substitutions, "$$" by "$"), noting each name asked. */
function browserI18n(): { asked: string[]; getMessage: (name: string, subs?: string | string[]) => string } {
  const asked: string[] = [];
  const getMessage = (name: string, subs?: string | string[]): string => {
    asked.push(name);
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const m = (messages as Record<string, { message: string } | undefined>)[name]?.message ?? '';
    return m.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
  };
  return { asked, getMessage };
}

/** Runs `body` with that getMessage as the browser's i18n API and nothing kept from before; puts everything back after. */
function withBrowserI18n(body: (i18n: ReturnType<typeof browserI18n>) => void): void {
  const i18n = browserI18n();
  const g = globalThis as { chrome?: unknown };
  g.chrome = { i18n: { getMessage: i18n.getMessage } };
  setMessages(null);
  try {
    body(i18n);
  } finally {
    useStrings(null);
    delete g.chrome;
    setMessages(null);
  }
}

describe('t()', () => {
  it('asks the browser once per message, and puts the words in itself', () => {
    withBrowserI18n(({ asked }) => {
      expect(t('markerLabel', 'Limited evidence', 'memory')).toBe('Evidence: Limited evidence — memory');
      expect(t('markerLabel', 'Overstated', 'costs $1 a day')).toBe('Evidence: Overstated — costs $1 a day');
      expect(t('upperLimit', 350)).toBe('Adult upper limit for magnesium from supplements: 350 mg/day');
      expect(t('upperLimit', 400)).toBe('Adult upper limit for magnesium from supplements: 400 mg/day');
      expect(asked).toEqual(['markerLabel', 'upperLimit']);
    });
  });

  it("with the background's strings, says what the browser would, and asks it nothing", () => {
    withBrowserI18n(({ asked, getMessage }) => {
      const cases: [string, string[]][] = Object.keys(messages).flatMap((k) => [
        [k, []],
        [k, ['Limited evidence']],
        [k, ['Overstated', 'costs $1 a day', '3']],
      ] as [string, string[]][]);
      const direct = cases.map(([k, args]) => t(k as never, ...args));
      const answer = strings(getMessage);
      expect(isStringsAnswer(answer)).toBe(true);
      expect(Object.keys(answer).sort()).toEqual(Object.keys(messages).sort()); // every message, from the default locale
      useStrings(null); // (forgets what the browser answered above)
      useStrings(answer);
      asked.length = 0;
      expect(cases.map(([k, args]) => t(k as never, ...args))).toEqual(direct);
      expect(asked).toEqual([]);
      expect(t('markerLabel', 'Animal study only', 'Crosses the blood-brain barrier')).toBe('Evidence: Animal study only — Crosses the blood-brain barrier');
      useStrings(null);
      expect(t('markerLabel', 'a', 'b')).toBe('Evidence: a — b');
      expect(asked).toEqual(['markerLabel']); // without them, the browser is asked again
    });
  });

  it("the background's listener answers a strings request, once made, and leaves other messages", async () => {
    let calls = 0;
    const listen = stringsListener((name) => {
      calls++;
      return (messages as Record<string, { message: string } | undefined>)[name]?.message ?? '';
    });
    expect(listen({ type: 'claims', count: 1 })).toBeUndefined();
    expect(listen(null)).toBeUndefined();
    const first = await listen({ type: 'strings' });
    expect(first?.markerLabel).toBe('Evidence: $1 — $2');
    expect(calls).toBe(Object.keys(messages).length);
    expect(await listen({ type: 'strings' })).toBe(first);
    expect(calls).toBe(Object.keys(messages).length);
  });

  it("refuses a strings answer that is not names to words", () => {
    expect(isStringsAnswer({ a: 'x', b: 'y' })).toBe(true);
    for (const bad of [null, 'x', ['x'], { a: 1 }, { a: 'x', b: null }]) expect(isStringsAnswer(bad)).toBe(false);
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
