// The offload tests' fake port hands the other end a structured clone (Chrome 148+
// with our manifest's key, and Firefox) and refuses a message JSON would carry
// otherwise (Chrome before 148): every message we send must read the same both ways.
import { describe, expect, it } from 'vitest';
import { wireCopy } from './fake-port';

describe('wireCopy (the fake port’s copy of a message)', () => {
  it('copies plain data: a new object, equal', () => {
    const message = { type: 'blocks', blocks: [{ text: 'Magnesium L-threonate', heading: null, level: 2 }], skip: [1, 4] };
    const copy = wireCopy(message);
    expect(copy).toEqual(message);
    expect(copy).not.toBe(message);
  });

  it.each([
    ['an undefined field (JSON drops it)', { type: 'detect', title: undefined }],
    ['NaN (JSON makes it null)', { type: 'answer', ms: Number.NaN }],
    ['a Map (JSON makes it {})', { type: 'answer', by: new Map([[1, 2]]) }],
    ['a typed array (JSON makes it an object)', { offsets: new Int32Array([1, 2]) }],
  ])('refuses %s', (_what, message) => {
    expect(() => wireCopy(message)).toThrow(/JSON carries differently/);
  });
});
