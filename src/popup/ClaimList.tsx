// Every claim on the page, grouped by verdict (worst first). Pressing a claim asks
// the page to scroll to it and flash it.
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { VerdictStyle } from '../core/evidence/verdicts';
import type { Verdict } from '../core/types';
import { verdictExplanation, verdictLabel } from '../shared/i18n';
import { claimLabel, shortCite, verdictStyle } from './evidence';
import type { ClaimRow, VerdictGroup } from './model';
import { S } from './strings';

/** CSS custom properties carrying a verdict's light and dark colours (popup.css picks one). */
function verdictVars(v: VerdictStyle): Record<string, string> {
  return { '--fg-l': v.light.fg, '--bg-l': v.light.bg, '--fg-d': v.dark.fg, '--bg-d': v.dark.bg };
}

function Claim({ row, focused, onReveal, hidden }: { row: ClaimRow; focused: boolean; onReveal: (index: number) => void; hidden: boolean }) {
  const { report, index, revealable } = row;
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!focused || !ref.current) return;
    ref.current.scrollIntoView({ block: 'center' });
    ref.current.querySelector<HTMLElement>('button')?.focus();
  }, [focused]);

  const stance = S.stance(report.stance);
  const noteId = `claim-note-${index}`;
  const head = (
    <>
      <span class="claim-label">{claimLabel(report.claim, report.quote)}</span>
      {stance ? <span class="stance">{stance}</span> : null}
      {/* Quotes come from the page: rendered as text, never as HTML. */}
      <q class="quote">{report.quote}</q>
    </>
  );
  return (
    <li class={focused ? 'claim focused' : 'claim'} ref={ref}>
      {revealable ? (
        <button type="button" class="claim-main" onClick={() => onReveal(index)} aria-describedby={noteId} title={S.showOnPage}>
          {head}
        </button>
      ) : (
        <div class="claim-main gone">
          {head}
          <span class="small muted">{hidden ? S.notMarked : S.notOnPage}</span>
        </div>
      )}
      <p class="note" id={noteId}>
        {report.note}
      </p>
      {report.sources.length > 0 ? (
        <p class="cite">
          {report.sources.map((id, i) => (
            <Fragment key={id}>
              {i > 0 ? '; ' : ''}
              <a href={`#source-${id}`}>{shortCite(id)}</a>
            </Fragment>
          ))}
        </p>
      ) : null}
    </li>
  );
}

export function ClaimList(props: {
  groups: VerdictGroup[];
  focus: number | null;
  onReveal: (index: number) => void;
  /** Verdicts not marked on the page (settings): their claims cannot be shown there. */
  hiddenVerdicts?: readonly Verdict[];
}) {
  const total = props.groups.reduce((n, g) => n + g.rows.length, 0);
  return (
    <section aria-labelledby="claims-h">
      <h2 id="claims-h" class="section-title">
        {S.claimsHeading(total)}
      </h2>
      {/* One line to take in the page at a glance; each item jumps to its group. */}
      <ul class="summary" aria-label={S.summaryLabel}>
        {props.groups.map((g) => {
          const v = verdictStyle(g.verdict);
          return (
            <li key={g.verdict} style={verdictVars(v)}>
              <a class="chip" href={`#group-${g.verdict}`}>
                <span aria-hidden="true">{v.glyph}</span> {g.rows.length} {verdictLabel(g.verdict).toLowerCase()}
              </a>
            </li>
          );
        })}
      </ul>
      {props.groups.map((g) => {
        const v = verdictStyle(g.verdict);
        return (
          <section class="group" id={`group-${g.verdict}`} key={g.verdict} style={verdictVars(v)} aria-labelledby={`verdict-${g.verdict}`}>
            <h3 id={`verdict-${g.verdict}`} class="verdict">
              <span class="glyph" aria-hidden="true">
                {v.glyph}
              </span>
              {verdictLabel(g.verdict)} <span class="count">({g.rows.length})</span>
            </h3>
            <p class="verdict-explanation">{verdictExplanation(g.verdict)}</p>
            <ul class="claims">
              {g.rows.map((row) => (
                <Claim
                  key={row.index}
                  row={row}
                  focused={props.focus === row.index}
                  onReveal={props.onReveal}
                  hidden={props.hiddenVerdicts?.includes(g.verdict) ?? false}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
