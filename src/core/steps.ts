// Work written as generators (one step per `yield`) so the content script can
// slice it; callers that do not slice (the CLI, tests, small inputs) run it here.

/** Runs a stepwise generator to its end and returns its result. */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * A step that waits for work done elsewhere (the extension's background). A slicing caller ends its
 * slice and awaits it (the wait is not our main-thread work); runToEnd goes on
 * at once, and the generator then does the work itself.
 */
export class Wait {
  constructor(readonly settled: Promise<void>) {}
}

/** What a stepwise generator yields: nothing (a place to slice), or a Wait. */
export type Step = void | Wait;

/** Yields `promise` as a Wait; its value if it has settled by the time the generator goes on, else undefined. */
export function* waitFor<T>(promise: Promise<T>): Generator<Step, T | undefined, void> {
  let value: T | undefined;
  yield new Wait(
    promise.then(
      (v) => {
        value = v;
      },
      () => undefined,
    ),
  );
  return value;
}
