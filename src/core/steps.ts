// Work written as generators (one step per `yield`) so the content script can
// slice it; callers that do not slice (the CLI, tests, small inputs) run it here.

/** Runs a stepwise generator to its end and returns its result. */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
