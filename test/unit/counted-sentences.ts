// A fresh copy of a core module whose sentence splitting counts the characters it
// is given: for tests of how much text a detection reads, and in which steps.
import { vi } from 'vitest';

export interface SentenceCounter {
  /** Characters split into sentences so far (a test may reset it). */
  chars: number;
}

/** Loads a module (`load`: its dynamic import) with counted sentence splitting and hands it to `use`. */
export async function withCountedSentences<T>(load: () => Promise<T>, use: (module: T, counter: SentenceCounter) => void): Promise<void> {
  const counter: SentenceCounter = { chars: 0 };
  vi.resetModules();
  vi.doMock('../../src/core/text/sentences', async (original) => {
    const real = await original<typeof import('../../src/core/text/sentences')>();
    return { ...real, sentenceSpans: (text: string) => ((counter.chars += text.length), real.sentenceSpans(text)) };
  });
  try {
    use(await load(), counter);
  } finally {
    vi.doUnmock('../../src/core/text/sentences');
    vi.resetModules();
  }
}
