// The same string, stored one byte a character where the engine can. A string
// joined from slices of text that held a curly quote or a dash is stored two bytes
// a character even once those are folded to ASCII (normalize.ts), and V8 and
// SpiderMonkey compile each regular expression apart for each of the two: the
// page's copy of detection, compiled on one-byte text by its warm-up
// (claims/warm-up.ts), compiled everything again for such a paragraph added after
// load. JSON.parse stores a string that fits in Latin-1 one byte a character (V8:
// checked in Node by test/unit/one-byte.test.ts; SpiderMonkey: such a paragraph
// cost Firefox what ASCII does once passed through it, docs/performance-rounds.md,
// round 36), and the round trip gives back the same string, for any string.

/** `text`, as the engine stores a string parsed from JSON: one byte a character when it fits. */
export function oneByte(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
