// The core stays pure: no DOM, no browser APIs, no imports from the adapters.
// (The same rule as a lint `no-restricted-imports`, without adding a linter.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreDir = new URL('../../src/core', import.meta.url).pathname;
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN: Array<[string, RegExp]> = [
  ['a browser or UI package', /from\s+['"](?:webextension-polyfill|preact|@floating-ui\/dom|linkedom)['"]/],
  ['an adapter module', /from\s+['"]\.\.\/(?:\.\.\/)*(?:extract|content|popup|background|cli|shared)\b/],
  ['the DOM', /\b(?:document|window|navigator|HTMLElement|customElements|localStorage)\s*[.[(]/],
  ['an extension API', /\b(?:chrome|browser)\.(?:runtime|tabs|storage|action|scripting)\b/],
  ['the network', /\b(?:fetch|XMLHttpRequest|WebSocket)\s*\(/],
];

describe('src/core is pure TypeScript', () => {
  for (const file of files(coreDir)) {
    it(file.slice(coreDir.length + 1), () => {
      const text = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const [what, re] of FORBIDDEN) expect(re.test(text), `uses ${what}`).toBe(false);
    });
  }
});
