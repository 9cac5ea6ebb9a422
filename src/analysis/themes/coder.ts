import { Scorer } from './model.js';
import type { ThemeModel } from './model.js';
import { compileThemes, ruleHits } from './rules.js';
import type { CompiledTheme, RuleHit } from './rules.js';
import { isBoilerplateSentence, sentences } from './text.js';
import type { Applies, Evidence, Location, Theme, ThemeCode } from './types.js';
import { textToBlocks } from '../../ingestion/extract/text.js';
import { headingWithoutNumber } from '../../ingestion/layout.js';
import { classifyHeading, segment } from '../../ingestion/segment.js';
import type { Segmented } from '../../ingestion/segment.js';

/** A paragraph of a report, with where it sits. */
export interface LocatedPassage extends Location {
  text: string;
  /** the kind of section it is in, when known ("recommendations", "findings"…) */
  sectionKind?: string | null;
  /** the text is the section's heading (see CODING) */
  heading?: true;
}

/**
 * How rules and model combine, per passage and theme:
 *   rule    = 0.9 for a strong indicator, 0.45 for two weak ones, 0.25 for one, else 0
 *   passage = RULE_WEIGHT × rule + (1 − RULE_WEIGHT) × model probability
 *             (the rule alone for a theme the model has no examples of, e.g. one added since)
 * A short text (fewer than `document.minPassages` paragraphs) is coded with a theme when its best
 * passage reaches the threshold and it has evidence (settings chosen by five-fold cross-validation
 * on the labelled training files: scripts/tune-themes.ts --grid; on the 791 items weights 0.25–0.35
 * and thresholds 0.25–0.3 score alike, and this is the middle; on the 1,311 items of 2026-11-26 the
 * grid is as flat: micro-F1 70.9–72.2 over weights 0.2–0.35 and thresholds 0.275–0.4, these
 * settings 71.1, so they were kept).
 * So a strong indicator codes unless the model is sure it is wrong (probability under 0.05), one
 * weak indicator needs the model at 0.32, and the model alone needs 0.43. Recommendations
 * count at half weight: they look forward, and often name a theme the case did not turn on.
 *
 * A document (a report, a summary: `document.minPassages` paragraphs or more) mentions far more
 * than it is about, so a theme needs more there: its best passage still reaches the threshold, and
 * `document.weights` applied to what its passages show (documentFeatures: its three best scores,
 * how many passages reach the threshold, their share of the document, the document's length)
 * gives a probability of at least `document.cut`, which is then its confidence. The weights are a
 * logistic regression fitted by scripts/tune-themes.ts --documents on the labelled training
 * documents (each scored by a model that did not learn from it), the development reports and the
 * imported demo reviews; see there for the figures. Each theme also has its own term
 * (`document.themeBias`, fitted with the weights and kept small by a penalty): some themes'
 * passages understate them (information sharing is mostly described, rarely named) and others'
 * overstate them (every chronology closes a case, which is not yet a finding about thresholds).
 *
 * The heading of a part of the findings, the learning or the conclusions states what the review
 * found ("Finding 3: Housing and health do not share information about families…"), so a heading
 * of `headingWords` words or more there is read as one more passage of its section, once.
 */
export const CODING = {
  ruleWeight: 0.25,
  threshold: 0.325,
  recommendationsFactor: 0.5,
  maxEvidence: 3,
  headingWords: 4,
  document: {
    minPassages: 4,
    /** for documentFeatures' values, in order; the first is the intercept */
    weights: [-0.88, 2.15, 1.5, 0.66, 1.63, 0.87, -1.33, 0.99] as readonly number[],
    cut: 0.45,
    themeBias: {
      neglect: 0.31,
      'physical-abuse': -0.07,
      'sexual-abuse': 0.18,
      'emotional-abuse': 0.25,
      exploitation: -0.02,
      'online-harm': 0.15,
      sudi: -0.25,
      'domestic-abuse': -0.49,
      'parental-mental-health': -0.34,
      'substance-misuse': -0.18,
      'young-person-mental-health': -0.15,
      'disability-health': -0.23,
      'self-neglect': 0.26,
      'organisational-abuse': -0.34,
      'housing-poverty': -0.2,
      'culture-identity': 0.27,
      education: -0.27,
      missing: -0.08,
      carers: -0.17,
      'information-sharing': 0.58,
      'multi-agency-working': 0.36,
      'risk-assessment': -0.33,
      'professional-curiosity': -0.03,
      'voice-of-child': 0.71,
      'hidden-men': 0.33,
      'thresholds-escalation': -0.51,
      'supervision-workload': -0.03,
      'record-keeping': -0.19,
      'training-guidance': -0.13,
      transitions: 0.34,
      'written-agreements': -0.05,
    } as Readonly<Record<string, number>>,
  },
};

/** Sections whose headings state what the review found. */
const FINDING_SECTION_KINDS = new Set(['findings', 'learning', 'conclusions']);

/**
 * What a theme's passages in a document show, as CODING.document.weights read it: 1 (the
 * intercept), its best, second and third passage scores (0 where there are none), log(1 + the
 * number reaching the threshold), that number's share of the document's passages, log(passages),
 * and the best score × log(passages) (a long report needs a clearer best passage).
 */
export function documentFeatures(scores: readonly number[], passages: number, threshold: number): number[] {
  const [s1 = 0, s2 = 0, s3 = 0] = scores;
  const reaching = scores.filter((s) => s >= threshold).length;
  const length = Math.log(Math.max(1, passages));
  return [1, s1, s2, s3, Math.log1p(reaching), reaching / Math.max(1, passages), length, s1 * length];
}

/** The probability the document decision gives a theme (a logistic of the weighted features and its own term). */
export function documentProbability(
  features: readonly number[],
  weights: readonly number[],
  bias = 0,
): number {
  const z = features.reduce((sum, x, i) => sum + x * (weights[i] ?? 0), bias);
  return 1 / (1 + Math.exp(-z));
}

/** A segmented document's passages as the coder reads them: with their section's heading and kind. */
export function locatedPassages(doc: Pick<Segmented, 'sections' | 'passages'>): LocatedPassage[] {
  const sections = new Map(doc.sections.map((s) => [s.seq, s]));
  return doc.passages.map((p) => {
    const section = sections.get(p.sectionSeq);
    return {
      text: p.text,
      section: section?.heading ?? null,
      sectionKind: section?.kind ?? null,
      paragraph: p.paragraph,
      page: p.page,
    };
  });
}

/**
 * A plain text's passages, read as an imported text file is: headings open sections (so a glossary
 * or the terms of reference are known for what they are), lines wrapped without blank lines between
 * paragraphs join up, numbered paragraphs keep their numbers. Text that is all heading-like lines (a
 * phrase without a full stop) is read as paragraphs, so that it is still coded.
 */
export function passagesOfText(text: string): LocatedPassage[] {
  const read = locatedPassages(segment(textToBlocks(text).blocks));
  if (read.length > 0) return read;
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p, i) => ({ text: p, section: null, paragraph: String(i + 1), page: null }));
}

/**
 * Sections that describe the review, not the case (what they mention is not what happened), or
 * set matters aside as considered and ruled out.
 */
export const BOILERPLATE_SECTION_KINDS = new Set([
  'contents',
  'terms-of-reference',
  'methodology',
  'ruled-out',
  'glossary',
  'agencies',
  'appendix',
]);

/** Whether a passage sits in such a section: by its section's kind, or its heading's when not given. */
export function inBoilerplateSection(passage: Pick<LocatedPassage, 'section' | 'sectionKind'>): boolean {
  const kind = passage.sectionKind ?? (passage.section ? classifyHeading(passage.section) : null);
  return BOILERPLATE_SECTION_KINDS.has(kind ?? '');
}

export interface PassageScore {
  confidence: number;
  evidence: Evidence[];
}

export class ThemeCoder {
  private readonly compiled: CompiledTheme[];
  private readonly scorer: Scorer | null;

  constructor(
    private readonly themes: Theme[],
    model: ThemeModel | null,
    private readonly settings = CODING,
  ) {
    this.compiled = compileThemes(themes);
    this.scorer = model ? new Scorer(model) : null;
  }

  /**
   * Each theme's scores in a document, one per passage that reaches the level worth explaining, best
   * first (recommendations at their reduced weight; boilerplate sections left out).
   */
  scoreDocument(passages: LocatedPassage[]): Map<string, PassageScore[]> {
    const best = new Map<string, PassageScore[]>();
    for (const passage of this.withFindingHeadings(passages)) {
      if (inBoilerplateSection(passage)) continue;
      const factor = passage.sectionKind === 'recommendations' ? this.settings.recommendationsFactor : 1;
      for (const [slug, score] of this.scorePassage(passage)) {
        best.set(slug, [
          ...(best.get(slug) ?? []),
          { confidence: score.confidence * factor, evidence: score.evidence },
        ]);
      }
    }
    for (const scores of best.values()) scores.sort((a, b) => b.confidence - a.confidence);
    return best;
  }

  /**
   * The passages with, before the first passage of each findings, learning or conclusions section,
   * its heading's statement (see CODING), located at that section and passage's page; not a question.
   */
  private withFindingHeadings(passages: LocatedPassage[]): LocatedPassage[] {
    const out: LocatedPassage[] = [];
    let section: string | null = null;
    for (const passage of passages) {
      if (
        passage.section &&
        passage.section !== section &&
        FINDING_SECTION_KINDS.has(passage.sectionKind ?? '')
      ) {
        const statement = headingWithoutNumber(passage.section);
        // a heading that asks ("Were drugs or alcohol part of the picture?") states no finding
        if (statement.split(/\s+/).length >= this.settings.headingWords && !statement.endsWith('?'))
          out.push({
            ...passage,
            text: /[.?!]$/.test(statement) ? statement : `${statement}.`,
            paragraph: null,
            heading: true,
          });
      }
      section = passage.section;
      out.push(passage);
    }
    return out;
  }

  /** Codes a document's passages; `applies` leaves out themes that do not apply to its kind of review. */
  code(passages: LocatedPassage[], applies?: Applies): ThemeCode[] {
    const best = this.scoreDocument(passages);
    const isDocument = passages.length >= this.settings.document.minPassages;
    const codes: ThemeCode[] = [];
    for (const theme of this.themes) {
      if (applies && !theme.applies.includes(applies)) continue;
      const scores = best.get(theme.slug) ?? [];
      const top = scores[0];
      if (!top || top.confidence < this.settings.threshold) continue;
      let confidence: number;
      if (isDocument) {
        // In a document one passing mention is not a theme (see CODING).
        confidence = documentProbability(
          documentFeatures(
            scores.map((s) => s.confidence),
            passages.length,
            this.settings.threshold,
          ),
          this.settings.document.weights,
          this.settings.document.themeBias[theme.slug] ?? 0,
        );
        if (confidence < this.settings.document.cut) continue;
      } else {
        // Each further supporting passage adds a little: a theme discussed throughout is surer.
        const support = scores.slice(1).filter((s) => s.confidence >= this.settings.threshold).length;
        confidence = top.confidence + 0.02 * Math.min(support, 5);
      }
      confidence = Math.min(0.99, confidence);
      const evidence = scores
        .filter((s) => s.confidence >= this.settings.threshold * 0.8)
        .flatMap((s) => s.evidence)
        .slice(0, this.settings.maxEvidence);
      if (evidence.length === 0) continue;
      codes.push({
        slug: theme.slug,
        label: theme.label,
        confidence: Math.round(confidence * 100) / 100,
        evidence,
      });
    }
    return codes.sort((a, b) => b.confidence - a.confidence);
  }

  /** Codes a plain text (see passagesOfText). */
  codeText(text: string, applies?: Applies): ThemeCode[] {
    return this.code(passagesOfText(text), applies);
  }

  private scorePassage(passage: LocatedPassage): Map<string, PassageScore> {
    const hitsBySlug = new Map<string, Array<{ sentence: string; hit: RuleHit }>>();
    const kept: string[] = [];
    for (const sentence of sentences(passage.text)) {
      if (isBoilerplateSentence(sentence)) continue;
      kept.push(sentence);
      for (const hit of ruleHits(sentence, this.compiled))
        hitsBySlug.set(hit.slug, [...(hitsBySlug.get(hit.slug) ?? []), { sentence, hit }]);
    }
    const out = new Map<string, PassageScore>();
    if (kept.length === 0) return out;
    const joined = kept.join(' ');
    const predictions = this.scorer?.predict(joined);
    const location = {
      section: passage.section,
      paragraph: passage.paragraph,
      page: passage.page,
      ...(passage.heading ? { heading: true as const } : {}),
    };
    // Below this a passage can neither code a theme nor give it evidence: not worth explaining.
    const useful = this.settings.threshold * 0.8;
    for (const theme of this.themes) {
      const hits = hitsBySlug.get(theme.slug) ?? [];
      const strong = hits.filter((h) => h.hit.strength === 'strong');
      const weakCount = hits.length - strong.length;
      const rule = strong.length ? 0.9 : weakCount >= 2 ? 0.45 : weakCount === 1 ? 0.25 : 0;
      const probability = predictions?.get(theme.slug);
      const confidence =
        probability === undefined
          ? rule
          : this.settings.ruleWeight * rule + (1 - this.settings.ruleWeight) * probability;
      if (confidence < useful) continue;
      const evidence: Evidence[] = [...strong, ...hits.filter((h) => h.hit.strength === 'weak')].map((h) => ({
        ...location,
        text: h.sentence,
        reason: `${h.hit.strength === 'strong' ? 'indicator' : 'weak indicator'} “${h.hit.matched}”`,
      }));
      if (evidence.length === 0 && this.scorer && probability !== undefined) {
        // The model alone: the sentence sharing most of the words that pushed the theme up.
        const top = this.scorer.explain(joined, theme.slug);
        const words = top.flatMap((t) => t.split(' ').filter((w) => w !== 'not'));
        const sentence = [...kept].sort((a, b) => overlap(b, words) - overlap(a, words))[0];
        if (sentence && overlap(sentence, words) > 0)
          evidence.push({ ...location, text: sentence, reason: `model: ${top.join(', ')}` });
      }
      out.set(theme.slug, { confidence, evidence });
    }
    return out;
  }
}

function overlap(sentence: string, stems: string[]): number {
  const lower = sentence.toLowerCase();
  return stems.filter((s) => s.length > 2 && lower.includes(s)).length;
}
