// The options page. Every change is saved at once (read, change, write: the
// other settings stay as stored) and the page follows changes made elsewhere
// (the popup's "Don't run on this site").
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { VERDICTS, type Verdict } from '../core/types';
import { t, verdictExplanation, verdictLabel, type MessageKey } from '../shared/i18n';
import {
  SETTINGS_CITATION_FORMATS,
  siteOf,
  withSiteAllowed,
  withSiteBlocked,
  type MarkStyle,
  type RunMode,
  type Settings,
} from '../shared/settings';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store';
import { pastePagePath } from '../paste/handoff';
import { TOGGLE_MARKS_COMMAND } from '../background/commands';

/** Where the shortcut is changed: Chrome's shortcuts page, or Firefox's Add-ons Manager (moz-extension:// pages). */
const SHORTCUT_BODY: MessageKey = browser.runtime.getURL('').startsWith('moz-extension:') ? 'optShortcutBodyFirefox' : 'optShortcutBody';

function Radio<T extends string>(props: { name: string; value: T; current: T; label: string; onPick: (v: T) => void }) {
  return (
    <label>
      <input type="radio" name={props.name} value={props.value} checked={props.current === props.value} onChange={() => props.onPick(props.value)} />
      <span>{props.label}</span>
    </label>
  );
}

let writes: Promise<void> = Promise.resolve();

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');
  const [shortcut, setShortcut] = useState<string | null>(null);

  useEffect(() => {
    void loadSettings().then(setSettings);
    const off = onSettingsChanged(setSettings);
    browser.commands
      .getAll()
      .then((all) => setShortcut(all.find((c) => c.name === TOGGLE_MARKS_COMMAND)?.shortcut ?? ''))
      .catch(() => setShortcut(''));
    return off;
  }, []);

  // One write at a time: two quick changes must not read the same old value.
  const change = (fn: (s: Settings) => Settings): Promise<void> =>
    (writes = writes.then(async () => {
      try {
        setSettings(await updateSettings(fn));
        setStatus(t('optSaved'));
      } catch (e) {
        setStatus(t('optSaveFailed', e instanceof Error ? e.message : String(e)));
      }
    }));

  if (settings === null) return <main aria-busy="true" />;

  const toggleVerdict = (v: Verdict, marked: boolean) =>
    change((s) => ({
      ...s,
      hiddenVerdicts: marked ? s.hiddenVerdicts.filter((x) => x !== v) : [...s.hiddenVerdicts, v],
    }));

  const addSite = (e: Event) => {
    e.preventDefault();
    const s = siteOf(site);
    if (s === null) {
      setSiteError(t('optSiteInvalid'));
      return;
    }
    setSiteError('');
    setSite('');
    void change((cur) => withSiteBlocked(cur, s));
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>

      <fieldset>
        <legend>{t('optRunHeading')}</legend>
        <Radio<RunMode> name="run" value="auto" current={settings.runMode} label={t('optRunAuto')} onPick={(v) => change((s) => ({ ...s, runMode: v }))} />
        <Radio<RunMode> name="run" value="on-click" current={settings.runMode} label={t('optRunOnClick')} onPick={(v) => change((s) => ({ ...s, runMode: v }))} />
        <p class="note">{t('optRunOnClickNote')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('optSitesHeading')}</legend>
        {settings.blockedSites.length === 0 ? <p class="muted">{t('optSitesNone')}</p> : null}
        <ul class="sites">
          {settings.blockedSites.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button type="button" onClick={() => change((cur) => withSiteAllowed(cur, s))} aria-label={t('optSiteRemove', s)}>
                {t('optSiteRemoveButton')}
              </button>
            </li>
          ))}
        </ul>
        <form class="add" onSubmit={addSite}>
          <input
            type="text"
            id="add-site"
            value={site}
            onInput={(e) => setSite((e.target as HTMLInputElement).value)}
            aria-label={t('optSiteAdd')}
            placeholder="example.com"
            aria-invalid={siteError ? 'true' : undefined}
            aria-describedby={siteError ? 'site-error' : undefined}
          />
          <button type="submit">{t('optSiteAddButton')}</button>
        </form>
        {siteError ? (
          <p class="error" id="site-error">
            {siteError}
          </p>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t('optMarksHeading')}</legend>
        <Radio<MarkStyle> name="look" value="highlight" current={settings.markStyle} label={t('optMarkHighlight')} onPick={(v) => change((s) => ({ ...s, markStyle: v }))} />
        <Radio<MarkStyle> name="look" value="underline" current={settings.markStyle} label={t('optMarkUnderline')} onPick={(v) => change((s) => ({ ...s, markStyle: v }))} />
      </fieldset>

      <fieldset>
        <legend>{t('optVerdictsHeading')}</legend>
        {VERDICTS.map((v) => (
          <label key={v} title={verdictExplanation(v)}>
            <input
              type="checkbox"
              name="verdict"
              value={v}
              checked={!settings.hiddenVerdicts.includes(v)}
              onChange={(e) => toggleVerdict(v, (e.target as HTMLInputElement).checked)}
            />
            <span>{verdictLabel(v)}</span>
          </label>
        ))}
        <p class="note">{t('optVerdictsNote')}</p>
      </fieldset>

      <fieldset>
        <legend>
          <label for="citation-format">{t('optCitationHeading')}</label>
        </legend>
        <select
          id="citation-format"
          value={settings.citationFormat}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value as Settings['citationFormat'];
            void change((s) => ({ ...s, citationFormat: v }));
          }}
        >
          {SETTINGS_CITATION_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`format_${f}` as MessageKey)}
            </option>
          ))}
        </select>
      </fieldset>

      <fieldset>
        <legend>{t('optShortcutHeading')}</legend>
        <p>{shortcut === null ? '' : t(SHORTCUT_BODY, shortcut || t('optShortcutUnset'))}</p>
      </fieldset>

      <p>
        <a href={browser.runtime.getURL(pastePagePath())} target="_blank" rel="noopener">
          {t('optPasteLink')}
        </a>
      </p>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
