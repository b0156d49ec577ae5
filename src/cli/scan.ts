// `npm run scan -- <file.html | URL | -> [--json | --md]`
// Reads a saved page (or fetches a URL: the only network access in the project), extracts
// its text with the content script's own block extraction running on linkedom, and prints
// the scan as JSON (the contract in README) or as the Markdown report.
import { parseHTML } from 'linkedom';
import { extractPageData } from '../extract';
import { scanPage } from '../core/scan';
import { markdownReport } from '../core/report/markdown';
import { readInput, InputError } from './input';

const USAGE = 'usage: npm run scan -- <file.html | URL | -> [--json | --md]';

async function main(argv: string[]): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('--'));
  const args = argv.filter((a) => !a.startsWith('--') || a === '-');
  const unknown = flags.filter((f) => f !== '--json' && f !== '--md' && f !== '--help');
  if (flags.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (unknown.length || args.length !== 1 || (flags.includes('--json') && flags.includes('--md'))) {
    process.stderr.write(`scan: ${unknown.length ? `unknown option ${unknown[0]}` : 'give exactly one input'}\n${USAGE}\n`);
    return 2;
  }
  const input = await readInput(args[0] as string);
  const { document } = parseHTML(input.html);
  const { page } = extractPageData(document as unknown as Document, input.url);
  if (!page.blocks.some((b) => b.text.trim())) throw new InputError(`${input.name} has no readable text`);
  const { result } = scanPage(page);
  if (flags.includes('--md')) {
    const date = new Date().toISOString().slice(0, 10);
    process.stdout.write(markdownReport({ title: page.title, url: input.url, date, result }));
  } else {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const msg = err instanceof InputError ? err.message : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`scan: ${msg}\n`);
    process.exit(1);
  },
);
