// The built extension ships no dead files: every script, stylesheet and page in
// dist/ is reached from the manifest, through pages, scripts and the paths the
// code opens. (The popup is built twice, the second time on its own; files only
// the first copy used must go.)
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = new URL('../../dist/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(DIST, join(e.parentPath, e.name)));
}

describe('dist/', () => {
  it('holds no script, stylesheet or page that nothing reaches', () => {
    const checked = filesUnder(DIST).filter((f) => /\.(js|css|html)$/.test(f));
    expect(checked.length).toBeGreaterThan(10);
    const reached = new Set<string>(['manifest.json']);
    const queue = ['manifest.json'];
    while (queue.length > 0) {
      const text = readFileSync(join(DIST, queue.pop() as string), 'utf8');
      for (const file of checked) {
        if (reached.has(file)) continue;
        // Scripts and stylesheets are named by file name (imports are relative); pages
        // by path, or "./name" from a script of a page beside them.
        const named = file.endsWith('.html') ? text.includes(file) || text.includes(`./${basename(file)}`) : text.includes(basename(file));
        if (named) {
          reached.add(file);
          queue.push(file);
        }
      }
    }
    expect(checked.filter((f) => !reached.has(f))).toEqual([]);
  });
});
