// Work written as generators (one step per `yield`) so the content script can
// slice it; callers that do not slice (the CLI, tests, small inputs) run it here.

/** Runs a stepwise generator to its end and returns its result. */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) {
      longStepAhead = false;
      return r.value;
    }
  }
}

/** Set by `longStepNext`, taken by a slicing caller (`takeLongStepNext`). */
let longStepAhead = false;

/**
 * Announces that the step after the next `yield` is long (one native call over a
 * whole huge page, or a huge block's text joined): a slicing caller then starts it
 * in a fresh slice, rather than at the end of one nearly used up.
 */
export function longStepNext(): void {
  longStepAhead = true;
}

/** Whether a long step was announced since the last call (and forgets it). */
export function takeLongStepNext(): boolean {
  const ahead = longStepAhead;
  longStepAhead = false;
  return ahead;
}

/**
 * A step that waits for work done elsewhere (the extension's background). A slicing caller ends its
 * slice and awaits it (the wait is not our main-thread work); runToEnd goes on
 * at once, and the generator then does the work itself.
 */
export class Wait {
  constructor(
    readonly settled: Promise<void>,
    /** What was waited for and how it ended, in a few words (the content script's `evidence-lens:wait` measure shows it). */
    public outcome: string,
  ) {}
}

/** What a stepwise generator yields: nothing (a place to slice), or a Wait. */
export type Step = void | Wait;

/**
 * Yields `promise` as a Wait; its value if it has settled by the time the
 * generator goes on, else undefined. `describe` names the wait and, once
 * settled, how it ended (undefined: it failed or was not awaited).
 */
export function* waitFor<T>(promise: Promise<T>, describe: (value: T | undefined) => string): Generator<Step, T | undefined, void> {
  let value: T | undefined;
  const wait: Wait = new Wait(
    promise.then(
      (v) => {
        value = v;
        wait.outcome = describe(v);
      },
      () => undefined,
    ),
    describe(undefined),
  );
  yield wait;
  return value;
}
