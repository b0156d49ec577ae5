// The evidence entry for every claim id: label, verdict, a note of at most two
// short sentences and the sources it rests on. Verdicts follow the table in
// shared/evidence/facts.md after its "Corrections"; each note sentence can be
// checked against the listed sources, which are only those facts.md lists for
// the claim (never an `unverified` one). Citations are shown separately.
import type { ClaimId, Evidence } from '../types';

type Entry = Omit<Evidence, 'claim'>;

const ENTRIES: Record<Exclude<ClaimId, 'deficiency-common'>, Entry> = {
  'brain-uptake': {
    label: 'Crosses the blood-brain barrier',
    verdict: 'animal-only',
    note: 'Higher magnesium in the spinal fluid after oral MgT has been measured only in rats. None of the human MgT trials measured brain or spinal-fluid magnesium.',
    sources: ['slutsky-2010', 'chen-2023-brainres', 'liu-2016-jad', 'hausenblas-2024', 'lopresti-2026', 'zhang-2022-nutrients', 'ni-2023-bctt', 'surman-2021'],
  },
  'brain-uptake-exclusive': {
    label: 'Only form that reaches the brain',
    verdict: 'overstated',
    note: 'The only comparison of forms is one rat study of spinal-fluid magnesium, with figures known from secondary summaries. In 17 patients on IV magnesium sulfate, higher blood magnesium went with higher spinal-fluid and brain-fluid magnesium.',
    sources: ['slutsky-2010', 'voneckardstein-2016'],
  },
  'superior-form': {
    label: 'Works better than other magnesium forms',
    verdict: 'overstated',
    note: 'The human MgT trials compared it with a placebo, not with another magnesium form. The only form comparison measured spinal-fluid magnesium in rats, not memory or thinking.',
    sources: ['liu-2016-jad', 'zhang-2022-nutrients', 'hausenblas-2024', 'lopresti-2026', 'slutsky-2010'],
  },
  memory: {
    label: 'Improves memory',
    verdict: 'limited',
    note: 'Three placebo-controlled trials (44 to 109 adults, 30 days to 12 weeks) reported better memory scores; two were company-funded, one tested a combination product. An independent trial of 109 surgical patients found no difference on a cognitive screening test.',
    sources: ['liu-2016-jad', 'lopresti-2026', 'zhang-2022-nutrients', 'ni-2023-bctt'],
  },
  cognition: {
    label: 'Improves focus and thinking',
    verdict: 'limited',
    note: 'Combined thinking scores beat placebo in two trials: 44 older adults over 12 weeks (company-funded) and 100 younger adults over 6 weeks. An independent trial of 109 surgical patients found no difference on a cognitive screening test.',
    sources: ['liu-2016-jad', 'lopresti-2026', 'ni-2023-bctt'],
  },
  'brain-age': {
    label: 'Makes the brain years younger',
    verdict: 'overstated',
    note: 'A 7.5-year drop in "cognitive age" was calculated from test scores in one 6-week trial; the 9-year figure is not in the other trial\'s abstract. Neither trial imaged or measured the brain.',
    sources: ['lopresti-2026', 'liu-2016-jad'],
  },
  'synapse-density': {
    label: 'Increases synapse density',
    verdict: 'animal-only',
    note: 'More synapse markers after MgT have been measured only in rats and mice. The human trial that calls MgT a "synapse density enhancer" reports no synapse measurement in people.',
    sources: ['slutsky-2010', 'abumaria-2011', 'li-2014-molbrain', 'liu-2016-jad'],
  },
  dementia: {
    label: 'Prevents or treats dementia',
    verdict: 'overstated',
    note: "Alzheimer's evidence for MgT comes from mouse studies, one of them retracted; the only dementia study in people is an uncontrolled 17-person pilot. Supplement labels may not claim to prevent or treat a disease.",
    sources: ['li-2014-molbrain', 'li-2013-jneurosci-retracted', 'nct02210286', 'cfr-21-101-93'],
  },
  sleep: {
    label: 'Improves sleep',
    verdict: 'limited',
    note: 'One 21-day trial of 80 adults, co-led by the ingredient\'s marketer, found better deep- and REM-sleep scores than placebo on a sleep-tracking ring. In three other MgT trials, sleep did not differ or could not be judged, apart from one self-rated measure.',
    sources: ['hausenblas-2024', 'lopresti-2026', 'liu-2016-jad', 'ni-2023-bctt'],
  },
  'anxiety-stress': {
    label: 'Reduces anxiety and stress',
    verdict: 'animal-only',
    note: 'Effects of MgT on fear and anxiety-like behaviour have been seen only in rats. In people, one trial found no difference in anxiety scores and another could not tell because of a large placebo response.',
    sources: ['abumaria-2011', 'chen-2023-brainres', 'ni-2023-bctt', 'liu-2016-jad'],
  },
  mood: {
    label: 'Improves mood',
    verdict: 'limited',
    note: 'One 21-day trial in 80 adults, with an industry-linked investigator, reported better self-rated mood on waking than placebo. Two other trials found no difference in depression or wellbeing scores.',
    sources: ['hausenblas-2024', 'ni-2023-bctt', 'lopresti-2026'],
  },
  adhd: {
    label: 'Helps ADHD',
    verdict: 'overstated',
    note: 'The only MgT study in ADHD is an uncontrolled pilot: 15 adults analysed, up to 12 weeks, no placebo, some still on stimulants. 47% met the authors\' response criteria, and the authors call for double-blind trials.',
    sources: ['surman-2021'],
  },
  pain: {
    label: 'Relieves pain',
    verdict: 'overstated',
    note: 'Less pain sensitivity after MgT has been seen only in rats. In the one human trial, 109 patients after breast cancer surgery, persistent pain at 6 months was 31% with MgT and 26% with placebo.',
    sources: ['ni-2023-bctt', 'chen-2023-brainres'],
  },
  'muscle-cramps': {
    label: 'Relieves muscle cramps',
    verdict: 'overstated',
    note: 'A Cochrane review of 11 trials (735 people) found magnesium did not meaningfully reduce unexplained cramps, mostly studied in older adults. No form of magnesium, MgT included, has been shown to work better for cramps.',
    sources: ['garrison-2020-cochrane'],
  },
  'gi-tolerance': {
    label: 'Gentle on the stomach, not a laxative',
    verdict: 'limited',
    note: 'Small MgT trials report it was well tolerated, but no trial reviewed compared stomach effects with other forms at equal magnesium doses. Diarrhoea is the main side effect of high doses of supplemental magnesium.',
    sources: ['liu-2016-jad', 'hausenblas-2024', 'surman-2021', 'ods-magnesium-hp'],
  },
  safety: {
    label: 'Safe for everyone',
    verdict: 'overstated',
    note: 'MgT trials enrolled adults aged 18 to 70 for 3 to 12 weeks; no MgT trial with results in children or in pregnancy was found. Poor kidney function raises the risk from magnesium in any form.',
    sources: ['liu-2016-jad', 'hausenblas-2024', 'lopresti-2026', 'surman-2021', 'ods-magnesium-hp'],
  },
  'non-gmo': {
    label: 'Non-GMO, clean label',
    verdict: 'not-evaluable',
    note: 'This is a labelling or sourcing statement that no clinical study tests. The label wording was not checked for this note.',
    sources: ['neuro-mag-label'],
  },
  'mit-origin': {
    label: 'Developed at MIT',
    verdict: 'accurate',
    note: 'MIT researchers were involved, but the 2010 study\'s authors came from MIT, Tsinghua University, the University of Toronto and Tel Aviv University. Its corresponding author, Guosong Liu, holds MgT patents assigned to Magceutics.',
    sources: ['slutsky-2010', 'magtein-patents'],
  },
  'neuron-2010': {
    label: 'Cites the 2010 Neuron study',
    verdict: 'accurate',
    note: 'The paper exists as cited: Neuron 2010;65(2):165-177. It is a rat study with no human data.',
    sources: ['slutsky-2010'],
  },
  'clinically-proven': {
    label: 'Clinically proven',
    verdict: 'overstated',
    note: 'Human MgT evidence is five placebo-controlled trials of 44 to 109 people lasting 3 to 12 weeks, plus one 15-person pilot. Three were funded or co-authored by MgT companies, and the one trial with no industry authors found no benefit.',
    sources: ['liu-2016-jad', 'zhang-2022-nutrients', 'hausenblas-2024', 'lopresti-2026', 'ni-2023-bctt', 'surman-2021'],
  },
  'patented-form': {
    label: 'Patented form (Magtein)',
    verdict: 'accurate',
    note: 'Magtein is covered by US patents, including 8,178,118 and 8,142,803, with Guosong Liu among the inventors. A patent does not test whether a product works.',
    sources: ['magtein-patents'],
  },
  'threonine-confusion': {
    label: 'Bound to threonine (an amino acid)',
    verdict: 'inaccurate',
    note: 'MgT is the magnesium salt of L-threonic acid, a breakdown product of vitamin C. Threonine is a different molecule: an amino acid that contains nitrogen.',
    sources: ['threonate-chemistry', 'threonic-acid-1983'],
  },
  'vitamin-c-metabolite': {
    label: 'Threonate comes from vitamin C',
    verdict: 'accurate',
    note: 'L-threonic acid is a breakdown product of vitamin C (ascorbic acid). This is true of threonate, not of the amino acid threonine.',
    sources: ['threonic-acid-1983', 'threonate-chemistry'],
  },
  'magnesium-biology': {
    label: "Magnesium's role in the body",
    verdict: 'accurate',
    note: 'Magnesium is a cofactor in more than 300 enzyme systems, including those for muscle and nerve function, blood sugar and energy. This is true of magnesium in any form, not only MgT.',
    sources: ['ods-magnesium-hp'],
  },
  stacking: {
    label: 'Combine with other supplements',
    verdict: 'not-evaluable',
    note: 'No trial reviewed tested MgT with calcium, and the one combination-product trial had no MgT-only group. The 350 mg daily upper limit for supplemental magnesium covers all supplements taken together.',
    sources: ['zhang-2022-nutrients', 'ods-magnesium-hp'],
  },
};

/** `deficiency-common` when the page speaks of intake below needs ("about half don't get enough"). */
export const DEFICIENCY_INTAKE: Evidence = {
  claim: 'deficiency-common',
  label: 'Many people get too little magnesium',
  verdict: 'accurate',
  note: 'US survey data from 2013-2016 show about 48% of Americans take in less magnesium from food and drink than the estimated average requirement. Low intake is not the same as deficiency.',
  sources: ['ods-magnesium-hp'],
};

/** `deficiency-common` when the page says most people are deficient. */
export const DEFICIENCY_MOST: Evidence = {
  claim: 'deficiency-common',
  label: 'Most people are magnesium deficient',
  verdict: 'overstated',
  note: 'About 48% of Americans take in less magnesium from food and drink than the estimated average requirement. That is low intake, not proof that most people are deficient.',
  sources: ['ods-magnesium-hp'],
};

// "Most people" in its usual guises, including shares above one half. "Most" alone
// is not enough: "one of the most important minerals" says nothing about prevalence.
const MOST =
  /\b(?:most (?:of us|people|americans|adults|individuals|men|women|of the population)|(?:the )?majority|nearly all|almost all|three[- ]quarters|(?:5[1-9]|[6-9]\d|100) ?(?:%|percent))|\bup to (?:5[1-9]|[6-9]\d)/i;
const DEFICIENT = /\b(deficien\w*|lack\w*|depleted|insufficien\w*)\b/i;
const INTAKE = /\b(intake|diet\w*|food|foods|eat\w*|consum\w*|get enough|getting enough|get less|gets less|fall short|falls short|below|less than|recommended|requirement|RDA|EAR)\b/i;

/**
 * Which `deficiency-common` entry fits the page's words: claims that most people are
 * deficient (or that "half are deficient" without speaking of intake) are overstated;
 * wording about intake below needs, or "about half", is accurate. Without a quote the
 * intake entry is returned, since it states the figure without judging the page.
 */
export function deficiencyEvidence(quote?: string): Evidence {
  if (quote === undefined) return DEFICIENCY_INTAKE;
  if (MOST.test(quote)) return DEFICIENCY_MOST;
  if (DEFICIENT.test(quote) && !INTAKE.test(quote)) return DEFICIENCY_MOST;
  return DEFICIENCY_INTAKE;
}

/** The evidence entry for a claim id; `quote` only matters for `deficiency-common`. */
export function evidenceFor(claim: ClaimId, quote?: string): Evidence {
  if (claim === 'deficiency-common') return deficiencyEvidence(quote);
  return { claim, ...ENTRIES[claim] };
}

/** Every claim id's entry (for `deficiency-common`, the intake entry; use `evidenceFor` with the quote). */
export const EVIDENCE: Readonly<Record<ClaimId, Evidence>> = Object.fromEntries(
  (Object.keys(ENTRIES) as ClaimId[])
    .concat('deficiency-common')
    .map((id) => [id, evidenceFor(id)]),
) as Record<ClaimId, Evidence>;

/**
 * Claim ids that are disease claims whenever asserted. `mood` is one only when it
 * speaks of depression; the caller decides that from the quote.
 */
export const DISEASE_CLAIMS: readonly ClaimId[] = ['dementia', 'adhd', 'pain'];
