// Stable links for identifiers. DOIs are resolved through doi.org, PMIDs through PubMed.

/** https://doi.org/<doi> (the DOI's reserved characters encoded, its slashes kept). */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** https://pubmed.ncbi.nlm.nih.gov/<pmid>/ */
export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
}

/** The best single link for a source: DOI, else PubMed, else its own URL, else null. */
export function bestUrl(s: { doi: string | null; pmid: string | null; url: string | null }): string | null {
  if (s.doi) return doiUrl(s.doi);
  if (s.pmid) return pubmedUrl(s.pmid);
  return s.url;
}
