import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/core/types';
import { SOURCES, getSource } from '../../src/core/evidence/sources';
import {
  CITATION_FORMATS,
  bestUrl,
  doiUrl,
  formatCitation,
  pubmedUrl,
  shortCitation,
} from '../../src/core/cite/index';
import { elidePages } from '../../src/core/cite/vancouver';
import { escapeLatex } from '../../src/core/cite/bibtex';

function src(id: string): Source {
  const s = getSource(id);
  if (!s) throw new Error(`no source ${id}`);
  return s;
}

// Expected strings written by hand from the records in shared/evidence/sources.json.
const SLUTSKY_TITLE = 'Enhancement of learning and memory by elevating brain magnesium';
const LIU_TITLE =
  'Efficacy and Safety of MMFS-01, a Synapse Density Enhancer, for Treating Cognitive Impairment in Older Adults: A Randomized, Double-Blind, Placebo-Controlled Trial';
const HAUS_TITLE =
  'Magnesium-L-threonate improves sleep quality and daytime functioning in adults with self-reported sleep problems: A randomized controlled trial';

describe('AMA', () => {
  it('formats journal articles', () => {
    expect(formatCitation(src('slutsky-2010'), 'ama')).toBe(
      `Slutsky I, Abumaria N, Wu LJ, et al. ${SLUTSKY_TITLE}. Neuron. 2010;65(2):165-177. doi:10.1016/j.neuron.2009.12.026`,
    );
    expect(formatCitation(src('liu-2016-jad'), 'ama')).toBe(
      `Liu G, Weinger JG, Lu ZL, Xue F, Sadeghpour S. ${LIU_TITLE}. Journal of Alzheimer's Disease. 2016;49(4):971-990. doi:10.3233/JAD-150538`,
    );
    expect(formatCitation(src('hausenblas-2024'), 'ama')).toBe(
      `Hausenblas HA, Lynch T, Hooper S, Shrestha A, Rosendale D, Gu J. ${HAUS_TITLE}. Sleep Medicine: X. 2024;8:100121. doi:10.1016/j.sleepx.2024.100121`,
    );
  });

  it('lists three authors then "et al." when there are more than six', () => {
    const seven: Source = { ...src('liu-2016-jad'), authors: ['A A', 'B B', 'C C', 'D D', 'E E', 'F F', 'G G'] };
    expect(formatCitation(seven, 'ama')).toMatch(/^A A, B B, C C, et al\. /);
    const six: Source = { ...seven, authors: seven.authors.slice(0, 6) };
    expect(formatCitation(six, 'ama')).toMatch(/^A A, B B, C C, D D, E E, F F\. /);
  });

  it('does not add a period after a title ending in a question mark', () => {
    expect(formatCitation(src('uysal-2019'), 'ama')).toContain('Which Magnesium Compound Works Best? Biological');
  });
});

describe('Vancouver', () => {
  it('formats journal articles with DOI and PMID', () => {
    expect(formatCitation(src('slutsky-2010'), 'vancouver')).toBe(
      `Slutsky I, Abumaria N, Wu LJ, Huang C, Zhang L, Li B, et al. ${SLUTSKY_TITLE}. Neuron. 2010;65(2):165-77. doi: 10.1016/j.neuron.2009.12.026. PMID: 20152124.`,
    );
    expect(formatCitation(src('liu-2016-jad'), 'vancouver')).toBe(
      `Liu G, Weinger JG, Lu ZL, Xue F, Sadeghpour S. ${LIU_TITLE}. Journal of Alzheimer's Disease. 2016;49(4):971-90. doi: 10.3233/JAD-150538. PMID: 26519439.`,
    );
    expect(formatCitation(src('hausenblas-2024'), 'vancouver')).toBe(
      `Hausenblas HA, Lynch T, Hooper S, Shrestha A, Rosendale D, Gu J. ${HAUS_TITLE}. Sleep Medicine: X. 2024;8:100121. doi: 10.1016/j.sleepx.2024.100121. PMID: 39252819.`,
    );
  });

  it('elides page ranges as NLM does', () => {
    expect(elidePages('165-177')).toBe('165-77');
    expect(elidePages('495-504')).toBe('495-504');
    expect(elidePages('341-345')).toBe('341-5');
    expect(elidePages('14871-14881')).toBe('14871-81');
    expect(elidePages('100121')).toBe('100121');
  });
});

describe('APA', () => {
  it('formats journal articles', () => {
    expect(formatCitation(src('slutsky-2010'), 'apa')).toBe(
      `Slutsky, I., Abumaria, N., Wu, L. J., Huang, C., Zhang, L., Li, B., … (2010). ${SLUTSKY_TITLE}. Neuron, 65(2), 165–177. https://doi.org/10.1016/j.neuron.2009.12.026`,
    );
    expect(formatCitation(src('liu-2016-jad'), 'apa')).toBe(
      `Liu, G., Weinger, J. G., Lu, Z. L., Xue, F., & Sadeghpour, S. (2016). ${LIU_TITLE}. Journal of Alzheimer's Disease, 49(4), 971–990. https://doi.org/10.3233/JAD-150538`,
    );
    expect(formatCitation(src('hausenblas-2024'), 'apa')).toBe(
      `Hausenblas, H. A., Lynch, T., Hooper, S., Shrestha, A., Rosendale, D., & Gu, J. (2024). ${HAUS_TITLE}. Sleep Medicine: X, 8, Article 100121. https://doi.org/10.1016/j.sleepx.2024.100121`,
    );
  });

  it('puts the title first when there is no author, and writes (n.d.) without a year', () => {
    expect(formatCitation(src('threonic-acid-1983'), 'apa')).toMatch(/^A relationship between .* guinea-pigs\. \(1983\)\. /);
    expect(formatCitation(src('ods-magnesium-hp'), 'apa')).toMatch(/^NIH Office of Dietary Supplements\. \(n\.d\.\)\. /);
  });
});

describe('BibTeX', () => {
  it('formats journal articles', () => {
    expect(formatCitation(src('slutsky-2010'), 'bibtex')).toBe(
      [
        '@article{slutsky-2010,',
        '  author = {Slutsky, I. and Abumaria, N. and Wu, L. J. and Huang, C. and Zhang, L. and Li, B. and others},',
        `  title = {{${SLUTSKY_TITLE}}},`,
        '  journal = {Neuron},',
        '  year = {2010},',
        '  volume = {65},',
        '  number = {2},',
        '  pages = {165--177},',
        '  doi = {10.1016/j.neuron.2009.12.026},',
        '  pmid = {20152124}',
        '}',
      ].join('\n'),
    );
    expect(formatCitation(src('liu-2016-jad'), 'bibtex')).toBe(
      [
        '@article{liu-2016-jad,',
        '  author = {Liu, G. and Weinger, J. G. and Lu, Z. L. and Xue, F. and Sadeghpour, S.},',
        `  title = {{${LIU_TITLE}}},`,
        "  journal = {Journal of Alzheimer's Disease},",
        '  year = {2016},',
        '  volume = {49},',
        '  number = {4},',
        '  pages = {971--990},',
        '  doi = {10.3233/JAD-150538},',
        '  pmid = {26519439}',
        '}',
      ].join('\n'),
    );
    expect(formatCitation(src('hausenblas-2024'), 'bibtex')).toBe(
      [
        '@article{hausenblas-2024,',
        '  author = {Hausenblas, H. A. and Lynch, T. and Hooper, S. and Shrestha, A. and Rosendale, D. and Gu, J.},',
        `  title = {{${HAUS_TITLE}}},`,
        '  journal = {Sleep Medicine: X},',
        '  year = {2024},',
        '  volume = {8},',
        '  pages = {100121},',
        '  doi = {10.1016/j.sleepx.2024.100121},',
        '  pmid = {39252819}',
        '}',
      ].join('\n'),
    );
  });

  it('escapes LaTeX specials and braces organisations', () => {
    expect(escapeLatex('Anesthesia & Analgesia {x} 100%')).toBe('Anesthesia \\& Analgesia \\{x\\} 100\\%');
    expect(formatCitation(src('park-2020-anesthanalg'), 'bibtex')).toContain('journal = {Anesthesia \\& Analgesia}');
    expect(formatCitation(src('ods-magnesium-hp'), 'bibtex')).toMatch(
      /^@misc\{ods-magnesium-hp,\n {2}author = \{\{NIH Office of Dietary Supplements\}\},/,
    );
  });
});

describe('RIS', () => {
  const ris = (...lines: string[]) => lines.join('\r\n') + '\r\n';
  it('formats journal articles', () => {
    expect(formatCitation(src('slutsky-2010'), 'ris')).toBe(
      ris(
        'TY  - JOUR',
        'AU  - Slutsky, I.',
        'AU  - Abumaria, N.',
        'AU  - Wu, L. J.',
        'AU  - Huang, C.',
        'AU  - Zhang, L.',
        'AU  - Li, B.',
        `TI  - ${SLUTSKY_TITLE}`,
        'T2  - Neuron',
        'PY  - 2010',
        'VL  - 65',
        'IS  - 2',
        'SP  - 165',
        'EP  - 177',
        'DO  - 10.1016/j.neuron.2009.12.026',
        'AN  - PMID: 20152124',
        'UR  - https://doi.org/10.1016/j.neuron.2009.12.026',
        'N1  - Author list incomplete in the source record (et al.).',
        'ER  - ',
      ),
    );
    expect(formatCitation(src('liu-2016-jad'), 'ris')).toBe(
      ris(
        'TY  - JOUR',
        'AU  - Liu, G.',
        'AU  - Weinger, J. G.',
        'AU  - Lu, Z. L.',
        'AU  - Xue, F.',
        'AU  - Sadeghpour, S.',
        `TI  - ${LIU_TITLE}`,
        "T2  - Journal of Alzheimer's Disease",
        'PY  - 2016',
        'VL  - 49',
        'IS  - 4',
        'SP  - 971',
        'EP  - 990',
        'DO  - 10.3233/JAD-150538',
        'AN  - PMID: 26519439',
        'UR  - https://doi.org/10.3233/JAD-150538',
        'ER  - ',
      ),
    );
    expect(formatCitation(src('hausenblas-2024'), 'ris')).toBe(
      ris(
        'TY  - JOUR',
        'AU  - Hausenblas, H. A.',
        'AU  - Lynch, T.',
        'AU  - Hooper, S.',
        'AU  - Shrestha, A.',
        'AU  - Rosendale, D.',
        'AU  - Gu, J.',
        `TI  - ${HAUS_TITLE}`,
        'T2  - Sleep Medicine: X',
        'PY  - 2024',
        'VL  - 8',
        'SP  - 100121',
        'DO  - 10.1016/j.sleepx.2024.100121',
        'AN  - PMID: 39252819',
        'UR  - https://doi.org/10.1016/j.sleepx.2024.100121',
        'ER  - ',
      ),
    );
  });

  it('types documents that are not journal articles', () => {
    expect(formatCitation(src('cfr-21-101-93'), 'ris')).toMatch(/^TY {2}- GOVDOC\r\n/);
    expect(formatCitation(src('nct02210286'), 'ris')).toMatch(/^TY {2}- ELEC\r\n/);
    expect(formatCitation(src('nct02210286'), 'ris')).toContain(
      'UR  - https://classic.clinicaltrials.gov/ct2/show/record/NCT02210286',
    );
  });
});

describe('links and short citations', () => {
  it('builds DOI and PubMed links', () => {
    expect(doiUrl('10.1016/j.neuron.2009.12.026')).toBe('https://doi.org/10.1016/j.neuron.2009.12.026');
    expect(doiUrl('10.1016/0278-6915(83)90101-1')).toBe('https://doi.org/10.1016/0278-6915(83)90101-1');
    expect(pubmedUrl('20152124')).toBe('https://pubmed.ncbi.nlm.nih.gov/20152124/');
    expect(bestUrl(src('li-2013-jneurosci-retracted'))).toBe('https://pubmed.ncbi.nlm.nih.gov/23658180/');
    expect(bestUrl(src('ods-magnesium-hp'))).toBeNull();
  });

  it('writes short citations', () => {
    expect(shortCitation(src('slutsky-2010'))).toBe('Slutsky et al., Neuron 2010');
    expect(shortCitation(src('liu-2016-jad'))).toBe("Liu et al., Journal of Alzheimer's Disease 2016");
    expect(shortCitation(src('mah-2021-bmc'))).toBe('Mah and Pitre, BMC Complementary Medicine and Therapies 2021');
    expect(shortCitation(src('li-2014-molbrain'))).toBe('Li, Molecular Brain 2014');
    expect(shortCitation(src('cfr-21-101-93'))).toBe('US Food and Drug Administration, 2000');
    expect(shortCitation(src('threonic-acid-1983'))).toBe('Food and Chemical Toxicology 1983');
  });
});

describe('every source in every format', () => {
  for (const s of SOURCES) {
    it(`formats ${s.id} sanely`, () => {
      for (const f of CITATION_FORMATS) {
        const out = formatCitation(s, f);
        expect(out, f).not.toMatch(/undefined|null|NaN|\[object/);
        expect(out, f).not.toMatch(/\.\.|\s\.|,\s*,|\s;|\(\)/);
        expect(out, f).toContain(f === 'bibtex' ? escapeLatex(s.title) : s.title);
        if (s.doi) {
          const link = f === 'apa' || f === 'ris' ? doiUrl(s.doi) : s.doi;
          expect(out, f).toContain(link);
        }
        if (s.pmid && (f === 'vancouver' || f === 'bibtex' || f === 'ris')) expect(out, f).toContain(s.pmid);
        if (s.year !== null && f !== 'ris' && f !== 'bibtex') expect(out, f).toContain(String(s.year));
        if (s.authors.includes('et al.') && f !== 'ris') expect(out, f).toMatch(/et al\.|…|others/);
      }
      const bib = formatCitation(s, 'bibtex');
      const depth = [...bib.replace(/\\[{}]/g, '')].reduce(
        (d, c) => (d < 0 ? d : d + (c === '{' ? 1 : c === '}' ? -1 : 0)),
        0,
      );
      expect(depth, 'balanced braces').toBe(0);
      const ris = formatCitation(s, 'ris');
      expect(ris).toMatch(/^TY {2}- [A-Z]+\r\n/);
      expect(ris.endsWith('ER  - \r\n')).toBe(true);
      for (const line of ris.slice(0, -2).split('\r\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
      expect(shortCitation(s)).not.toMatch(/undefined|null|^\s|,\s*$/);
    });
  }
});
