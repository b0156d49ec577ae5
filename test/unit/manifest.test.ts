// The manifest and the extension pages stay strict: every permission is
// justified (here and in the README), no remote code, no eval, no inline
// scripts, and the Firefox manifest is derived correctly from the same source.
// (The built dist/manifest.json — web-accessible resources — is checked in
// test/e2e/privacy.e2e.test.ts, after the build.)
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { browserManifest, GECKO_ANDROID_MIN_VERSION, GECKO_ID, GECKO_MIN_VERSION } from '../../scripts/browser-manifest';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Why each permission is needed. A new permission fails here until it is justified (and in the README). */
const JUSTIFIED: Record<string, string> = {
  storage: 'settings in storage.sync; selected text and reports handed to our own pages in storage.session',
  contextMenus: 'the "Check selected text" entry on a selection',
  activeTab: 'the popup can run the scan in the current tab on request, without host permissions',
  scripting: 'with activeTab: inject the content script into the current tab when it is not there yet',
};

function files(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, exts));
    else if (exts.includes(extname(name))) out.push(path);
  }
  return out;
}

const SOURCES = files(join(ROOT, 'src'), ['.ts', '.tsx']);
const PAGES = files(join(ROOT, 'src'), ['.html']);

describe('permissions', () => {
  const permissions = (manifest.permissions ?? []) as string[];

  it('every permission is justified here and named in the README privacy section', () => {
    const privacy = readme.slice(readme.indexOf('## Security and privacy'));
    expect(readme).toContain('## Security and privacy');
    for (const p of permissions) {
      expect(JUSTIFIED[p], `permission "${p}" needs a justification`).toBeDefined();
      expect(privacy, `README privacy section names "${p}"`).toContain(`\`${p}\``);
    }
  });

  it('asks for no host permissions, no optional or broad ones', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
    for (const broad of ['tabs', 'webRequest', 'history', 'cookies', 'downloads', 'debugger', '<all_urls>', 'unlimitedStorage']) {
      expect(permissions).not.toContain(broad);
    }
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('the content script reads pages only (all frames, at document_idle), from a bundled file', () => {
    const scripts = manifest.content_scripts as { matches: string[]; js: string[]; run_at: string; world?: string }[];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.run_at).toBe('document_idle');
    expect(scripts[0]?.world).toBeUndefined(); // the isolated world, never MAIN
    for (const js of scripts[0]?.js ?? []) expect(js.startsWith('src/')).toBe(true);
  });

  it('declares no web-accessible resources itself (the build adds only the content-script chunks)', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

describe('no remote or dynamic code', () => {
  it('the extension pages keep the default strict CSP (or a stricter one)', () => {
    const csp = manifest.content_security_policy as { extension_pages?: string; sandbox?: string } | undefined;
    const pages = csp?.extension_pages;
    if (pages !== undefined) {
      expect(pages).toMatch(/script-src 'self'(;|$| )/);
      expect(pages).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    }
    expect(csp?.sandbox).toBeUndefined();
  });

  it('no eval, new Function, string timers or document.write in src/', () => {
    const bad = /\beval\s*\(|new\s+Function\s*\(|set(?:Timeout|Interval)\s*\(\s*['"`]|document\.write\s*\(/;
    const offenders = SOURCES.filter((f) => bad.test(readFileSync(f, 'utf8'))).map((f) => f.slice(ROOT.length + 1));
    expect(offenders).toEqual([]);
  });

  it('no remote code: no import or script from a URL', () => {
    const remote = /(?:import\s*\(?\s*|from\s*)['"`]https?:|<script[^>]+src=['"]?(?:https?:)?\/\//i;
    const offenders = [...SOURCES, ...PAGES].filter((f) => remote.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => f.slice(ROOT.length + 1))).toEqual([]);
  });

  it('extension pages have no inline scripts or inline event handlers', () => {
    expect(PAGES.length).toBeGreaterThan(0);
    for (const page of PAGES) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      for (const [, attrs, body] of scripts) {
        expect(attrs, `${page}: script without src`).toMatch(/\bsrc=/);
        expect(body?.trim(), `${page}: inline script body`).toBe('');
      }
      expect(html, `${page}: inline handler`).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, `${page}: javascript: URL`).not.toMatch(/javascript:/i);
    }
  });
});

describe('Firefox manifest (same source)', () => {
  const firefox = browserManifest(manifest, 'firefox') as Record<string, unknown>;

  it('uses an event page (background.scripts), not a service worker', () => {
    const chromeBackground = manifest.background as { service_worker?: string };
    expect(firefox.background).toEqual({ scripts: [chromeBackground.service_worker], type: 'module' });
  });

  it('carries gecko settings: id, Firefox 140+ (CSS Custom Highlight API), no data collected', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: GECKO_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    });
    expect(firefox.minimum_chrome_version).toBeUndefined();
    // Firefox always structured-clones messages; the key is Chrome's opt-in to it.
    expect(firefox.message_serialization).toBeUndefined();
  });

  it('leaves the Chrome manifest as it is, and the source untouched', () => {
    expect(browserManifest(manifest, 'chrome')).toEqual(manifest);
    expect(manifest.browser_specific_settings).toBeUndefined();
    expect((manifest.background as Record<string, unknown>).scripts).toBeUndefined();
  });
});
