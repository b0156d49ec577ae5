// Settings: defaults, migrations, corrupt values, unknown keys, and the storage
// adapter against a fake storage area.
import { describe, expect, it } from 'vitest';
import { CITATION_FORMATS } from '../../src/core/cite';
import {
  DEFAULT_SETTINGS,
  MAX_BLOCKED_SITES,
  SETTINGS_CITATION_FORMATS,
  SETTINGS_VERSION,
  isSiteBlocked,
  isVerdictMarked,
  readSettings,
  siteOf,
  toStored,
  withSiteAllowed,
  withSiteBlocked,
  type Migration,
  type Settings,
} from '../../src/shared/settings';
import { SETTINGS_KEY, loadSettings, saveSettings, updateSettings, type StorageAreaLike } from '../../src/shared/settings-store';

/** An in-memory storage area that stores copies (as the browser does: JSON-serialised). */
function fakeArea(initial: Record<string, unknown> = {}): StorageAreaLike & { data: Record<string, unknown>; writes: number } {
  const area = {
    data: JSON.parse(JSON.stringify(initial)) as Record<string, unknown>,
    writes: 0,
    async get(key: string | string[] | null) {
      const keys = key === null ? Object.keys(area.data) : Array.isArray(key) ? key : [key];
      const out: Record<string, unknown> = {};
      for (const k of keys) if (k in area.data) out[k] = JSON.parse(JSON.stringify(area.data[k]));
      return out;
    },
    async set(items: Record<string, unknown>) {
      area.writes++;
      Object.assign(area.data, JSON.parse(JSON.stringify(items)));
    },
  };
  return area;
}

const custom: Settings = {
  runMode: 'on-click',
  blockedSites: ['example.com'],
  markStyle: 'underline',
  hiddenVerdicts: ['accurate', 'not-evaluable'],
  citationFormat: 'vancouver',
};

describe('readSettings', () => {
  it.each([undefined, null, 42, 'settings', [], true])('gives the defaults for %j', (stored) => {
    expect(readSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('reads back what toStored wrote', () => {
    const stored = toStored(custom);
    expect(stored.version).toBe(SETTINGS_VERSION);
    expect(readSettings(JSON.parse(JSON.stringify(stored)))).toEqual(custom);
  });

  it('replaces only the corrupt field, keeping the others', () => {
    const stored = { ...toStored(custom), markStyle: 'sparkles', runMode: 7 };
    expect(readSettings(stored)).toEqual({ ...custom, markStyle: 'highlight', runMode: 'auto' });
  });

  it('drops unknown keys and unknown verdicts, and cleans the site list', () => {
    const stored = {
      ...toStored(custom),
      theme: 'dark',
      hiddenVerdicts: ['accurate', 'bogus', 3],
      blockedSites: ['https://www.Shop.example/a?b', 'shop.example', 'not a host', 12, 'news.example.org'],
    };
    const s = readSettings(stored);
    expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(s.hiddenVerdicts).toEqual(['accurate']);
    expect(s.blockedSites).toEqual(['shop.example', 'news.example.org']);
  });

  it('caps the site list', () => {
    const sites = Array.from({ length: MAX_BLOCKED_SITES + 50 }, (_, i) => `site${i}.example`);
    expect(readSettings({ version: 1, blockedSites: sites }).blockedSites).toHaveLength(MAX_BLOCKED_SITES);
  });

  it('migrates an unversioned object (version 0) without losing its fields', () => {
    const { version: _v, ...old } = toStored(custom);
    expect(readSettings(old)).toEqual(custom);
  });

  it('runs migrations in order, one version at a time', () => {
    // A pretend history: v0 called the mode "always"/"click", v1 is the current shape.
    const seen: number[] = [];
    const migrations: Migration[] = [
      {
        from: 0,
        migrate: ({ mode, ...rest }) => {
          seen.push(0);
          return { ...rest, runMode: mode === 'click' ? 'on-click' : 'auto', version: 1 };
        },
      },
    ];
    expect(readSettings({ mode: 'click', markStyle: 'underline' }, migrations)).toEqual({
      ...DEFAULT_SETTINGS,
      runMode: 'on-click',
      markStyle: 'underline',
    });
    expect(seen).toEqual([0]);
  });

  it('survives a migration that throws, keeping the fields it can read', () => {
    const migrations: Migration[] = [
      {
        from: 0,
        migrate: () => {
          throw new Error('broken migration');
        },
      },
    ];
    expect(readSettings({ markStyle: 'underline' }, migrations)).toEqual({ ...DEFAULT_SETTINGS, markStyle: 'underline' });
  });

  it('reads a value written by a newer version as far as it understands it', () => {
    expect(readSettings({ version: SETTINGS_VERSION + 5, markStyle: 'underline', newThing: true })).toEqual({
      ...DEFAULT_SETTINGS,
      markStyle: 'underline',
    });
  });

  it('offers the same citation formats as the formatter', () => {
    expect([...SETTINGS_CITATION_FORMATS]).toEqual([...CITATION_FORMATS]);
  });

  it('does not share arrays with the defaults', () => {
    const s = readSettings(undefined);
    s.blockedSites.push('x.example');
    expect(DEFAULT_SETTINGS.blockedSites).toEqual([]);
  });
});

describe('sites', () => {
  it.each([
    ['https://www.example.com/page?x=1', 'example.com'],
    ['http://Shop.Example.com:8080/', 'shop.example.com'],
    ['example.com/path', 'example.com'],
    ['127.0.0.1:5173', '127.0.0.1'],
    ['http://127.0.0.1:5173/seed.html', '127.0.0.1'],
    ['chrome://extensions', null],
    ['file:///tmp/a.html', null],
    ['', null],
    ['not a host', null],
  ])('siteOf(%j) = %j', (input, site) => {
    expect(siteOf(input)).toBe(site);
  });

  it('blocks a listed site and its subdomains, not look-alikes', () => {
    const s = withSiteBlocked(readSettings(undefined), 'https://www.example.com/x');
    expect(s.blockedSites).toEqual(['example.com']);
    expect(isSiteBlocked(s, 'example.com')).toBe(true);
    expect(isSiteBlocked(s, 'shop.example.com')).toBe(true);
    expect(isSiteBlocked(s, 'badexample.com')).toBe(false);
    expect(isSiteBlocked(s, null)).toBe(false);
  });

  it('adds a site once, and allowing it removes the parent entry that blocked it', () => {
    let s = withSiteBlocked(readSettings(undefined), 'example.com');
    s = withSiteBlocked(s, 'www.example.com');
    expect(s.blockedSites).toEqual(['example.com']);
    s = withSiteAllowed(s, 'shop.example.com');
    expect(isSiteBlocked(s, 'shop.example.com')).toBe(false);
  });

  it('hides only the chosen verdicts', () => {
    expect(isVerdictMarked(custom, 'accurate')).toBe(false);
    expect(isVerdictMarked(custom, 'inaccurate')).toBe(true);
  });
});

describe('settings store (fake storage)', () => {
  it('loads defaults from empty storage and never throws on a failing one', async () => {
    expect(await loadSettings(fakeArea())).toEqual(DEFAULT_SETTINGS);
    const failing: StorageAreaLike = {
      get: () => Promise.reject(new Error('quota')),
      set: () => Promise.reject(new Error('quota')),
    };
    expect(await loadSettings(failing)).toEqual(DEFAULT_SETTINGS);
    expect(await loadSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('saves with the version and loads back', async () => {
    const area = fakeArea();
    await saveSettings(custom, area);
    expect((area.data[SETTINGS_KEY] as { version: number }).version).toBe(SETTINGS_VERSION);
    expect(await loadSettings(area)).toEqual(custom);
  });

  it('an update changes one setting and keeps the others as stored', async () => {
    const area = fakeArea({ [SETTINGS_KEY]: toStored(custom) });
    const next = await updateSettings((s) => ({ ...s, markStyle: 'highlight' }), area);
    expect(next).toEqual({ ...custom, markStyle: 'highlight' });
    expect(await loadSettings(area)).toEqual({ ...custom, markStyle: 'highlight' });
  });

  it('an update over a corrupt value keeps the readable fields and writes a clean value', async () => {
    const area = fakeArea({ [SETTINGS_KEY]: { version: 1, blockedSites: 'oops', hiddenVerdicts: ['limited'], junk: 1 } });
    await updateSettings((s) => withSiteBlocked(s, 'example.com'), area);
    expect(area.data[SETTINGS_KEY]).toEqual({ ...toStored(DEFAULT_SETTINGS), hiddenVerdicts: ['limited'], blockedSites: ['example.com'] });
  });

  it('loading does not write (sync storage has write quotas)', async () => {
    const area = fakeArea({ [SETTINGS_KEY]: 'corrupt' });
    await loadSettings(area);
    expect(area.writes).toBe(0);
  });
});
