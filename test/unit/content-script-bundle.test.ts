// The content script's build (scripts/content-script-bundle.ts): one classic
// script, whose exports the lazy chunks read from its world's global.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Script, createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  COMPILE_WHOLE,
  CONTENT_EXPORTS,
  CONTENT_SCRIPT_FILE,
  buildContentScript,
  entryAsClassicScript,
  importsFromEntry,
} from '../../scripts/content-script-bundle';

const ROOT = resolve(import.meta.dirname, '../..');

describe('entryAsClassicScript', () => {
  it('publishes the exports as getters, and loads lazy chunks by extension URL', () => {
    const code = entryAsClassicScript('let a=1;function b(){a=2}const c=()=>import(`./lazy-X1.js`);export{a as t,b as n,c};');
    new Script(code); // a classic script: no import or export statement left
    const context = createContext({ chrome: { runtime: { getURL: (p: string) => `ext://${p}` } } });
    runInContext(code, context);
    const exported = runInContext(`globalThis[Symbol.for(${JSON.stringify(CONTENT_EXPORTS)})]`, context) as Record<string, unknown>;
    expect(Object.keys(exported).sort()).toEqual(['c', 'n', 't']);
    expect(exported.t).toBe(1);
    (exported.n as () => void)();
    expect(exported.t).toBe(2); // a getter: the binding as it is now
    expect(code).toContain('import(chrome.runtime.getURL("assets/lazy-X1.js"))');
    // Run again in the same world (injected twice): the first copy's exports stay.
    runInContext(code.replace('let a=1', 'let a=9'), context);
    expect(exported.t).toBe(2);
    expect(runInContext(`globalThis[Symbol.for(${JSON.stringify(CONTENT_EXPORTS)})]`, context)).toBe(exported);
  });

  it('refuses an entry that still imports statically', () => {
    expect(() => entryAsClassicScript('import{x}from"./shared.js";x();')).toThrow(/not a classic script/);
  });
});

describe('importsFromEntry', () => {
  it("turns a chunk's import from the entry into a read of the global, and leaves its other imports", () => {
    const out = importsFromEntry('import{a as b,c}from"./content-script.js";import{d}from"./content-x-1.js";b(c,d);', CONTENT_SCRIPT_FILE);
    expect(out).toBe(`const{a:b,c}=globalThis[Symbol.for(${JSON.stringify(CONTENT_EXPORTS)})];import{d}from"./content-x-1.js";b(c,d);`);
  });

  it('refuses a default or namespace import of the entry', () => {
    expect(() => importsFromEntry('import*as m from"./content-script.js";m.a();', CONTENT_SCRIPT_FILE)).toThrow(/unsupported/);
  });
});

describe('the built content script', async () => {
  const { files, lazy } = await buildContentScript(join(ROOT, 'src/content/index.ts'), 'chrome105');
  const entry = files.get(CONTENT_SCRIPT_FILE) as string;

  it('is one classic script that imports nothing statically', () => {
    new Script(entry);
    expect(entry).not.toMatch(/import\.meta/);
    expect([...files.keys()].filter((f) => f !== CONTENT_SCRIPT_FILE).sort()).toEqual(lazy);
  });

  it('loads the scanner only on demand, and every lazy chunk reads the entry from the global', () => {
    expect(lazy.some((f) => /content-session-[\w-]+\.js$/.test(f))).toBe(true);
    for (const f of lazy) {
      const code = files.get(f) as string;
      expect(code).not.toContain('content-script.js');
    }
    expect(lazy.some((f) => (files.get(f) as string).includes(`Symbol.for(${JSON.stringify(CONTENT_EXPORTS)})`))).toBe(true);
  });

  it('compiles every lazy chunk whole, so its code cache holds every function; not the entry, which has no code cache', () => {
    expect(lazy.length).toBeGreaterThan(0);
    for (const f of lazy) expect((files.get(f) as string).startsWith(`${COMPILE_WHOLE}\n`)).toBe(true);
    expect(entry).not.toContain(COMPILE_WHOLE);
    expect(COMPILE_WHOLE).toBe('//# allFunctionsCalledOnLoad'); // V8's spelling
  });

  it("holds the gate's test but not the scanner's names and folds: every page compiles the entry", () => {
    // (A module the entry imports lands in it whole, with what the scanner takes from it.)
    const session = lazy.map((f) => files.get(f) as string).find((code) => code.includes('glycinate')) ?? '';
    expect(entry).toContain('mag(?:tein|tech)|neuro['); // MGT_GATE
    for (const scannerOnly of ['glycinate', 'threonic', 'milk\\s+of', 'instead\\s+of']) {
      expect(entry).not.toContain(scannerOnly); // names.ts
      expect(session).toContain(scannerOnly);
    }
    expect(entry).not.toContain('\u201E'); // normalize.ts's folds
    expect(session).toContain('\u201E');
    expect(entry).not.toContain('Object.values('); // strings-guards.ts's check of the background's answer
    expect(session).toContain('Object.values(');
  });
});

describe('modules the content script shares with its lazy chunks', () => {
  // A lazy chunk reads each binding of the entry once, when it loads: an exported
  // `let` reassigned later would go stale there (an ES import would follow it).
  const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));

  it('export no binding declared with let or var', () => {
    const offenders: string[] = [];
    for (const f of sources) {
      const text = readFileSync(join(ROOT, 'src', f), 'utf8');
      if (/^export\s+(?:let|var)\s/m.test(text)) offenders.push(f);
      for (const list of text.matchAll(/^export\s*\{([^}]*)\}\s*;/gm)) {
        for (const name of (list[1] as string).split(',').map((s) => s.trim().split(/\s+as\s+/)[0] as string)) {
          if (name && new RegExp(`^(?:let|var)\\s+${name}\\b`, 'm').test(text)) offenders.push(`${f}: ${name}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
