// Settings chosen on the options page are still in force after Firefox restarts on
// the same profile (test/e2e/settings tests the same in Chromium). The add-on is
// installed in the profile as a user's is (installedInProfile), not as a temporary
// add-on: Firefox uninstalls those when it quits, so a restart would start without
// it. The second start loads the same installation from what Firefox kept on disk.
// Not covered: a signed add-on from addons.mozilla.org in release Firefox; this one
// is the unsigned build, loaded unpacked, which only ESR (or Nightly) accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMarkers } from '../e2e/harness/pages';
import { FIXTURES, SEED_EXPECTED } from '../e2e/harness/seed-expected';
import { serveStatic, type StaticServer } from '../e2e/harness/server';
import { VERDICT_STYLES } from '../../src/core/evidence/verdicts';
import {
  claimCount,
  installedInProfile,
  isChecked,
  named,
  openPage,
  storedSettings,
  waitFor,
  type FirefoxWithExtension,
  type ProfileWithExtension,
} from './harness';
import { listedSites, openOptions } from './options-page';

let server: StaticServer;
let profile: ProfileWithExtension;
let firefox: FirefoxWithExtension | undefined;

beforeAll(async () => {
  server = await serveStatic(FIXTURES);
  profile = await installedInProfile();
});

afterAll(async () => {
  await firefox?.close().catch(() => undefined); // already closed when the restart failed
  await profile?.remove();
  await server?.close();
});

const hiddenLabel = VERDICT_STYLES['animal-only'].label;

describe('settings across a restart', () => {
  it('the look, a hidden verdict and a never-run site chosen on the options page hold after Firefox restarts', async () => {
    firefox = await profile.start();
    let opts = await openOptions(firefox);
    await (await named(opts, 'input[type=radio]', 'Underline only')).click();
    await (await named(opts, 'input[type=checkbox]', hiddenLabel)).click();
    await (await named(opts, 'input', 'Add a site')).type('example.org');
    await (await named(opts, 'button', 'Add')).click();
    // Saved before quitting: what the restart must keep.
    const saved = await waitFor(
      () => storedSettings(opts),
      (s) => s?.markStyle === 'underline' && (s.hiddenVerdicts as string[]).includes('animal-only') && (s.blockedSites as string[]).includes('example.org'),
      'the options to be saved',
    );
    await firefox.close();

    firefox = await profile.start();
    opts = await openOptions(firefox);
    expect(await storedSettings(opts)).toEqual(saved);
    expect(await isChecked(await named(opts, 'input[type=radio]', 'Underline only'))).toBe(true);
    expect(await isChecked(await named(opts, 'input[type=checkbox]', hiddenLabel))).toBe(false);
    expect(await listedSites(opts)).toEqual(['example.org']);

    // And a page read after the restart follows them: every claim counted, the
    // hidden verdict unmarked, marks underlined rather than filled.
    const { page, errors } = await openPage(firefox, `${server.origin}/seed.html`);
    expect(await claimCount(page, 1)).toBe(SEED_EXPECTED.length);
    const marks = await page.evaluate(readMarkers);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => m.verdict === 'animal-only')).toEqual([]);
    const css = await page.evaluate(() => document.getElementById('evidence-lens-highlight-style')?.textContent ?? '');
    expect(css).toContain('text-decoration:underline');
    expect(css.replace(/::highlight\(evidence-lens-flash\)\{[^}]*\}/, '')).not.toContain('background-color'); // no tint
    expect(errors).toEqual([]);
  });
});
