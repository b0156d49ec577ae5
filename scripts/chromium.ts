// The one place that says how we start Debian's Chromium: tests, the benchmark and
// the demo all use these flags. Never downloads a browser: the system Chromium only.
// MV3 extensions need the new headless mode, so callers pass `headless: false` to
// Playwright (it would add the old flag) and get `--headless=new` from here.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking flags Chromium tries to reach Google's hosts, which this machine refuses. */
const BASE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumArgs({ headless = true, extension }: { headless?: boolean; extension?: string } = {}): string[] {
  return [
    ...(headless ? ['--headless=new'] : []),
    ...BASE_FLAGS,
    ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
  ];
}
