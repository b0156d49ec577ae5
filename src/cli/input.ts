// Where `scan` gets its HTML: a file, standard input, or a URL.
import { readFile } from 'node:fs/promises';

export class InputError extends Error {}

export interface Input {
  html: string;
  /** The page's URL when fetched, or a file:// URL for a file, or null for stdin. */
  url: string | null;
  name: string;
}

const MAX_BYTES = 50 * 1024 * 1024;
const LOOKS_LIKE_HTML = /<\s*(?:!doctype\s+html|html|head|body|p|div|h[1-6]|article|main|section|span|ul|li|table)\b/i;

export async function readInput(arg: string): Promise<Input> {
  const input = /^https?:\/\//i.test(arg) ? await fetchPage(arg) : arg === '-' ? await readStdin() : await readPath(arg);
  if (!input.html.trim()) throw new InputError(`${input.name} is empty`);
  if (input.html.includes('\u0000') || !LOOKS_LIKE_HTML.test(input.html.slice(0, 200_000))) {
    throw new InputError(`${input.name} does not look like an HTML page`);
  }
  return input;
}

async function readPath(path: string): Promise<Input> {
  try {
    const html = await readFile(path, 'utf8');
    return { html, url: null, name: path };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`no such file: ${path}`);
    if (code === 'EISDIR') throw new InputError(`${path} is a folder, not a file`);
    throw new InputError(`cannot read ${path} (${code ?? 'error'})`);
  }
}

async function readStdin(): Promise<Input> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) throw new InputError('standard input is larger than 50 MB');
    chunks.push(chunk as Buffer);
  }
  return { html: Buffer.concat(chunks).toString('utf8'), url: null, name: 'standard input' };
}

async function fetchPage(url: string): Promise<Input> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(20_000), headers: { accept: 'text/html,application/xhtml+xml' } });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    throw new InputError(`cannot reach ${url}${cause ? ` (${cause})` : ''}`);
  }
  if (!res.ok) throw new InputError(`${url} answered HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (type && !/html|xml|text\/plain/i.test(type)) throw new InputError(`${url} is ${type.split(';')[0]}, not an HTML page`);
  return { html: await res.text(), url: res.url || url, name: url };
}
