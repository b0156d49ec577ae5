// When to stop putting markers back on a page that undoes them as soon as they
// appear. Some pages react to any node added (their own MutationObserver, or a
// timer soon after) by rendering their content again: our marker goes, the claim's
// text comes back in new nodes, the next pass marks it again, and the page renders
// again, for as long as the tab is open (one pass every ~50 ms in a browser test,
// where a page re-rendering once per insertion ran 75 passes in 4 s). After
// FIGHTS_TO_REFRAIN such rounds in a row, passes go on (the count and the popup stay
// right) but put in no new marker. If the page then keeps changing on its own (it
// was rewriting itself, not answering us), markers come back once it has been quiet
// for REMARK_QUIET_MS; if it went quiet as soon as we stopped, they stay away.
// Pure: times are passed in.

/** A page change this soon after our markers went in may answer them. */
export const REACTION_MS = 300;
/** New markers undone this many passes in a row: the next passes put in none. */
export const FIGHTS_TO_REFRAIN = 2;
/** How long the page must be quiet before markers are put back (when it changed on its own meanwhile). */
export const REMARK_QUIET_MS = 500;

export class FightGuard {
  /** Passes in a row whose new markers the page undid soon after they went in. */
  private fights = 0;
  /** When a pass last put in new markers. */
  private insertedAt = -Infinity;
  private refraining = false;
  /** Whether, while refraining, the page changed later than an answer to our markers would. */
  private changedOnItsOwn = false;

  /**
   * Whether beforeChange, for a change that came at `since`, needs to know if the last
   * pass's new markers are gone: only for a change soon after they went in, or while
   * fights are being counted (else it leaves everything as it is, and the caller need
   * not look at each marker: a first pass's hundreds, a paragraph added long after).
   */
  asksUndone(since: number): boolean {
    return since - this.insertedAt < REACTION_MS || this.fights > 0;
  }

  /**
   * At a change's pass: `since`, when its first change came; `undone`, whether the
   * last pass's new markers are gone from the page (null: it put in none, or
   * `asksUndone` said it did not matter).
   */
  beforeChange(since: number, undone: boolean | null): void {
    const answer = since - this.insertedAt < REACTION_MS;
    if (undone === true && answer) this.fights++;
    else if (undone === false) this.fights = 0;
    if (this.refraining && !answer) this.changedOnItsOwn = true;
    if (this.fights >= FIGHTS_TO_REFRAIN) this.refraining = true;
  }

  /** Whether a pass may put in new markers now (false: held back until a quiet spell, `quiet`). */
  get marksNew(): boolean {
    return !this.refraining;
  }

  /** After a pass, at `now`: whether it put in new markers. */
  afterPass(now: number, inserted: boolean): void {
    if (inserted) this.insertedAt = now;
  }

  /**
   * The page has been quiet for REMARK_QUIET_MS. True when markers go back in (the
   * page changed on its own while we held back, so it was not answering us).
   */
  quiet(): boolean {
    if (!this.refraining || !this.changedOnItsOwn) return false;
    this.refraining = false;
    this.changedOnItsOwn = false;
    this.fights = 0;
    return true;
  }
}
