// The wording of every claim id in shared/spec/claims.md, as data.
//
// Patterns run on one clause of normalized text (see text/normalize.ts), case-insensitively.
// Safety: no nested unbounded quantifiers; gaps between words are bounded (`gap(n)`), so
// each pattern costs O(clause length × small constant) and 1 MB of adversarial text
// scans in linear time (test/unit/claims-safety.test.ts checks this).
import type { ClaimId } from '../types';
import { LazyRegExp } from '../text/lazy-regexp';

/** Who must be the subject of the sentence for the claim to count. */
export type SubjectRule =
  /** MgT is the subject: named first in the clause, or the subject carried from context. */
  | 'mgt'
  /** MgT is mentioned anywhere in the sentence, or is the context's subject (stacking). */
  | 'mention'
  /** Magnesium in general: any subject but another named magnesium form, on a page/section about MgT. */
  | 'general';

export interface ClaimPattern {
  claim: ClaimId;
  /**
   * A cheap literal test every trigger needs: clauses without it skip the triggers.
   * Most page text fails every cue, which keeps long pages fast.
   */
  cue: RegExp;
  /**
   * Any of these starts a claim; the first match in the clause is the highlighted
   * span (on a tie, the earlier regex's). One regex per alternative, none with a `|`
   * outside a group: each runs only in a clause holding a word of its guard
   * (TRIGGER_GUARDS, anchors.generated.ts), so a page makes and compiles only those it may match.
   */
  triggers: LazyRegExp[];
  /** The whole sentence must also match this (e.g. "only form" needs brain words nearby). */
  requires?: RegExp;
  subject: SubjectRule;
  /** Also look in bibliography entries (citations of the study itself). */
  inReferences?: boolean;
}

/** Up to `n` words between two parts of a pattern. Bounded, so backtracking stays bounded. */
// Periods may sit inside a sentence ("U.S.", "2.5"); sentences are split before matching.
const gap = (n: number) => `(?:[^\\w;!?]+[\\w'’-]+){0,${n}}[^\\w;!?]+`;
const BBB = String.raw`(?:blood[\s-]*brain[\s-]*barrier|\bbbb\b|blood[\s-]*cerebrospinal[\s-]*fluid[\s-]*barrier)`;
const BRAIN_WORDS = /brain|barrier|\bbbb\b|cerebr|\bcsf\b|neuron|\bcns\b|central\s+nervous/i;
const MGT = String.raw`(?:magnesium[\s-]+(?:l[\s-]*)?threonate|mgt|magtein|neuro[\s-]?mag|l[\s-]*threonate|threonate|this\s+form|it)`;

/** One case-insensitive regex per alternative (detect.ts runs each only where its guard's words are), made on first use. */
const rx = (...alternatives: string[]): LazyRegExp[] => alternatives.map((a) => new LazyRegExp(a, 'i'));
/** The same, case-sensitive. */
const rxCase = (...alternatives: string[]): LazyRegExp[] => alternatives.map((a) => new LazyRegExp(a, ''));

export const CLAIM_PATTERNS: readonly ClaimPattern[] = [
  {
    claim: 'brain-uptake-exclusive',
    // Every exclusivity claim is about the brain (`requires`), so brain words are its cue.
    cue: /barrier|bbb|brain|cerebr|csf|neuron|cns|central\s+nervous|spinal/i,
    subject: 'mgt',
    requires: BRAIN_WORDS,
    triggers: rx(
      String.raw`\b(?:the\s+)?(?:first\s+and\s+)?only\s+(?:[\w-]+\s+){0,2}(?:form|forms|type|kind|magnesium|compound|supplement|one|mineral)\b${gap(9)}(?:cross|penetrat|reach|enter|get|pass|increas|rais|elevat|boost|absorb|deliver|transport)`,
      String.raw`\bfirst\s+(?:and\s+only\s+)?(?:[\w-]+\s+){0,2}(?:form|type|kind|magnesium|compound|supplement|mineral)\b${gap(6)}(?:cross|penetrat|reach|enter|get|pass|increas|rais|elevat|boost|deliver)`,
      String.raw`\bonly\s+${MGT}\b${gap(4)}(?:cross|penetrat|reach|enter|get|pass|increas|rais|elevat|boost|is\s+able|can)`,
      String.raw`\bother\s+(?:magnesium\s+)?(?:forms|types|kinds|supplements|salts|compounds)(?:\s+of\s+magnesium)?${gap(3)}(?:can(?:no|')?t|cannot|fail|don'?t|do\s+not|are\s+unable|aren'?t\s+able|won'?t|never|struggle|barely)`,
      String.raw`\b(?:unique|exclusive)(?:ly)?\s+(?:in\s+its\s+)?(?:ability|able|capable)\s+to\s+(?:cross|penetrat|reach|enter|get)`,
      // Up to the verb, so that "Unlike other forms, it appears to cross…" carries its hedge.
      String.raw`\bunlike\s+(?:other|most|regular|ordinary|common|typical|conventional|traditional)\s+(?:[\w-]+\s+){0,2}(?:forms?|magnesium|supplements?|types|salts)\b(?:[^.;!?]{0,80}?\b(?:cross|penetrat|reach|enter|get|rais|increas|boost|deliver)\w*)?`,
      String.raw`\b(?:other|regular|ordinary|common|most)\s+(?:forms\s+of\s+)?magnesium${gap(2)}(?:can(?:no|')?t|cannot|don'?t|do\s+not|fail|won'?t)\s+(?:\w+\s+)?(?:cross|reach|enter|get|penetrat)`,
    ),
  },
  {
    claim: 'brain-uptake',
    cue: /barrier|bbb|brain|cerebr|csf|neuron|cns|central\snervous|spinal/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\bcross(?:es|ed|ing)?\s+(?:over\s+|through\s+)?(?:the\s+|your\s+)?${BBB}`,
      String.raw`\b(?:penetrat|pass(?:es|ing)?\s+(?:through|across|into)|get(?:s|ting)?\s+(?:past|through|across)|permeat|travers|breach|slip(?:s|ping)?\s+(?:past|through))\w*\s+(?:the\s+|your\s+)?${BBB}`,
      String.raw`${BBB}[\s-]*(?:permeable|penetrating|penetrant|crossing|penetration|permeability)`,
      String.raw`\b(?:uptake|absorption|absorbed|absorbs|gets?|getting|deliver\w*|transport\w*|penetrat\w*|reach\w*|enter\w*|goes|go|travels?|carr(?:y|ies|ied))${gap(4)}(?:into|in|to|inside)\s+(?:the\s+|your\s+)?(?:brain|neurons|brain\s+cells|central\s+nervous\s+system|cns)\b`,
      String.raw`\b(?:rais|increas|boost|elevat|enhanc|restor|replenish|improv|support|maintain|optimi[sz])\w*${gap(3)}(?:brain|cerebrospinal[\s-]+fluid|csf|cerebral|neuronal|synaptic)\s+(?:magnesium|mg)\b`,
      String.raw`\b(?:rais|increas|boost|elevat|enhanc|restor|replenish|support|maintain|optimi[sz])\w*${gap(3)}magnesium(?:\s+(?:levels?|concentrations?|status))?\s+(?:in|within|inside)\s+(?:the\s+)?(?:brain|cerebrospinal\s+fluid|csf|neurons|spinal\s+fluid)`,
      String.raw`\bbrain[\s-]*(?:bioavailab\w*|available|penetrant|penetrating|permeable)`,
      String.raw`\bbioavailab\w*${gap(3)}(?:to|in|for|into)\s+(?:the\s+)?brain\b`,
      String.raw`\b(?:designed|able|formulated|engineered|shown)\s+to\s+(?:reach|target|cross\s+into|get\s+into)\s+(?:the\s+)?brain\b`,
      String.raw`\b(?:high|great|higher|greater|superior|efficient|excellent|better|good)\s+(?:\w+\s+)?(?:uptake|absorption|penetration)\s+(?:into|in|by)\s+(?:the\s+)?brain`,
      String.raw`\b(?:reach(?:es|ing)?|enters?|entering|cross(?:es|ing)?\s+into|gets?\s+into|makes?\s+it\s+into|travels?\s+to)\s+(?:the\s+|your\s+)?brain\b`,
    ),
  },
  {
    claim: 'superior-form',
    cue: /superior|than|compar|relative|outperform|most|best|better|beats|tops|trumps/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\bsuperior\b`,
      String.raw`\b(?:better|higher|greater|more\s+effective(?:ly)?|more\s+bioavailable|more\s+absorbable|stronger|more\s+potent|more\s+powerful)\s+(?:\w+\s+){0,2}than\s+(?:\w+\s+){0,2}(?:other|regular|ordinary|common|traditional|standard|conventional|typical|most|cheaper|magnesium|citrate|glycinate|oxide)`,
      String.raw`\b(?:increas|greater|higher|better|more|enhanc|stronger|larger)\w*${gap(4)}(?:compared|relative)\s+(?:to|with)\s+(?:\w+\s+){0,3}(?:other|common|regular|magnesium|forms?|citrate|glycinate|oxide|chloride)`,
      String.raw`\boutperform\w*`,
      String.raw`\b(?:the\s+)?most\s+(?:effective|bioavailable|absorbable|advanced|potent|powerful)\s+(?:\w+\s+)?(?:form|type|kind|magnesium)`,
      String.raw`\bbest\s+(?:form|type|kind)\s+of\s+magnesium`,
      String.raw`\bbest\s+magnesium\b`,
      String.raw`\bbest\s+(?:form|choice|option|magnesium)\s+for\s+(?:\w+\s+){0,2}(?:brain|cognit\w*|memory|focus|the\s+mind)`,
      String.raw`\b(?:beats|tops|trumps)\s+(?:all\s+)?(?:other|regular|ordinary)`,
      String.raw`\b(?:the\s+)?better\s+(?:choice|option|form|magnesium|pick)\b`,
    ),
  },
  {
    claim: 'memory',
    cue: /memor|recall|learning|learn\s+(?:faster|better)|remember/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:improv|enhanc|boost|support|increas|promot|strengthen|sharpen|restor|better|aid|help|maximi[sz]|optimi[sz]|augment|upgrad|amplif)\w*${gap(4)}(?:memory|memories|recall|learning)\b(?!\s+(?:loss|decline|impairment|problems))`,
      String.raw`\b(?:memory|learning|recall)[\s-]+(?:boost|enhanc|support|improv|function|performance)\w*`,
      String.raw`\b(?:sharper|improved|enhanced|better|stronger|greater|superior|increased)\s+(?:\w+[\s-]+){0,3}(?:memory|recall|learning)\b(?!\s+(?:loss|decline))`,
      String.raw`\bremember\s+(?:more|better)\b`,
      String.raw`\blearn\s+(?:faster|better)\b`,
      String.raw`\b(?:memory|recall)\b(?:[^\w.;!?]+\w+){0,3}[^\w.;!?]+(?:better|improved|sharper|stronger|back)\b`,
      String.raw`\b(?:better|higher|improved)\s+(?:\w+\s+){0,2}scores?\s+(?:\w+\s+){0,4}(?:memory|recall|learning)`,
      String.raw`\bbest\s+for\s*:?\s+(?:[\w-]+,?\s+){0,3}?memory\b`,
    ),
  },
  {
    claim: 'dementia',
    cue: /alzheimer|dementia|\bmci\b|decline|impairment|deteriorat|dysfunction|neurodegen|senil|(?:memory|cognitive)\s+loss/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:prevent|protect|reduc|fight|combat|slow|revers|delay|halt|stop|treat|cur(?:e|es|ing)\b|against|ward\w*\s+off|lower\w*\s+(?:the\s+)?risk|benefit|help\w*\s+(?:with|people|patients|those)|improv|counteract|defen[ds])\w*${gap(5)}(?:age[\s-]related\s+)?(?:memory\s+(?:loss|decline)|cognitive\s+(?:decline|impairment|deterioration|dysfunction|loss)|dementia|alzheimer'?s?|mci|neurodegenerat\w*|(?:mental|brain)\s+decline|senility)`,
      String.raw`\b(?:anti|against)[\s-]+alzheimer`,
      String.raw`\b(?:treatment|therapy|cure|remedy|medicine)\s+(?:for|of)\s+(?:\w+\s+){0,2}(?:dementia|alzheimer'?s?|cognitive\s+decline|mci)`,
      String.raw`\b(?:dementia|alzheimer'?s?|cognitive\s+decline)\s+(?:prevention|treatment|protection)`,
      String.raw`\b(?:dementia|alzheimer'?s?|cognitive\s+decline)\b(?:[^\w.;!?]+\w+){0,3}[^\w.;!?]+(?:slowed|improved|better|stabili[sz]ed|reversed|halted|gone)\b`,
    ),
  },
  {
    claim: 'brain-age',
    cue: /\bage|aging|ageing|young|clock/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:brain|cognitive|biological\s+brain|mental|neurological)\s+age\b`,
      String.raw`\b(?:\d+(?:\.\d+)?|nine|ten|several|many)\s+(?:years?|yrs)\s+younger`,
      String.raw`\b(?:revers|slow|fight|combat|turn\w*\s+back|rewind|delay|counteract|defy|prevent)\w*${gap(3)}(?:brain|cognitive|mental)\s+(?:aging|ageing|age|clock)`,
      String.raw`\b(?:brain|cognitive)\s+(?:aging|ageing)\b`,
      String.raw`\banti-?ag(?:e|ing|eing)\s+(?:\w+\s+){0,2}(?:brain|mind|cognit\w*)`,
      String.raw`\bturn\w*\s+back\s+the\s+(?:\w+\s+)?clock`,
      String.raw`\byounger\s+(?:brain|mind)\b`,
      String.raw`\bkeep\w*\s+(?:your\s+|the\s+)?(?:brain|mind)\s+(?:young|younger|youthful)`,
    ),
  },
  {
    claim: 'synapse-density',
    cue: /synap|plasticity|connections/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\bsynap\w*\s+(?:density|plasticity|connections?|formation|strength|health|function|count|number|growth|signal\w*)`,
      String.raw`\b(?:density|number)\s+of\s+(?:\w+\s+)?synapses`,
      String.raw`\b(?:neuro|neural|brain)[\s-]*plasticity`,
      String.raw`\bsynaptogenesis`,
      String.raw`\b(?:increas|boost|enhanc|support|promot|restor|build|creat|grow|form|strengthen|multipl)\w*${gap(3)}(?:synapses|synaptic|neural\s+connections|brain\s+connections|neuronal\s+connections)`,
      String.raw`\bsynapse[\s-]+(?:density\s+)?(?:enhanc|build|boost)\w*`,
    ),
  },
  {
    claim: 'cognition',
    cue: /cognit|focus|concentrat|attention|mental|clarity|brain|executive|alert|processing\s+speed|reaction\s+time|intelligence|\biq\b|problem[\s-]solving|sharp|clear|fog|think/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:improv|enhanc|boost|support|increas|promot|sharpen|optimi[sz]|elevat|maximi[sz]|heighten|restor|help|aid|fuel|power|amplif|upgrad|strengthen|benefit)\w*${gap(4)}(?:cognit\w*(?!\s+(?:decline|impairment|deterioration|dysfunction|loss))|focus|concentration|attention\s+span|mental\s+(?:clarity|performance|sharpness|energy|acuity|focus|function)|clarity|brain\s+(?:function|performance|power|health)|executive\s+function|alertness|processing\s+speed|reaction\s+times?|brainpower|mental\s+acuity|neurocognit\w*|intelligence|iq|problem[\s-]solving)\b`,
      String.raw`\b(?:enhanced|improved|better|increased|sharper|greater|optimal|peak|heightened|laser)\s+(?:\w+\s+)?(?:cognit\w*|focus|concentration|mental\s+clarity|brain\s+function|executive\s+function|alertness|clarity|thinking)\b`,
      String.raw`\b(?:sharp|sharper|clear|clearer|focused|alert|clear-headed)\b${gap(3)}(?:focused|clear|sharp|alert|attentive)\b`,
      String.raw`\b(?:reduc|clear|eliminat|lift|fight|banish|beat|combat|help|eas)\w*${gap(2)}(?:brain|mental)\s+fog`,
      String.raw`\b(?:mental|cognitive)\s+(?:clarity|sharpness|edge|performance|boost)\b`,
      String.raw`\bthink\s+(?:more\s+)?(?:clearly|faster|sharper)`,
      String.raw`\b(?:brain|mental)\s+fog\b(?:[^\w.;!?]+\w+){0,3}[^\w.;!?]+(?:gone|lifted|cleared|disappeared|vanished|better)\b`,
      String.raw`\bsharper\b(?!\s+(?:memory|recall))`,
      String.raw`\bbrain[\s-]+boost\w*`,
      String.raw`\bcan\s+(?:actually\s+|finally\s+)?(?:focus|concentrate|think\s+clearly)`,
      String.raw`\b(?:better|higher|improved)\s+(?:\w+\s+){0,2}scores?\s+(?:\w+\s+){0,4}(?:cognit\w*|thinking|attention)`,
      String.raw`\bbest\s+for\s*:?\s+(?:[\w-]+,?\s+){0,3}?(?:focus|cognit\w*|brain\s+health)\b`,
    ),
  },
  {
    claim: 'sleep',
    cue: /sleep|slept|asleep|slumber|insomnia|\brem\b|\brest\b|restful|restorative|knock/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:improv|enhanc|boost|support|promot|deepen|better|aid|help|encourag|restor|increas|optimi[sz]|induc|regulat)\w*${gap(4)}(?:sleep|slumber|insomnia|sleep\s+quality|rem|night'?s\s+rest)\b`,
      String.raw`\b(?:better|deeper|restful|restorative|quality|sounder|improved|healthy|healthier|more|higher)\s+(?:\w+[\s-]+)?sleep\b`,
      String.raw`\bsleep[\s-]+(?:aid|support|quality|better|enhanc\w*|improv\w*|deeper|through\s+the\s+night)`,
      String.raw`\bfall\w*\s+(?:and\s+stay\s+)?asleep\b`,
      String.raw`\bstay\w*\s+asleep\b`,
      String.raw`\b(?:insomnia|sleeplessness)\b`,
      String.raw`\bwak(?:e|ing)\s+(?:up\s+)?(?:feeling\s+)?(?:refreshed|rested)`,
      String.raw`\bknock(?:s|ed)?\s+(?:me|you|him|her|them)\s+out\b`,
      String.raw`\bslept\s+(?:like\s+a\s+(?:rock|baby|log)|better|through)`,
      String.raw`\bsleep(?:ing|s)?\s+(?:better|through\s+the\s+night|like\s+a\s+(?:rock|baby|log))`,
    ),
  },
  {
    claim: 'anxiety-stress',
    cue: /anxi|stress|tension|nervous|worr|restless|panic|nerves|calm|relax|tranquil|seren|tense|wired|chill|unwind/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:reduc|reliev|eas|lower|calm|sooth|manag|combat|fight|alleviat|decreas|lessen|help|buffer|counter|balanc|tam|support|promot|maintain)\w*${gap(4)}(?:anxiety|anxious|stress|tension|nervousness|worry|worries|restlessness|panic|nerves)\b`,
      String.raw`\b(?:naturally\s+|deeply\s+)?calming\b`,
      String.raw`\bcalms?\s+(?:the\s+|your\s+)?(?:mind|nerves|brain|nervous)`,
      String.raw`\brelax(?:ing|ation|es|ed)?\b`,
      String.raw`\banti-?anxiety`,
      String.raw`\bstress[\s-]+(?:relief|reduc\w*|support|resilience)`,
      String.raw`\b(?:promot|support|induc|bring|encourag)\w*\s+(?:a\s+)?(?:\w+\s+){0,2}(?:calm|relaxation|tranquil\w*|serenity)\b`,
      String.raw`\b(?:less|lower|reduced)\s+(?:anxiety|stress)\b`,
      String.raw`\bsense\s+of\s+calm`,
      String.raw`\bcalmer\b`,
      String.raw`\bless\s+(?:stressed|anxious|tense|wired)`,
      String.raw`\bmore\s+(?:relaxed|chill)`,
      String.raw`\bunwind`,
      String.raw`\banxiety\b(?:[^\w.;!?]+\w+){0,3}[^\w.;!?]+(?:down|gone|better|lower|reduced|lifted|eased)\b`,
    ),
  },
  {
    claim: 'mood',
    cue: /mood|outlook|emotional|depress|blues|sadness|irritab|grouch/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:improv|enhanc|boost|support|lift|elevat|balanc|stabili[sz]|brighten|promot|better|regulat)\w*${gap(3)}(?:mood|moods|outlook|emotional\s+(?:health|balance|wellbeing|well-being))\b`,
      String.raw`\b(?:positive|better|balanced|stable|improved|elevated|uplifted|brighter|happier)\s+(?:\w+\s+)?mood\b`,
      String.raw`\b(?:reliev|reduc|eas|fight|combat|treat|alleviat|help|against|lift|manag|beat)\w*${gap(4)}(?:depress\w*|low\s+mood|the\s+blues|sadness|irritability|grouchiness)`,
      String.raw`\bantidepressant`,
      String.raw`\bmood[\s-]+(?:boost|support|enhanc|lift|stabili)\w*`,
      String.raw`\bmoods?\b(?:[^\w.;!?]+\w+){0,5}[^\w.;!?]+(?:better|improved|lifted|brighter|more\s+stable|stable|steadier)\b`,
    ),
  },
  {
    claim: 'adhd',
    cue: /adhd|attention|hyperactiv/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\badhd\b`,
      String.raw`\battention[\s-]+deficit`,
      String.raw`\bhyperactiv\w*`,
      String.raw`\battention\s+(?:problems|issues|difficulties|disorders?)`,
    ),
  },
  {
    claim: 'pain',
    cue: /pain|ache|migraine|neuropath|sciatica|fibromyalgia|allodynia|analgesic/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:reliev|reduc|eas|sooth|alleviat|manag|fight|combat|treat|lessen|help|prevent|against|decreas|block|stop|cur)\w*${gap(4)}(?:pain|aches?|migraines?|headaches?|neuropath\w*|sciatica|fibromyalgia|nerve\s+pain|allodynia)\b`,
      String.raw`\b(?:pain|migraine|headache)[\s-]+(?:relief|reliever|reduction|free)`,
      String.raw`\banalgesic`,
      String.raw`\bpainkiller`,
      String.raw`\b(?:fewer|less|no\s+more|reduced|milder)\s+(?:\w+\s+)?(?:headaches?|migraines?|pain)\b`,
    ),
  },
  {
    claim: 'muscle-cramps',
    cue: /cramp|charl|spasm/i,
    subject: 'mgt',
    triggers: rx(String.raw`\b(?:muscle\s+|leg\s+|night\s+)?cramp(?:s|ing)?\b`, String.raw`\bcharl(?:ie|ey)\s+horses?`, String.raw`\bmuscle\s+spasms?`),
  },
  {
    claim: 'gi-tolerance',
    cue: /laxative|stool|stomach|gut|digest|tummy|\bgi\b|belly|gastro|bowel|diarrh|bloat|tolerated/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:not|isn'?t|won'?t\s+act\s+as|doesn'?t\s+act\s+as|does\s+not\s+act\s+as|never\s+acts?\s+as|without\s+(?:the\s+)?|no)\s+(?:a\s+|any\s+)?(?:laxative|stool[\s-]?softener)s?(?:\s+effects?)?`,
      String.raw`\b(?:gentle|easy|kind|mild|soft)\s+on\s+(?:the\s+|your\s+)?(?:stomach|gut|digestive|tummy|gi|belly|digestion)`,
      String.raw`\b(?:no|without|won'?t\s+cause|doesn'?t\s+cause|does\s+not\s+cause|free\s+(?:of|from)|minimal|less|fewer|zero)\s+(?:\w+\s+){0,2}(?:gi|gastrointestinal|digestive|stomach|tummy|bowel|gut)\s+(?:upset|distress|issues|problems|side[\s-]effects|discomfort|effects|irritation)`,
      String.raw`\b(?:no|without|won'?t\s+cause|doesn'?t\s+cause|does\s+not\s+cause|minimal|less|zero)\s+(?:\w+\s+){0,2}(?:diarrh\w*|loose\s+stools|laxative\s+effects?|bloating)`,
      String.raw`\bnon[\s-]?laxative`,
      String.raw`\bwell[\s-]tolerated`,
      String.raw`\beasy\s+to\s+digest`,
      String.raw`\b(?:won'?t|doesn'?t|does\s+not|will\s+not|never)\s+have\s+(?:a|any)\s+laxative`,
      String.raw`\b(?:rarely|seldom|won'?t|doesn'?t|does\s+not|never|unlikely\s+to)\s+(?:cause|give|trigger|lead\s+to)s?\s+(?:\w+\s+){0,2}(?:diarrh\w*|loose\s+stools|stomach\s+upset|upset\s+stomach|digestive\s+(?:upset|issues|problems)|gi\s+(?:upset|issues)|bloating)`,
      String.raw`\b(?:won'?t|doesn'?t|does\s+not|will\s+not|never)\s+upset\s+(?:the\s+|your\s+)?(?:stomach|tummy|gut|digestion)`,
    ),
  },
  {
    claim: 'safety',
    cue: /safe|side[\s-]effect|everyone|young|\bold\b|all\s+ages|anyone|suitable|children|kids|toxic/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:is|are|it'?s|completely|totally|perfectly|100%|extremely|very|remarkably|clinically|proven|incredibly|entirely)\s+safe\b(?!\s+(?:upper|limit|dose|dosage|amount))`,
      String.raw`\bsafe\s+(?:for|to\s+take|and\s+effective|enough\s+for|for\s+(?:everyone|all|long[\s-]term|daily|kids|children))`,
      String.raw`\b(?:no|zero|without|free\s+(?:of|from))\s+(?!(?:gi|gastro\w*|digestive|stomach|bowel)\b)(?:\w+\s+){0,1}(?:known\s+)?side[\s-]effects`,
      String.raw`\bfor\s+everyone\b`,
      String.raw`\byoung\s+and\s+old\b`,
      String.raw`\bold\s+and\s+young\b`,
      String.raw`\ball\s+ages\b`,
      String.raw`\banyone\s+can\s+take`,
      String.raw`\bsuitable\s+for\s+(?:everyone|all|children|kids)`,
      String.raw`\b(?:kids|children)\s+and\s+adults`,
      String.raw`\bnon-?toxic\b`,
      String.raw`\bsafe\s+for\s+(?:pregnan|children|kids)`,
    ),
  },
  {
    claim: 'non-gmo',
    cue: /gmo|genetically|clean/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\bnon[\s-]?gmo\b`,
      String.raw`\bgmo[\s-]?free\b`,
      String.raw`\bfree\s+(?:of|from)\s+(?:\w+\s+){0,2}(?:gmos?|genetically\s+(?:engineered|modified))`,
      String.raw`\bno\s+gmos?\b`,
      String.raw`\bgenetically\s+(?:engineered|modified)\s+(?:\(ge\)\s+)?(?:ingredients|organisms)`,
      String.raw`\bclean[\s-]label\b`,
      String.raw`\b(?:non|not)[\s-]+genetically`,
    ),
  },
  {
    claim: 'mit-origin',
    cue: /MIT|M\.I\.T|assachusetts/,
    subject: 'mention',
    inReferences: true,
    // "MIT" must be upper case: "mit" is a common word in other languages.
    triggers: rxCase(String.raw`\bMIT\b`, String.raw`\bM\.I\.T\.`, String.raw`\b[Mm]assachusetts\s+[Ii]nstitute\s+of\s+[Tt]echnology`),
  },
  {
    claim: 'neuron-2010',
    cue: /neuron|2010|slutsky/i,
    subject: 'mention',
    inReferences: true,
    triggers: [
      ...rx(String.raw`\bNeuron\b(?:[^.;!?]|\.\s*\d){0,80}?\b2010\b`, String.raw`\b2010\b[^.;!?]{0,80}?\b(?:journal\W+)?Neuron\b`, String.raw`\bslutsky\b`),
      // "published in Neuron": capitalised, since "neuron" is also an ordinary word.
      ...rxCase(String.raw`\b(?:[Pp]ublished|[Ff]eatured|[Aa]ppeared|[Rr]eported)\s+in\s+(?:the\s+)?(?:(?:prestigious|respected|scientific|peer-reviewed)\s+)?(?:journal\s+)?Neuron\b`),
      ...rx(
        String.raw`\b(?:study|studies|paper|research|article|trial|findings|results|experiment)\s+(?:\w+\s+){0,3}(?:published|released|conducted|done|carried\s+out)\s+in\s+2010\b`,
        String.raw`\b2010\s+(?:mit\s+)?(?:study|paper|research|article|experiment)`,
      ),
    ],
  },
  {
    claim: 'clinically-proven',
    cue: /clinical|scien|research|backed|proven|shown|demonstrated|confirmed|studies|trials|evidence|university/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\bclinically\s+(?:proven|tested|studied|shown|validated|demonstrated|researched|documented|backed|supported|confirmed)`,
      String.raw`\b(?:scientifically|research|science|clinically|clinical[\s-]+research|university)[\s-]+(?:proven|backed|validated|supported)`,
      String.raw`\bbacked\s+by\s+(?:[\w+]+\s+){0,3}(?:science|research|studies|clinical|trials|evidence)`,
      String.raw`\b(?:has|have)\s+been\s+(?:clinically\s+|scientifically\s+)?(?:shown|proven|demonstrated)\s+to\b`,
      String.raw`\bproven\s+(?!in\s+(?:animal|rat|mice|mouse|rodent|lab))(?:to|in\s+(?:clinical|human)\s+(?:trials|studies)|effective|results|formula)`,
      String.raw`\b(?:clinical|human)\s+(?:studies|trials|research)\s+(?:have\s+)?(?:show|prove|confirm|demonstrat)\w*`,
      String.raw`\b(?:studies|research|science)\s+(?:has\s+|have\s+)?(?:show|shows|shown|prove|proves|proven|confirm|confirms|demonstrate|demonstrates)\b`,
      String.raw`\b(?:evidence|science|research)[\s-]based\b`,
      String.raw`\b(?:human|clinical|follow-up|placebo-controlled|double-blind|randomi[sz]ed)\s+(?:\w+\s+)?(?:trials?|studies|research)\s+(?:have\s+|has\s+)?(?:confirmed|proved|proven|shown|demonstrated)`,
      String.raw`\bscience[\s-]backed\b`,
    ),
  },
  {
    claim: 'patented-form',
    cue: /patent|trademark|proprietary/i,
    subject: 'mgt',
    triggers: rx(String.raw`\bpatent(?:s|ed)?\b`, String.raw`\btrademark(?:s|ed)?\b`, String.raw`\bproprietary\s+(?:form|compound|ingredient|blend|formula)`),
  },
  {
    claim: 'threonine-confusion',
    cue: /threonine|amino/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\bthreonine\b`,
      String.raw`\b(?:bound|chelated|attached|bonded|combined|linked)\s+(?:\w+\s+){0,2}to\s+(?:the\s+|an?\s+)?amino\s+acid`,
      String.raw`\bthreonate\s*,?\s+(?:an?|the)\s+(?:essential\s+)?amino\s+acid`,
    ),
  },
  {
    claim: 'vitamin-c-metabolite',
    cue: /vitamin\s+c|ascorb/i,
    subject: 'mgt',
    triggers: rx(
      String.raw`\b(?:metabolite|breakdown\s+product|derivative|by-?product|degradation\s+product)\s+of\s+(?:vitamin\s+c|ascorbic\s+acid|ascorbate)`,
      String.raw`\b(?:vitamin\s+c|ascorbic\s+acid|ascorbate)\s+(?:metabolite|derivative|breakdown)`,
      String.raw`\bderived\s+from\s+(?:vitamin\s+c|ascorbic\s+acid)`,
      String.raw`\b(?:breakdown|metabolism|oxidation|degradation)\s+of\s+(?:vitamin\s+c|ascorbic\s+acid|ascorbate)`,
    ),
  },
  {
    claim: 'deficiency-common',
    cue: /deficien|lack|enough|insufficient|inadequate|short|below|less\s+than/i,
    subject: 'general',
    triggers: rx(
      String.raw`\b(?:most|majority|half|nearly\s+half|\d{1,2}\s*%|\d{1,2}\s+percent|many|millions\s+of|(?:one|two|three)\s+(?:in|out\s+of)\s+(?:two|three|four|five))${gap(6)}(?:deficien\w*|lack\w*|don'?t\s+get\s+enough|do\s+not\s+get\s+enough|low\s+in\s+magnesium|insufficient|inadequate|fall\s+short|below|not\s+getting\s+enough|less\s+than)`,
      String.raw`\bmagnesium\s+deficiency\s+is\s+(?:very\s+)?(?:common|widespread|rampant|an\s+epidemic|prevalent)`,
      String.raw`\b(?:widespread|common|epidemic|hidden|rampant|prevalent)\s+(?:\w+\s+)?(?:magnesium\s+)?deficiency`,
    ),
  },
  {
    claim: 'magnesium-biology',
    cue: /300|three\s+hundred|600|hundreds|co-?factor|nerve|muscle|nervous|neuromuscular|glucose|energy\s+(?:metabolism|production|control|regulation)|blood\s+sugar|metabolism|synthesis|\batp\b|bone\s+(?:health|formation|density)/i,
    subject: 'general',
    triggers: rx(
      String.raw`\b(?:300|three\s+hundred|600)\+?\s+(?:\w+\s+){0,3}(?:enzym\w*|biochemical|reactions|processes|functions)`,
      String.raw`\bco-?factor\b`,
      String.raw`\bhundreds\s+of\s+(?:\w+\s+){0,2}(?:enzym\w*|reactions|processes|functions)`,
      String.raw`\b(?:nerve|muscle|nervous\s+system|neuromuscular)\s+(?:and\s+(?:muscle|nerve)\s+)?(?:function|functions|contraction|transmission|health)`,
      String.raw`\b(?:glucose|energy|blood\s+sugar)\s+(?:metabolism|production|control|regulation)`,
      String.raw`\bmetabolism\s+of\s+glucose`,
      String.raw`\b(?:protein|dna)\s+synthesis`,
      String.raw`\b(?:atp)\s+production`,
      String.raw`\bbone\s+(?:health|formation|density)`,
    ),
  },
  {
    claim: 'stacking',
    cue: /stack|combin|pair|synerg|partner|calcium|vitamin\s+[dk]|zinc|theanine|ashwagandha|melatonin|omega|\bb6\b|nootropic|phosphatidyl|glycinate|citrate|other\s+(?:forms|magnesium|supplements)/i,
    subject: 'mention',
    triggers: rx(
      String.raw`\bstack(?:s|ed|ing)?\s+(?:\w+\s+){0,2}(?:with|alongside|together)`,
      String.raw`\b(?:may|can)\s+be\s+(?:stacked|combined|paired)`,
      String.raw`\b(?:combin|pair|stack|tak|us)\w*\s+(?:\S+\s+){0,4}(?:with|alongside|together\s+with)\s+(?:\S+\s+){0,6}(?:calcium|vitamin\s+[dk]\d?|zinc|other\s+(?:forms|magnesium|supplements)|glycinate|citrate|l-?theanine|ashwagandha|melatonin|omega|b6|nootropics?|phosphatidylserine)`,
      String.raw`\b(?:great|good|perfect|ideal|powerful)\s+(?:\w+\s+){0,2}(?:stack|combination|pairing|partner)\b`,
      String.raw`\bsynerg\w*`,
    ),
  },
];

/** When both are found in one sentence, the first makes the second redundant. */
export const SUPPRESSES: ReadonlyArray<[ClaimId, ClaimId]> = [
  ['brain-uptake-exclusive', 'brain-uptake'],
  ['threonine-confusion', 'vitamin-c-metabolite'],
];

/** Any claim's cue: sentences failing this cannot hold a claim. */
export const ANY_CUE = new RegExp(CLAIM_PATTERNS.map((p) => p.cue.source).join('|'), 'i');
