// Full citations for every source the claims rest on, with DOI/PubMed links and
// copy buttons, in the format chosen in the select (AMA, Vancouver, APA, BibTeX, RIS;
// remembered in the settings).
import type { Source } from '../core/types';
import type { CitationFormat } from '../core/cite';
import { SETTINGS_CITATION_FORMATS } from '../shared/settings';
import { t, type MessageKey } from '../shared/i18n';
import { CopyButton } from './CopyButton';
import { citation, doiUrl, getSource, pubmedUrl } from './evidence';
import { S } from './strings';

function ExternalLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="sr-only"> {S.opensNewTab}</span>
    </a>
  );
}

/** BibTeX and RIS are records, not sentences: shown as preformatted text. */
const isRecord = (f: CitationFormat) => f === 'bibtex' || f === 'ris';

function SourceItem({ source, format }: { source: Source; format: CitationFormat }) {
  const citeId = `cite-${source.id}`;
  const text = citation(source, format);
  return (
    <li id={`source-${source.id}`} class="source" tabIndex={-1}>
      {isRecord(format) ? (
        <pre class="citation" id={citeId}>
          {text}
        </pre>
      ) : (
        <p class="citation" id={citeId}>
          {text}
        </p>
      )}
      <p class="small muted">{source.design}</p>
      {source.confidence !== 'verified' ? <p class="small muted">{S.unverifiedSource}</p> : null}
      <p class="links">
        {source.doi ? <ExternalLink href={doiUrl(source.doi)}>{`${S.doi} ${source.doi}`}</ExternalLink> : null}
        {source.pmid ? <ExternalLink href={pubmedUrl(source.pmid)}>{`${S.pubmed} ${source.pmid}`}</ExternalLink> : null}
        {!source.doi && !source.pmid && source.url ? <ExternalLink href={source.url}>{S.link}</ExternalLink> : null}
        <CopyButton text={() => citation(source, format)} label={S.copyCitation} describedBy={citeId} />
      </p>
    </li>
  );
}

/** All citations in one text: numbered sentences, or records separated by a blank line. */
export function allCitations(sources: readonly Source[], format: CitationFormat): string {
  if (isRecord(format)) return sources.map((s) => citation(s, format).trimEnd()).join('\n\n');
  return sources.map((s, i) => `${i + 1}. ${citation(s, format)}`).join('\n');
}

export function Citations(props: { ids: readonly string[]; format: CitationFormat; onFormat: (f: CitationFormat) => void }) {
  const { format } = props;
  const sources = props.ids.map(getSource).filter((s): s is Source => s !== undefined);
  if (sources.length === 0) return null;
  return (
    <section aria-labelledby="sources-h" class="sources">
      <div class="section-head">
        <h2 id="sources-h" class="section-title">
          {S.sourcesHeading}
        </h2>
        <label class="format">
          {S.citationFormat}
          <select
            id="citation-format"
            value={format}
            onChange={(e) => props.onFormat((e.target as HTMLSelectElement).value as CitationFormat)}
          >
            {SETTINGS_CITATION_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`format_${f}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <CopyButton text={() => allCitations(sources, format)} label={S.copyAll} />
      </div>
      <ol>
        {sources.map((s) => (
          <SourceItem key={s.id} source={s} format={format} />
        ))}
      </ol>
    </section>
  );
}
