import type { Block } from './model.js';
import { STATUTORY_REFERENCE } from './layout.js';

export type SectionKind =
  | 'front-matter'
  | 'contents'
  | 'executive-summary'
  | 'introduction'
  | 'terms-of-reference'
  | 'methodology'
  | 'ruled-out'
  | 'family-involvement'
  | 'background'
  | 'chronology'
  | 'findings'
  | 'learning'
  | 'good-practice'
  | 'conclusions'
  | 'recommendations'
  | 'glossary'
  | 'agencies'
  | 'appendix'
  | 'other';

/**
 * Heading words that name a section's role, tried in order (the first match wins, so
 * "Summary of key events" is a chronology before it is a summary).
 */
const SECTION_RULES: Array<[SectionKind, RegExp]> = [
  ['contents', /^(table of )?contents$/],
  // matters the review considered and set aside: what they name did not happen, or did not matter
  [
    'ruled-out',
    /not found to be (significant|relevant|contributory)|(considered|examined|explored) (but|and) (not|ruled out|found not)|did not (affect|contribute to) the outcome|^other (matters|issues) considered$|^(matters|issues) (considered|examined) (but|and) (not|discounted|set aside|ruled out)/,
  ],
  [
    'executive-summary',
    /executive summary|^summary( report)?$|^overview$|summary of (the )?(review|report|findings|learning)/,
  ],
  [
    'recommendations',
    /recommendation|actions? for the (partnership|board)|what (the partnership|agencies) (should|will) do|improving systems and practice/,
  ],
  // the analysis set out by the questions the review was asked ("Analysis against the terms of reference")
  [
    'findings',
    /(analysis|findings|discussion|evaluation)\b.*\b(terms of reference|lines? of (enquiry|inquiry)|key questions)/,
  ],
  [
    'terms-of-reference',
    /terms of reference|^scope|lines? of (enquiry|inquiry)|questions (for|of) the review|key questions|what (we|the review) (wanted|set out|aimed|sought) to (find out|learn|understand|answer)/,
  ],
  [
    'methodology',
    /method|^approach|how the review was (conducted|done|carried out)|how we (did|carried out|conducted) (the|this) review|review process|the review team|^process/,
  ],
  [
    'family-involvement',
    /family('s)? (involvement|contribution|views|perspective|participation)|(views|voice|involvement|contribution) of (the )?family|involving the family|family engagement/,
  ],
  [
    'chronology',
    /chronolog|key events|summary of events|timeline|practice episodes|narrative|what happened|the facts|case history|agency involvement|involvement of agencies/,
  ],
  ['good-practice', /good practice|what (worked|went) well|strengths|positive practice/],
  ['learning', /learning|lessons|what (can be|we|the review) (learnt|learned|learn)/],
  [
    'findings',
    /finding|analysis|appraisal|themes|discussion|issues (identified|arising)|key (practice )?issues|evaluation/,
  ],
  ['conclusions', /conclu|closing (comments|remarks)|final (comments|remarks|thoughts)/],
  ['glossary', /glossary|abbreviation|acronym|terms used|definitions|words (we use|used)/],
  [
    'agencies',
    /agencies (involved|that contributed|contributing)|^agencies$|acknowledg|contributing (agencies|organisations)|^who took part|organisations (involved|that contributed)|contributors|^(?!.*\b(reflections?|views|thoughts|comments|perspectives?)\b).*\bpanel (members|membership)\b|membership of the (review )?panel|^(the )?review panel$|^the panel$/,
  ],
  ['appendix', /append|annex|references|bibliography|further reading|useful (links|resources)/],
  [
    'introduction',
    /introduc|purpose|why (this|the) (case|review)|about this review|reason for|circumstances|^the review$|preface|foreword|decision to (hold|undertake)|why we (did|carried out|undertook) (this|the) review/,
  ],
  [
    'background',
    /background|family (composition|structure|history)|^the family|pen picture|lived experience|who (was|is)|about (child|baby|[a-z]+)\b|^the (child|adult|subject)|context|personal history|life story/,
  ],
];

/** Parts of a report that answer the review's questions rather than set them. */
const ANSWERING_KINDS = new Set<SectionKind>(['findings', 'learning', 'conclusions']);
/**
 * a heading that names one of the review's questions: "(terms of reference b)", "Key line of enquiry
 * 2:", "ToR (iii)"; the number stands apart, so "Key questions" and "ToRs" name none
 */
const NAMES_A_QUESTION =
  /\b(terms? of reference|(key )?lines? of (enquiry|inquiry)|key question|tor|kloe)(\s*\(([a-z]|\d{1,2}|[ivx]{1,4})\)|\s+([a-z]|\d{1,2}|[ivx]{1,4})\s*(\)|:|\.|$))/i;

export function classifyHeading(heading: string): SectionKind {
  const h = heading.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
  for (const [kind, re] of SECTION_RULES) if (re.test(h)) return kind;
  return 'other';
}

export interface SectionDraft {
  seq: number;
  kind: SectionKind;
  heading: string;
  number: string | null;
  level: number;
  page: number | null;
}

export interface PassageDraft {
  seq: number;
  sectionSeq: number;
  paragraph: string | null;
  page: number | null;
  kind: 'paragraph' | 'list-item';
  text: string;
}

export interface RecommendationDraft {
  seq: number;
  sectionSeq: number;
  number: string | null;
  text: string;
  page: number | null;
}

export interface Segmented {
  sections: SectionDraft[];
  passages: PassageDraft[];
  recommendations: RecommendationDraft[];
}

const HEADING_NUMBER = /^((?:\d{1,2}(?:\.\d{1,2}){0,2})|[A-Z]|[IVX]{1,4})[.):]?\s+(.+)$/;
const HEADING_WORD_NUMBER =
  /^(?:part|section|chapter)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[IVX]{1,4}(?![a-z])|[A-Z](?![a-z]))\s*[:.\-–—]?\s*(.*)$/i;
const PARAGRAPH_NUMBER = /^(\d{1,2}(?:\.\d{1,3}){1,3})\.?\s+(?=\S)/;
const SINGLE_NUMBER = /^(\d{1,3})[.)]\s+(?=\S)/;
const RECOMMENDATION_LEAD = /^(?:recommendation|rec\.?)\s*(\d{1,2}[a-z]?)\s*[:.\-–—)]?\s*/i;

export function splitHeadingNumber(text: string): { number: string | null; title: string } {
  if (STATUTORY_REFERENCE.test(text)) return { number: null, title: text };
  const word = HEADING_WORD_NUMBER.exec(text);
  if (word) return { number: word[1] ?? null, title: (word[2] ?? '').trim() || text };
  const m = HEADING_NUMBER.exec(text);
  if (m && (m[2] ?? '').length > 2 && /[A-Za-z]/.test(m[2] ?? '')) {
    // "A Child's Journey" is a title, not section "A": only letters followed by punctuation count.
    if (/^[A-Z]$|^[IVX]+$/.test(m[1] ?? '') && !/^[A-Z]{1,4}[.):]/.test(text))
      return { number: null, title: text };
    return { number: m[1] ?? null, title: (m[2] ?? '').trim() };
  }
  return { number: null, title: text };
}

/** The heading of the section that holds what comes before a report's first heading. */
export const TITLE_PAGE = 'Title page';

/**
 * Decides each section's kind in reading order: by its heading's words, then by where it sits. A
 * recommendations section covers its sub-headings ("For the ICB"); a sub-heading with no kind of
 * its own takes its parent's; a part of the analysis headed by the question it answers is analysis.
 */
export class SectionKinds {
  private recommendationsLevel: number | null = null;
  private readonly ancestors: Array<{ kind: SectionKind; level: number }> = [];
  private before: SectionKind | null = null;

  /** The section for what comes before the first heading. */
  titlePage(): SectionKind {
    this.before = 'front-matter';
    return 'front-matter';
  }

  /** The kind of the section a heading opens (its title without its number, and its level). */
  heading(title: string, level: number): SectionKind {
    let kind = classifyHeading(title);
    if (this.recommendationsLevel !== null) {
      if (
        level > this.recommendationsLevel &&
        (kind === 'other' || kind === 'recommendations' || kind === 'agencies' || kind === 'learning')
      ) {
        kind = 'recommendations';
      } else {
        this.recommendationsLevel = null;
      }
    }
    if (kind === 'recommendations' && this.recommendationsLevel === null) this.recommendationsLevel = level;
    const parent = this.parentAt(level);
    // Sub-headings inside a known section ("4.2 Health visiting") belong to that section's role;
    // the document's own title heading opens the title page.
    if (kind === 'other' && parent && parent.kind !== 'front-matter') kind = parent.kind;
    // A part of the analysis may be headed by the question it answers ("Care at the home (terms of
    // reference b)"): inside the analysis, or straight after it with no levels to tell, it is analysis.
    if (kind === 'terms-of-reference') {
      if (parent && ANSWERING_KINDS.has(parent.kind)) kind = parent.kind;
      else if (NAMES_A_QUESTION.test(title) && this.before && ANSWERING_KINDS.has(this.before))
        kind = this.before;
    }
    if (kind === 'other' && this.before === null) kind = 'front-matter';
    return this.place(kind, level);
  }

  /** A section whose kind is known already (kept as stored): what follows reads it as its parent. */
  known(kind: SectionKind, level: number): SectionKind {
    if (
      this.recommendationsLevel !== null &&
      (level <= this.recommendationsLevel || kind !== 'recommendations')
    )
      this.recommendationsLevel = null;
    if (kind === 'recommendations' && this.recommendationsLevel === null) this.recommendationsLevel = level;
    this.parentAt(level);
    return this.place(kind, level);
  }

  /** Closes the sections at this level or deeper; the one left open holds a heading at `level`. */
  private parentAt(level: number): { kind: SectionKind; level: number } | undefined {
    const ancestors = this.ancestors;
    while (ancestors.length && (ancestors[ancestors.length - 1]?.level ?? 0) >= level) ancestors.pop();
    return ancestors[ancestors.length - 1];
  }

  private place(kind: SectionKind, level: number): SectionKind {
    this.ancestors.push({ kind, level });
    this.before = kind;
    return kind;
  }
}

/**
 * The kinds of a stored review's sections as the current rules read them, in order, from their
 * headings (without numbers) and levels: reviews imported under older rules are read as new ones.
 * A section `keep` picks keeps its stored kind, and the sections under it read it as their parent's.
 */
export function sectionKindsOf<S extends Pick<SectionDraft, 'heading' | 'level' | 'kind'>>(
  sections: readonly S[],
  keep: (section: S) => boolean = () => false,
): SectionKind[] {
  const kinds = new SectionKinds();
  return sections.map((s) => (keep(s) ? kinds.known(s.kind, s.level) : kinds.heading(s.heading, s.level)));
}

/**
 * Splits a document's blocks into sections (from headings), numbered passages and recommendations.
 * A recommendations section covers its sub-headings ("For the ICB", "For the police"), and its
 * items are the list items and numbered paragraphs in it; "Recommendation 3: ..." anywhere counts too.
 */
export function segment(blocks: Block[]): Segmented {
  const sections: SectionDraft[] = [];
  const passages: PassageDraft[] = [];
  const recommendations: RecommendationDraft[] = [];
  let section: SectionDraft | null = null;
  const kinds = new SectionKinds();

  const open = (draft: Omit<SectionDraft, 'seq'>): SectionDraft => {
    const s = { ...draft, seq: sections.length + 1 };
    sections.push(s);
    return s;
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      const { number, title } = splitHeadingNumber(block.text);
      const level = block.level ?? (number ? number.split('.').length : 1);
      const kind = kinds.heading(title, level);
      section = open({ kind, heading: title, number, level, page: block.page });
      continue;
    }
    if (!section)
      section = open({
        kind: kinds.titlePage(),
        heading: TITLE_PAGE,
        number: null,
        level: 1,
        page: block.page,
      });

    let text = block.text;
    let paragraph: string | null = null;
    const numbered = PARAGRAPH_NUMBER.exec(text);
    if (numbered) {
      paragraph = numbered[1] ?? null;
      text = text.slice(numbered[0].length);
    } else if (block.kind === 'paragraph') {
      const single = SINGLE_NUMBER.exec(text);
      if (single && text.length > 40) {
        paragraph = single[1] ?? null;
        text = text.slice(single[0].length);
      }
    }
    if (!text.trim()) continue;
    const kind = block.kind === 'list-item' ? 'list-item' : 'paragraph';
    passages.push({
      seq: passages.length + 1,
      sectionSeq: section.seq,
      paragraph,
      page: block.page,
      kind,
      text,
    });

    const lead = RECOMMENDATION_LEAD.exec(text);
    const inRecommendations = section.kind === 'recommendations';
    if (lead && text.length > lead[0].length + 10) {
      recommendations.push({
        seq: recommendations.length + 1,
        sectionSeq: section.seq,
        number: lead[1] ?? null,
        text: text.slice(lead[0].length).trim(),
        page: block.page,
      });
    } else if (inRecommendations && (block.kind === 'list-item' || paragraph !== null) && text.length > 15) {
      const number = block.listIndex !== undefined ? String(block.listIndex) : paragraph;
      recommendations.push({
        seq: recommendations.length + 1,
        sectionSeq: section.seq,
        number,
        text,
        page: block.page,
      });
    }
  }
  return { sections, passages, recommendations };
}
