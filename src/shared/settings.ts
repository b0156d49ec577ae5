// The user's settings: typed defaults, a version number, migrations, and a reader
// that never throws. Pure: no browser APIs (settings-store.ts does the storage).
//
// Reading rules: a value that is missing or not an object gives the defaults; an
// older version is migrated step by step; each field is then checked on its own,
// so one corrupt field falls back to its default without losing the others;
// unknown keys are dropped.
import type { CitationFormat } from '../core/cite';
import { VERDICTS, type Verdict } from '../core/types';

export const SETTINGS_VERSION = 1;

/** `auto`: every page (default). `on-click`: only after the toolbar button or the shortcut. */
export type RunMode = 'auto' | 'on-click';
/** `highlight`: tinted background and underline. `underline`: the underline only. */
export type MarkStyle = 'highlight' | 'underline';

export interface Settings {
  runMode: RunMode;
  /** Sites (host names without a leading "www.") where Evidence Lens never runs; subdomains included. */
  blockedSites: string[];
  markStyle: MarkStyle;
  /**
   * Verdicts that get no mark on the page (the popup still lists them). Stored as
   * the hidden ones, not the shown ones, so a verdict added later is marked.
   */
  hiddenVerdicts: Verdict[];
  /** Citation style in the popup's source list. */
  citationFormat: CitationFormat;
}

/** What is stored: the settings plus the version that wrote them. */
export interface StoredSettings extends Settings {
  version: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  runMode: 'auto',
  blockedSites: [],
  markStyle: 'highlight',
  hiddenVerdicts: [],
  citationFormat: 'ama',
});

/** Kept here (not imported from core/cite) so the content script does not pull in the formatters; a unit test checks they agree. */
export const SETTINGS_CITATION_FORMATS: readonly CitationFormat[] = ['ama', 'vancouver', 'apa', 'bibtex', 'ris'];
const RUN_MODES: readonly RunMode[] = ['auto', 'on-click'];
const MARK_STYLES: readonly MarkStyle[] = ['highlight', 'underline'];

/** storage.sync allows 8 KB per item; 200 host names stay well inside it. */
export const MAX_BLOCKED_SITES = 200;

export type RawSettings = Record<string, unknown>;

/** Turns the object written by version `from` into the shape of version `from + 1`. May throw: the reader catches. */
export interface Migration {
  from: number;
  migrate(raw: RawSettings): RawSettings;
}

export const MIGRATIONS: readonly Migration[] = [
  // 0 = an object without a version (written by hand or by a pre-release build):
  // its fields already have the version 1 names, so only the number is added.
  { from: 0, migrate: (raw) => ({ ...raw, version: 1 }) },
];

function isRecord(x: unknown): x is RawSettings {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** "https://www.Example.com/a" or "Example.com" → "example.com"; null when it is not a web host. */
export function siteOf(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (host === '') return null;
  if (/^[a-z][a-z0-9+.-]*:/.test(host)) {
    try {
      const url = new URL(host);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      host = url.hostname;
    } catch {
      return null;
    }
  } else {
    host = host.split(/[/?#]/, 1)[0] ?? '';
    host = host.replace(/:\d+$/, '');
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  // Host names, IPv4 and bracketed IPv6 only: anything else is not a site.
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/.test(host) || host.length > 253) return null;
  return host;
}

function sanitizeSites(value: unknown): string[] {
  if (!Array.isArray(value)) return [...DEFAULT_SETTINGS.blockedSites];
  const out: string[] = [];
  for (const v of value) {
    const site = typeof v === 'string' ? siteOf(v) : null;
    if (site !== null && !out.includes(site)) out.push(site);
    if (out.length >= MAX_BLOCKED_SITES) break;
  }
  return out;
}

function sanitizeVerdicts(value: unknown): Verdict[] {
  if (!Array.isArray(value)) return [...DEFAULT_SETTINGS.hiddenVerdicts];
  return VERDICTS.filter((v) => value.includes(v));
}

/** Each field checked on its own; unknown keys dropped. */
export function sanitizeSettings(raw: RawSettings): Settings {
  return {
    runMode: oneOf(RUN_MODES, raw.runMode, DEFAULT_SETTINGS.runMode),
    blockedSites: sanitizeSites(raw.blockedSites),
    markStyle: oneOf(MARK_STYLES, raw.markStyle, DEFAULT_SETTINGS.markStyle),
    hiddenVerdicts: sanitizeVerdicts(raw.hiddenVerdicts),
    citationFormat: oneOf(SETTINGS_CITATION_FORMATS, raw.citationFormat, DEFAULT_SETTINGS.citationFormat),
  };
}

function versionOf(raw: RawSettings): number {
  const v = raw.version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/**
 * Whatever was stored (anything at all) → valid settings. Never throws. A value
 * written by a newer version is read field by field as far as this version
 * understands it.
 */
export function readSettings(stored: unknown, migrations: readonly Migration[] = MIGRATIONS): Settings {
  if (!isRecord(stored)) return cloneDefaults();
  let raw: RawSettings = stored;
  let version = versionOf(raw);
  while (version < SETTINGS_VERSION) {
    const step = migrations.find((m) => m.from === version);
    if (step === undefined) break; // no path: keep what can be read as it is
    try {
      const next = step.migrate({ ...raw });
      if (!isRecord(next)) break;
      raw = next;
    } catch {
      break; // a failed step keeps the fields read so far
    }
    version += 1;
  }
  return sanitizeSettings(raw);
}

/** The object to store for these settings (sanitized, with the current version). */
export function toStored(settings: Settings): StoredSettings {
  return { version: SETTINGS_VERSION, ...sanitizeSettings(settings as unknown as RawSettings) };
}

export function cloneDefaults(): Settings {
  return { ...DEFAULT_SETTINGS, blockedSites: [], hiddenVerdicts: [] };
}

/** True when `site` (from siteOf) is in the list, directly or as a subdomain of a listed site. */
export function isSiteBlocked(settings: Pick<Settings, 'blockedSites'>, site: string | null): boolean {
  if (site === null) return false;
  return settings.blockedSites.some((b) => site === b || site.endsWith(`.${b}`));
}

export function withSiteBlocked(settings: Settings, site: string): Settings {
  const s = siteOf(site);
  if (s === null || settings.blockedSites.includes(s)) return settings;
  return { ...settings, blockedSites: [...settings.blockedSites, s].slice(-MAX_BLOCKED_SITES) };
}

/** Removes the site and any listed parent domain that would still block it. */
export function withSiteAllowed(settings: Settings, site: string): Settings {
  const s = siteOf(site);
  if (s === null) return settings;
  return { ...settings, blockedSites: settings.blockedSites.filter((b) => !(s === b || s.endsWith(`.${b}`))) };
}

export function isVerdictMarked(settings: Pick<Settings, 'hiddenVerdicts'>, verdict: Verdict): boolean {
  return !settings.hiddenVerdicts.includes(verdict);
}
