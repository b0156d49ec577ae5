// The product summary: what is in a serving, the daily dose beside the upper limit
// and the trial doses, the FDA disclaimer, and any disease claims.
import type { ClaimId, DoseContext, ProductSummary } from '../core/types';
import { claimLabel, shortCite } from './evidence';
import { formatMg, isOverUpperLimit, shareOfUpperLimit } from './model';
import { S } from './strings';

function Row(props: { term: string; value: string | number | null; estimate?: boolean; basis?: string | null }) {
  const { term, value, estimate = false, basis = null } = props;
  if (value === null || value === '') return null;
  return (
    <div class="row">
      <dt>{term}</dt>
      <dd>
        {value}
        {estimate ? (
          <>
            {' '}
            <span class="estimate" title={basis ?? undefined}>
              ({S.estimate})
            </span>
            {basis ? <span class="hint">{S.estimateBasis(basis)}</span> : null}
          </>
        ) : null}
      </dd>
    </div>
  );
}

function Dose({ dose }: { dose: DoseContext }) {
  const daily = formatMg(dose.daily_elemental_mg);
  const share = shareOfUpperLimit(dose);
  return (
    <section class="card" aria-labelledby="dose-h">
      <h2 id="dose-h">{S.doseHeading}</h2>
      {daily ? (
        <p>
          {S.dailyElemental}: <strong>{daily}</strong>
          {dose.daily_is_estimate ? ` (${S.estimate})` : ''}
        </p>
      ) : (
        <p class="muted">{S.dailyUnknown}</p>
      )}
      {share !== null ? (
        <div class="meter" aria-hidden="true">
          <span style={{ width: `${Math.min(100, Math.round(share * 100))}%` }} />
        </div>
      ) : null}
      <p class="small">
        {S.upperLimit(dose.upper_limit_mg)} <span class="cite">({shortCite(dose.upper_limit_source)})</span>
      </p>
      {isOverUpperLimit(dose) ? <p class="warn">{S.overUpperLimit}</p> : null}
      {dose.trial_doses.length > 0 ? (
        <details>
          <summary>{S.trialDoses}</summary>
          <ul class="small">
            {dose.trial_doses.map((t) => (
              <li key={t.source}>
                {t.dose} <span class="cite">({shortCite(t.source)})</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

export function ProductCard(props: {
  product: ProductSummary | null;
  dose: DoseContext | null;
  disclaimer: boolean;
  diseaseClaims: readonly ClaimId[];
}) {
  const { product: p, dose, disclaimer, diseaseClaims } = props;
  return (
    <>
      {p ? (
        <section class="card" aria-labelledby="product-h">
          <h2 id="product-h">{S.productHeading}</h2>
          <dl>
            <Row term={S.name} value={p.name} />
            <Row term={S.brand} value={p.brand} />
            <Row term={S.form} value={p.form} />
            <Row term={S.serving} value={p.serving} />
            <Row term={S.mgtPerServing} value={formatMg(p.mgt_mg_per_serving)} />
            <Row
              term={S.elementalPerServing}
              value={formatMg(p.elemental_mg_per_serving)}
              estimate={p.elemental_is_estimate}
              basis={p.elemental_estimate_basis}
            />
            <Row term={S.servingsPerContainer} value={p.servings_per_container} />
            <Row term={S.servingsPerDay} value={p.servings_per_day} />
            <Row term={S.price} value={p.price} />
          </dl>
        </section>
      ) : null}
      {dose ? <Dose dose={dose} /> : null}
      {/* The disclaimer matters on a product page; on an article its absence says nothing. */}
      {p || disclaimer || diseaseClaims.length > 0 ? (
        <section class="card flags" aria-label={S.labelChecks}>
          {p || disclaimer ? <p>{disclaimer ? S.disclaimerPresent : S.disclaimerMissing}</p> : null}
          {diseaseClaims.length > 0 ? (
            <p class="warn">
              {S.diseaseClaims} {diseaseClaims.map((c) => claimLabel(c)).join('; ')}.
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
