// One run of the in-page baselines (floor, floor + regex, floor + triggers, the
// cheap gate, mark.js), each on a fresh load of the page, in a browser without the
// extension: the same sequence for Chromium (Playwright) and Firefox (Puppeteer),
// through the few calls both page APIs share.
import { cheapGate, floorRead, floorRegex, markJs, type Timed } from './in-page';
import { ALL_TRIGGERS_REGEX, CLAIM_REGEX } from './regex';
import type { BaselineRun } from './page-medians';

/** A tab of the baseline browser, as either driver gives it. */
export interface BaselineTab {
  /** Loads the bench page afresh (the page's own state and ours gone). */
  load(): Promise<void>;
  /** Runs a self-contained in-page function (in-page.ts) with its argument. */
  run(fn: (arg: string) => Timed | Promise<Timed>, arg: string): Promise<Timed>;
  /** Puts mark.js in the page. */
  addScript(content: string): Promise<void>;
}

export async function baselineRun(tab: BaselineTab, markJsSource: string): Promise<BaselineRun> {
  await tab.load();
  const floor = await tab.run(floorRead, '');
  await tab.load();
  const floorRegexRun = await tab.run(floorRegex, CLAIM_REGEX);
  await tab.load();
  const floorTriggers = await tab.run(floorRegex, ALL_TRIGGERS_REGEX);
  await tab.load();
  const gate = await tab.run(cheapGate, '');
  await tab.load();
  await tab.addScript(markJsSource);
  const mark = await tab.run(markJs, CLAIM_REGEX);
  return { floor, floorRegex: floorRegexRun, floorTriggers, markJs: mark, gate };
}
