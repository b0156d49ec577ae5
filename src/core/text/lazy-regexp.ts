// A regular expression kept as its source until it first runs. V8 parses a
// pattern when it is made: the claim patterns' 184 triggers (~17,600 characters)
// took ~0.5 ms to make, on every page that names MgT, where a page's clauses
// hold the guard words of only some of them (triggers.ts).

export class LazyRegExp {
  private made: RegExp | null = null;

  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}

  /** The regex, made on first use. */
  get regex(): RegExp {
    return (this.made ??= new RegExp(this.source, this.flags));
  }

  exec(text: string): RegExpExecArray | null {
    return this.regex.exec(text);
  }

  test(text: string): boolean {
    return this.regex.test(text);
  }

  /** Whether it has been made (tests check that unused triggers are not). */
  get isMade(): boolean {
    return this.made !== null;
  }
}
