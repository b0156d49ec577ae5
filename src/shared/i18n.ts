// User-visible strings come from _locales/<lang>/messages.json through the
// browser's i18n API, so a translation is one data file. No polyfill (the
// content script uses this too). Outside the browser (unit tests) there is no
// i18n API: setMessages() can supply a table; otherwise the key is returned.
import type en from '../../_locales/en/messages.json';
import type { Verdict } from '../core/types';

export type MessageKey = keyof typeof en;

type GetMessage = (name: string, substitutions?: string | string[]) => string;

let table: Record<string, { message: string }> | null = null;

/** For tests and tools outside the browser: use this messages.json table. */
export function setMessages(messages: Record<string, { message: string }> | null): void {
  table = messages;
  answers.clear();
}

function browserGetMessage(): GetMessage | null {
  const g = globalThis as { chrome?: { i18n?: { getMessage?: GetMessage } }; browser?: { i18n?: { getMessage?: GetMessage } } };
  const fn = g.browser?.i18n?.getMessage ?? g.chrome?.i18n?.getMessage;
  return typeof fn === 'function' ? fn : null;
}

/** Stand-ins passed for $1…$9: private-use characters, which no message holds. */
const SLOTS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe000 + i));
const SLOT = /[\uE000-\uE008]/g;

/**
 * Each message as the browser gives it with stand-ins for all of $1…$9, kept: a call
 * into its i18n API costs ~0.05 ms in a content script, and a page with many marks
 * asks for the same labels with other words in them. The first call in a page costs
 * 1–2 ms (the browser sends the extension's whole message bundle to the page's
 * process), so a page that names MgT has them from our background instead
 * (`useStrings`; the 1 MB bench page's last slice took ~2 ms less).
 */
const answers = new Map<string, string>();

/** `key` with stand-ins for $1…$9, as `getMessage` gives it; undefined when it has none or throws. */
function withStandIns(getMessage: GetMessage, key: string): string | undefined {
  try {
    return getMessage(key, SLOTS) || undefined;
  } catch {
    return undefined;
  }
}

/** Messages read elsewhere (our background, whose i18n API answers in the same language), or null to ask the browser again. */
export function useStrings(strings: Readonly<Record<string, string>> | null): void {
  if (strings === null) answers.clear();
  else for (const [key, message] of Object.entries(strings)) answers.set(key, message);
}

/** Every message of `keys` as `t()` keeps it (a missing or empty one left out: the page asks for it itself). */
export function stringsWithStandIns(keys: readonly string[], getMessage: GetMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const m = withStandIns(getMessage, key);
    if (m !== undefined) out[key] = m;
  }
  return out;
}

/** The message for `key`, with $1…$9 replaced by `subs` (a stand-in with no argument: empty). */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const args = subs.map(String);
  if (table === null) {
    let known = answers.get(key);
    if (known === undefined) {
      const get = browserGetMessage();
      known = get === null ? undefined : withStandIns(get, key);
      if (known !== undefined) answers.set(key, known);
    }
    if (known !== undefined) return known.replace(SLOT, (slot) => args[slot.charCodeAt(0) - 0xe000] ?? '');
  }
  const raw = table?.[key]?.message;
  if (raw === undefined) return key;
  return raw.replace(/\$(\d)/g, (all, n: string) => args[Number(n) - 1] ?? all).replace(/\$\$/g, '$');
}

/** "1 claim" / "3 claims": two messages, one and other (enough for English; other languages add keys). */
export function plural(n: number, one: MessageKey, other: MessageKey): string {
  return n === 1 ? t(one, n) : t(other, n);
}

const VERDICT_KEYS: Record<Verdict, { label: MessageKey; explanation: MessageKey }> = {
  supported: { label: 'verdict_supported', explanation: 'verdict_supported_explanation' },
  limited: { label: 'verdict_limited', explanation: 'verdict_limited_explanation' },
  'animal-only': { label: 'verdict_animal_only', explanation: 'verdict_animal_only_explanation' },
  overstated: { label: 'verdict_overstated', explanation: 'verdict_overstated_explanation' },
  inaccurate: { label: 'verdict_inaccurate', explanation: 'verdict_inaccurate_explanation' },
  accurate: { label: 'verdict_accurate', explanation: 'verdict_accurate_explanation' },
  'not-evaluable': { label: 'verdict_not_evaluable', explanation: 'verdict_not_evaluable_explanation' },
};

export function verdictLabel(v: Verdict): string {
  return t(VERDICT_KEYS[v].label);
}

export function verdictExplanation(v: Verdict): string {
  return t(VERDICT_KEYS[v].explanation);
}

/** The language of the strings shown (the translation's own code), for <html lang>. */
export function uiLanguage(): string {
  const lang = t('htmlLang');
  return lang === 'htmlLang' ? 'en' : lang;
}
