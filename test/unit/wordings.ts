// Wordings for every claim id: asserted and not asserted (denied, doubted, or about
// another magnesium form). Each case is a one-paragraph page; `page: 'mgt'` puts it
// under a heading about MgT so subjectless sentences count. Used by
// claims-wording.test.ts and prefilter.test.ts.
import { CLAIM_IDS, type ClaimId, type TextBlock } from '../../src/core/types';

export interface Case {
  text: string;
  page?: 'mgt' | 'none';
}
export const W: Record<ClaimId, { yes: Array<string | Case>; no: Array<string | Case> }> = {
  'brain-uptake': {
    yes: [
      'Magtein is able to cross the blood-brain barrier.',
      'Magnesium threonate readily penetrates the BBB.',
      { text: 'Raises magnesium levels in the cerebrospinal fluid.', page: 'mgt' },
      'Neuro-Mag delivers magnesium directly into the brain.',
      'MgT is a brain-bioavailable form that raises brain magnesium.',
    ],
    no: [
      'There is no evidence that magnesium L-threonate crosses the blood-brain barrier in humans.',
      'Magnesium glycinate crosses the blood brain barrier, according to the seller.',
      'It is unclear whether magnesium L-threonate gets into the human brain.',
      { text: 'Magnesium oxide does not get into the brain.', page: 'mgt' },
    ],
  },
  'brain-uptake-exclusive': {
    yes: [
      'Magtein® is the only magnesium compound shown to effectively raise magnesium levels in the brain.',
      'Magtein is the only form of magnesium that can cross the blood-brain barrier.',
      'Only magnesium L-threonate raises brain magnesium levels.',
      { text: 'Other forms of magnesium fail to raise brain levels.', page: 'mgt' },
      'Unlike other magnesium supplements, MgT effectively crosses into the brain.',
      'Unlike most supplements, magnesium threonate readily penetrates the BBB.',
    ],
    no: [
      'The claim that MgT is the only form of magnesium to reach the brain is a myth.',
      'It has not been shown that only magnesium L-threonate can cross the blood-brain barrier.',
      'Some sellers say magnesium threonate may be the only form able to enter the brain.',
    ],
  },
  'superior-form': {
    yes: [
      'Magtein is the most advanced form of magnesium available.',
      'Magnesium L-threonate is superior to other forms of magnesium for brain health.',
      'Magtein works better than magnesium citrate or oxide for memory.',
      'MgT is the most bioavailable form of magnesium for the brain.',
      'In head-to-head comparisons, Neuro-Mag outperforms ordinary magnesium.',
    ],
    no: [
      'No study has shown that magnesium L-threonate is superior to other forms.',
      'Magnesium glycinate is better than oxide for absorption.',
      'Whether MgT is better than citrate remains unclear.',
    ],
  },
  memory: {
    yes: [
      'Magnesium L-threonate improves memory.',
      'Magtein enhances short- and long-term memory in adults.',
      { text: 'Supports healthy memory and learning.', page: 'mgt' },
      'Users of MgT report sharper recall and better working memory.',
    ],
    no: [
      'Magnesium L-threonate has not been shown to improve memory in healthy adults.',
      'Magnesium L-threonate may improve memory, but the trials were small.',
      'Magnesium glycinate improves memory, some bloggers claim.',
      'My patients worry about memory loss.',
    ],
  },
  cognition: {
    yes: [
      'Magnesium L-threonate boosts focus and mental clarity.',
      'Magtein supports cognitive function as you age.',
      { text: 'Helps you stay sharp, clear and focused all day.', page: 'mgt' },
      'With MgT you will notice improved concentration and clearer thinking.',
    ],
    no: [
      'Magnesium L-threonate did not improve cognition in the independent trial.',
      'MgT might support focus, though the evidence is thin.',
      'Magnesium citrate improves concentration.',
    ],
  },
  'brain-age': {
    yes: [
      'Magtein reversed brain age by nine years in a clinical study.',
      'Taking magnesium L-threonate can make your brain 9 years younger.',
      { text: 'Supports healthy brain aging.', page: 'mgt' },
    ],
    no: [
      'There is no evidence that MgT reverses brain aging.',
      'Magnesium citrate helps slow brain aging, according to the label.',
    ],
  },
  'synapse-density': {
    yes: [
      'Magnesium L-threonate increases synaptic density.',
      'MgT promotes neuroplasticity and new brain connections.',
      { text: 'Boosts the number of synapses in the hippocampus.', page: 'mgt' },
    ],
    no: [
      'MgT increased synapse density in rats, but this has not been studied in people.',
      'It is not known whether magnesium L-threonate increases synaptic density in humans.',
    ],
  },
  dementia: {
    yes: [
      "Magnesium L-threonate protects against age-related cognitive decline.",
      "Magtein can help prevent Alzheimer's disease.",
      { text: 'A natural treatment for dementia.', page: 'mgt' },
    ],
    no: [
      'There is no evidence that magnesium L-threonate prevents dementia.',
      "MgT may slow cognitive decline in people with Alzheimer's, early research suggests.",
    ],
  },
  sleep: {
    yes: [
      'Magnesium L-threonate improves sleep quality.',
      { text: 'Promotes deep, restful sleep.', page: 'mgt' },
      'Take Magtein before bed to fall asleep faster.',
    ],
    no: [
      'Magnesium L-threonate did not improve sleep scores in the independent trial.',
      'Magnesium glycinate promotes restful sleep.',
      'MgT might help some people sleep better.',
    ],
  },
  'anxiety-stress': {
    yes: [
      'Magnesium L-threonate reduces stress and anxiety.',
      { text: 'Naturally calming.', page: 'mgt' },
      'Magtein helps you relax after a long day.',
    ],
    no: [
      'Magnesium L-threonate does not reduce anxiety, according to the trial.',
      'Magnesium glycinate is known for its calming effect.',
    ],
  },
  mood: {
    yes: [
      'Magnesium L-threonate supports a positive mood.',
      'Magtein helps relieve depression.',
      { text: 'Boosts mood and emotional balance.', page: 'mgt' },
    ],
    no: [
      'Magnesium L-threonate did not change depression scores.',
      'Magnesium taurate lifts your mood.',
    ],
  },
  adhd: {
    yes: [
      'Magnesium L-threonate helps adults with ADHD.',
      'Magtein is a natural option for attention deficit disorder.',
      { text: 'Helps children with attention problems.', page: 'mgt' },
    ],
    no: [
      'Magnesium L-threonate has not been proven to treat ADHD.',
      'MgT might help ADHD symptoms, a small pilot suggests.',
    ],
  },
  pain: {
    yes: [
      'Magnesium L-threonate relieves neuropathic pain.',
      'Magtein helps with migraines and headaches.',
      { text: 'Natural pain relief without drugs.', page: 'mgt' },
    ],
    no: [
      'Magnesium L-threonate did not prevent persistent pain after surgery.',
      'Magnesium sulfate relieves migraine pain.',
    ],
  },
  'muscle-cramps': {
    yes: [
      'Magnesium L-threonate relieves muscle cramps.',
      'Magtein stops night-time leg cramps and charley horses.',
      { text: 'Eases muscle spasms.', page: 'mgt' },
    ],
    no: [
      'Magnesium glycinate is a very good choice for muscle cramps.',
      'Magnesium L-threonate does not relieve leg cramps.',
    ],
  },
  'gi-tolerance': {
    yes: [
      "Unlike magnesium citrate, Magtein won't upset your stomach.",
      'Magnesium L-threonate does not act as a laxative.',
      'Magtein is gentle on the stomach.',
      { text: 'No digestive upset, unlike cheaper magnesium.', page: 'mgt' },
    ],
    no: [
      'Magnesium glycinate is gentle on the stomach.',
      'It is a myth that magnesium L-threonate is gentle on the stomach.',
    ],
  },
  safety: {
    yes: [
      'Magnesium L-threonate is completely safe.',
      'Magtein is for everyone, young and old.',
      { text: 'No side effects.', page: 'mgt' },
    ],
    no: [
      'Magnesium L-threonate has not been tested in children, so it is not known to be safe for everyone.',
      'Magnesium glycinate is safe for everyone.',
    ],
  },
  'non-gmo': {
    yes: [
      'Magnesium L-threonate is non-GMO.',
      'Neuro-Mag is free of genetically engineered ingredients.',
      { text: 'GMO-free and vegan.', page: 'mgt' },
    ],
    no: [
      'Our magnesium citrate is non-GMO.',
      { text: 'Magnesium glycinate: GMO free.', page: 'mgt' },
    ],
  },
  'mit-origin': {
    yes: [
      'Magnesium L-threonate was developed by MIT scientists.',
      'Magtein was discovered at the Massachusetts Institute of Technology.',
      { text: 'Researchers at MIT created this form.', page: 'mgt' },
    ],
    no: [
      'Magnesium glycinate was studied at MIT.',
      { text: 'Our CEO graduated from MIT.', page: 'none' },
    ],
  },
  'neuron-2010': {
    yes: [
      'The research behind Magtein was published in the prestigious journal Neuron.',
      'A study of magnesium L-threonate was published in 2010 in the journal Neuron.',
      'The 2010 Neuron paper showed that MgT enhanced learning in rats.',
      { text: 'According to a study published in 2010, it raised brain magnesium.', page: 'mgt' },
    ],
    no: [
      { text: 'A study published in 2010 in Neuron looked at magnesium glycinate.', page: 'none' },
      { text: 'Magnesium citrate was featured in a 2010 paper in Neuron.', page: 'mgt' },
    ],
  },
  'clinically-proven': {
    yes: [
      'Magtein is backed by 10+ years of research.',
      'Magnesium L-threonate has been shown to improve cognitive abilities.',
      'Magnesium L-threonate is clinically proven to boost memory.',
      'Magtein is backed by science.',
      { text: 'Clinically studied ingredient.', page: 'mgt' },
      'Studies show that MgT improves cognition.',
    ],
    no: [
      'Magnesium L-threonate is not clinically proven.',
      'Magnesium glycinate is clinically proven for sleep.',
      'Magtein is marketed as clinically proven, but the trials were small.',
    ],
  },
  'patented-form': {
    yes: [
      'Magtein is a patented form of magnesium L-threonate.',
      'MgT is a trademarked, proprietary compound.',
      { text: 'Features a patented ingredient.', page: 'mgt' },
    ],
    no: [
      'Our magnesium glycinate is a patented chelate.',
      { text: 'Albion patented its glycinate process.', page: 'none' },
    ],
  },
  'threonine-confusion': {
    yes: [
      'Magnesium L-threonate is magnesium bound to threonine.',
      'Magnesium threonine is an amino acid chelate.',
      { text: 'This form is chelated to the amino acid threonine.', page: 'mgt' },
    ],
    no: [
      'Magnesium L-threonate contains threonate, not threonine.',
      'Magnesium L-threonate is not bound to threonine.',
    ],
  },
  'vitamin-c-metabolite': {
    yes: [
      'L-threonate is a metabolite of vitamin C.',
      'Magnesium L-threonate contains threonate, a breakdown product of vitamin C.',
      { text: 'Threonic acid is a vitamin C metabolite.', page: 'mgt' },
    ],
    no: [
      'Magnesium ascorbate is a derivative of vitamin C.',
      'It is not true that magnesium L-threonate is a metabolite of vitamin C.',
    ],
  },
  'deficiency-common': {
    yes: [
      {"text": "Up to 80% of people are deficient in magnesium.", "page": "mgt"},
      { text: 'Most people are deficient in magnesium.', page: 'mgt' },
      { text: 'About half of Americans do not get enough magnesium from food.', page: 'mgt' },
      'Magnesium deficiency is common, which is why many take magnesium L-threonate.',
    ],
    no: [
      { text: 'Most people are deficient in magnesium.', page: 'none' },
      { text: 'It is a myth that most people are deficient in magnesium.', page: 'mgt' },
    ],
  },
  'magnesium-biology': {
    yes: [
      { text: 'Magnesium is a cofactor in more than 300 enzyme systems.', page: 'mgt' },
      { text: 'Magnesium supports nerve and muscle function.', page: 'mgt' },
      'Magnesium L-threonate helps glucose metabolism and energy production.',
    ],
    no: [
      { text: 'Magnesium is a cofactor in more than 300 enzyme systems.', page: 'none' },
      { text: 'Magnesium glycinate supports nerve and muscle function.', page: 'mgt' },
    ],
  },
  stacking: {
    yes: [
      {"text": "Pair with our Calcium + D3 for complete support.", "page": "mgt"},
      'Magnesium L-threonate may be stacked with calcium.',
      'Many people combine Magtein with vitamin D.',
      { text: 'Pairs well with L-theanine for a calm evening.', page: 'mgt' },
    ],
    no: [
      'Do not combine magnesium L-threonate with other magnesium supplements.',
      { text: 'Combine magnesium citrate with vitamin D.', page: 'none' },
    ],
  },
};

export function page(c: string | Case): TextBlock[] {
  const { text, page: kind } = typeof c === 'string' ? { text: c, page: undefined } : c;
  const blocks: TextBlock[] = [];
  if (kind === 'mgt') blocks.push({ text: 'Magnesium L-Threonate', tag: 'h1', headingLevel: 1, region: 'main' });
  if (kind === 'none') blocks.push({ text: 'Our shop', tag: 'h1', headingLevel: 1, region: 'main' });
  blocks.push({ text, tag: 'p', headingLevel: 0, region: 'main' });
  return blocks;
}


/** Curly apostrophes, non-breaking hyphens, and every other space non-breaking. */
export function typeset(text: string): string {
  let n = 0;
  return text.replace(/'/g, '\u2019').replace(/-/g, '\u2011').replace(/ /g, () => (n++ % 2 === 0 ? '\u00a0' : ' '));
}

/**
 * Every wording of every claim (asserted or not) as a page, three ways: alone; after
 * a block ending in a letter (no space between them in `textContent`); typeset
 * (the prefilter reads raw text, detection normalized text).
 */
export function everyWordingPage(): TextBlock[][] {
  return CLAIM_IDS.flatMap((id) =>
    [...W[id].yes, ...W[id].no].flatMap((c) => [
      page(c),
      [{ text: 'Add to cart', tag: 'p', headingLevel: 0, region: 'main' } as TextBlock, ...page(c)],
      page(c).map((b) => ({ ...b, text: typeset(b.text) })),
    ]),
  );
}
