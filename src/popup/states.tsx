// The three calm states before (or instead of) a report.
import { S } from './strings';

export function Loading() {
  return (
    <div class="state" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <p>{S.loading}</p>
    </div>
  );
}

export function CannotRun() {
  return (
    <div class="state" role="status">
      <p class="state-title">{S.cannotRunTitle}</p>
      <p>{S.cannotRunBody}</p>
    </div>
  );
}

export function NoClaims() {
  return (
    <div class="state" role="status">
      <p class="state-title">{S.noClaims}</p>
      <p class="muted">{S.noClaimsHint}</p>
    </div>
  );
}

export function SiteOff({ site, onTurnOn }: { site: string | null; onTurnOn: () => void }) {
  const name = site ?? '';
  return (
    <div class="state" role="status">
      <p class="state-title">{S.siteOffTitle(name)}</p>
      <p class="muted">{S.siteOffBody}</p>
      <button type="button" class="copy" onClick={onTurnOn}>
        {S.siteTurnOn(name)}
      </button>
    </div>
  );
}
