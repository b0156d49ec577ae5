// Full citations (AMA) for every source the claims rest on, with DOI/PubMed links
// and copy buttons.
import type { Source } from '../core/types';
import { CopyButton } from './CopyButton';
import { amaCitation, doiUrl, getSource, pubmedUrl } from './evidence';
import { S } from './strings';

function ExternalLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="sr-only"> {S.opensNewTab}</span>
    </a>
  );
}

function SourceItem({ source }: { source: Source }) {
  const citeId = `cite-${source.id}`;
  return (
    <li id={`source-${source.id}`} class="source" tabIndex={-1}>
      <p class="citation" id={citeId}>
        {amaCitation(source)}
      </p>
      <p class="small muted">{source.design}</p>
      {source.confidence !== 'verified' ? <p class="small muted">{S.unverifiedSource}</p> : null}
      <p class="links">
        {source.doi ? <ExternalLink href={doiUrl(source.doi)}>{`${S.doi} ${source.doi}`}</ExternalLink> : null}
        {source.pmid ? <ExternalLink href={pubmedUrl(source.pmid)}>{`${S.pubmed} ${source.pmid}`}</ExternalLink> : null}
        {!source.doi && !source.pmid && source.url ? <ExternalLink href={source.url}>{S.link}</ExternalLink> : null}
        <CopyButton text={() => amaCitation(source)} label={S.copyCitation} describedBy={citeId} />
      </p>
    </li>
  );
}

export function Citations({ ids }: { ids: readonly string[] }) {
  const sources = ids.map(getSource).filter((s): s is Source => s !== undefined);
  if (sources.length === 0) return null;
  const all = () => sources.map((s, i) => `${i + 1}. ${amaCitation(s)}`).join('\n');
  return (
    <section aria-labelledby="sources-h" class="sources">
      <div class="section-head">
        <h2 id="sources-h" class="section-title">
          {S.sourcesHeading}
        </h2>
        <CopyButton text={all} label={S.copyAll} />
      </div>
      <ol>
        {sources.map((s) => (
          <SourceItem key={s.id} source={s} />
        ))}
      </ol>
    </section>
  );
}
