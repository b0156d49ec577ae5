// Shared types of the pure core. No DOM, no browser APIs: this file is imported
// by the content script, the popup, the CLI and Node tests alike.

/** Claim ids: the contract from shared/spec/claims.md. Never rename or drop one. */
export const CLAIM_IDS = [
  'brain-uptake',
  'brain-uptake-exclusive',
  'superior-form',
  'memory',
  'cognition',
  'brain-age',
  'synapse-density',
  'dementia',
  'sleep',
  'anxiety-stress',
  'mood',
  'adhd',
  'pain',
  'muscle-cramps',
  'gi-tolerance',
  'safety',
  'non-gmo',
  'mit-origin',
  'neuron-2010',
  'clinically-proven',
  'patented-form',
  'threonine-confusion',
  'vitamin-c-metabolite',
  'deficiency-common',
  'magnesium-biology',
  'stacking',
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

export const VERDICTS = [
  'supported',
  'limited',
  'animal-only',
  'overstated',
  'inaccurate',
  'accurate',
  'not-evaluable',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export type Stance = 'asserted' | 'hedged' | 'negated';

/** Where on the page a block sits; claims in navigation/footers/asides don't make a page "about MgT". */
export type Region = 'main' | 'nav' | 'header' | 'footer' | 'aside';

/**
 * One block-level element's text (paragraph, list item, table cell, heading…).
 * `text` is the raw text exactly as the DOM has it (concatenated text nodes), so
 * offsets into it map straight back to DOM positions in the adapter.
 */
export interface TextBlock {
  text: string;
  /** Lower-case tag of the block element: 'p', 'li', 'h2', 'td', 'div', … */
  tag: string;
  /** 1-6 for headings, 0 otherwise. */
  headingLevel: number;
  region: Region;
  /**
   * Offsets in `text`, in order, around which the prefilter found that a claim or a
   * name may sit, when a sparse read knows them. Detection then passes over the
   * windows of a huge block (text/windows.ts), and the sentences, that hold none.
   * Absent: detection finds each window's own (claims/detect.ts).
   */
  candidates?: number[];
}

/** A claim found in a block. Offsets are into `TextBlock.text` (raw, not normalized). */
export interface ClaimMatch {
  claim: ClaimId;
  stance: Stance;
  /** Index of the block in the input array. */
  block: number;
  /** Start/end of the sentence quoted, in the raw block text. */
  start: number;
  end: number;
  /** The sentence as the page wrote it (whitespace collapsed). */
  quote: string;
  /** Start/end of the words that triggered the claim, in the raw block text (for the highlight). */
  matchStart: number;
  matchEnd: number;
}

export type SourceType =
  | 'animal-study'
  | 'human-rct'
  | 'human-open-label'
  | 'meta-analysis'
  | 'review'
  | 'fact-sheet'
  | 'regulation'
  | 'guideline';

export type Confidence = 'verified' | 'partly-verified' | 'unverified';

/** A source with full bibliographic metadata (from shared/evidence/sources.json). */
export interface Source {
  id: string;
  authors: string[];
  title: string;
  journal: string;
  year: number | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  /** Stable web address for sources without DOI/PMID (registry record, fact sheet, regulation). */
  url: string | null;
  type: SourceType;
  species: string | null;
  n: string | null;
  duration: string | null;
  funding: string | null;
  confidence: Confidence;
  /** Short plain-words description, e.g. "rat study" or "RCT, 44 adults, 12 weeks, company-funded". */
  design: string;
}

/** The evidence entry for one claim id. */
export interface Evidence {
  claim: ClaimId;
  /** Short human label for the claim ("Crosses the blood-brain barrier"). */
  label: string;
  verdict: Verdict;
  /** At most two short sentences, plain words; every sentence traceable to `sources`. */
  note: string;
  /** Source ids the note rests on, most important first. */
  sources: string[];
}

/** What the adapter hands the core about a page besides its blocks. */
export interface PageData {
  url: string | null;
  title: string;
  /** <meta property|name> → content, lower-cased keys (og:title, og:site_name, product:brand, og:price:amount, …). */
  meta: Record<string, string>;
  /** Raw text of every <script type="application/ld+json">. */
  jsonLd: string[];
  blocks: TextBlock[];
}

export interface ProductSummary {
  name: string | null;
  brand: string | null;
  /** 'magnesium L-threonate' | 'Magtein® (magnesium L-threonate)' | null */
  form: string | null;
  serving: string | null;
  mgt_mg_per_serving: number | null;
  elemental_mg_per_serving: number | null;
  elemental_is_estimate: boolean;
  /** How an estimate was made (null when stated on the page). */
  elemental_estimate_basis: string | null;
  servings_per_container: number | null;
  /** Servings per day from the directions, when stated. */
  servings_per_day: number | null;
  price: string | null;
}

export interface DoseContext {
  /** Elemental Mg per day at the label's directions (null if unknown). */
  daily_elemental_mg: number | null;
  daily_is_estimate: boolean;
  /** MgT per day at the label's directions, to set beside the trial doses (which are given as MgT). */
  daily_mgt_mg: number | null;
  /** Adult tolerable upper intake level for supplemental magnesium (mg/day). */
  upper_limit_mg: number;
  upper_limit_source: string;
  /** Doses used in the human MgT trials, for comparison. */
  trial_doses: { source: string; dose: string }[];
}

/** One reported claim: the JSON contract of `scan --json` (extra fields may be added, never removed). */
export interface ClaimReport {
  claim: ClaimId;
  stance: Stance;
  verdict: Verdict;
  quote: string;
  note: string;
  sources: string[];
}

export interface ScanResult {
  product: ProductSummary | null;
  disclaimer: boolean;
  claims: ClaimReport[];
  dose: DoseContext | null;
  /** Claim ids asserted on the page that are disease claims (not allowed for supplements). */
  disease_claims: ClaimId[];
}
