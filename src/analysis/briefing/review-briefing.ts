import type { Evidence } from '../themes/types.js';
import { definitionsIn } from './abbreviations.js';
import { audienceOf, disciplinesOf, isPrescriptive } from './audiences.js';
import {
  contentStems,
  diverse,
  extracted,
  findingScore,
  numberStatements,
  overlap,
  sentences,
  tiersFor,
  wordCount,
} from './common.js';
import type { Candidate } from './common.js';
import { disciplineQuestion, practicePoint, RECOMMENDATION_QUESTION, themeQuestion } from './questions.js';
import { DISCIPLINES, GENERATOR_VERSION } from './types.js';
import type { Briefing, Source, Statement, Tier } from './types.js';

export interface BriefingReview {
  id: string;
  title: string;
  typeLabel: string;
  publishedYear: number | null;
  publishingBody: string | null;
  region: string | null;
  sections: Array<{ id: number; kind: string; heading: string }>;
  passages: Array<{
    id: number;
    sectionId: number | null;
    paragraph: string | null;
    page: number | null;
    text: string;
  }>;
  recommendations: Array<{
    id: number;
    sectionId: number | null;
    number: string | null;
    text: string;
    page: number | null;
  }>;
  /** codes an analyst has not rejected, best first */
  themes: Array<{ slug: string; label: string; status: string; evidence: Evidence[] }>;
  /** for each of its themes, how many other reviews the reader may see carry it */
  elsewhere: Record<string, number>;
}

/** Sections whose words describe the review, not the case or its learning. */
const NOT_CONTENT = new Set([
  'front-matter',
  'contents',
  'terms-of-reference',
  'methodology',
  'ruled-out',
  'glossary',
  'agencies',
  'appendix',
  'family-involvement',
]);
const FINDING_SECTIONS = new Set([
  'learning',
  'findings',
  'conclusions',
  'executive-summary',
  'good-practice',
  'other',
]);
const BACKGROUND_SECTIONS = ['executive-summary', 'introduction', 'background'];

const sourceFor = (
  review: BriefingReview,
  passage: BriefingReview['passages'][number],
  heading: string | null,
  quote: string,
): Source => ({
  reviewId: review.id,
  reviewTitle: review.title,
  passageId: passage.id,
  section: heading,
  paragraph: passage.paragraph,
  page: passage.page,
  quote,
});

/** A 7-minute briefing on one review, from its own findings, learning and recommendations. */
export function reviewBriefing(
  review: BriefingReview,
  abbreviations: Record<string, string>,
  now = new Date(),
): Briefing {
  const sectionOf = new Map(review.sections.map((s) => [s.id, s]));
  const evidenceThemes = new Map<string, string[]>();
  for (const code of review.themes)
    for (const e of code.evidence)
      evidenceThemes.set(e.text.trim(), [...(evidenceThemes.get(e.text.trim()) ?? []), code.slug]);
  const themesOf = (sentence: string) => evidenceThemes.get(sentence.trim()) ?? [];

  const all: Candidate[] = [];
  for (const passage of review.passages) {
    const section = passage.sectionId === null ? undefined : sectionOf.get(passage.sectionId);
    const kind = section?.kind ?? 'other';
    if (NOT_CONTENT.has(kind)) continue;
    for (const sentence of sentences(passage.text)) {
      const themes = themesOf(sentence);
      const { score, reason } = findingScore(sentence, kind, themes);
      all.push({
        sentence,
        source: sourceFor(review, passage, section?.heading ?? null, sentence),
        sectionKind: kind,
        stems: contentStems(sentence),
        themes,
        words: wordCount(sentence),
        score,
        reason,
      });
    }
  }
  const statements: Statement[] = [];

  // Background: what the review is, then how the report itself opens its account of the case.
  const where = review.publishingBody ? ` by ${review.publishingBody}` : '';
  const when = review.publishedYear ? ` in ${review.publishedYear}` : '';
  const type = review.typeLabel[0]!.toLowerCase() + review.typeLabel.slice(1);
  statements.push(
    template(
      'background',
      `This ${type} was published${where}${when}.`,
      'from the review’s catalogue record',
      review,
      null,
    ),
  );
  for (const kind of BACKGROUND_SECTIONS) {
    const opening = all.filter(
      (c) =>
        c.sectionKind === kind &&
        c.words >= 8 &&
        c.words <= 45 &&
        !/^(this|the) (report|review) (was|is) (commissioned|written|published)/i.test(c.sentence),
    );
    if (opening.length) {
      opening
        .slice(0, 2)
        .forEach((c, i) =>
          statements.push(extracted('background', c, 2 - i, `opens the ${kind.replace('-', ' ')}`)),
        );
      break;
    }
  }

  // Why it matters: the review's themes, and how often other reviews found the same.
  review.themes.slice(0, 3).forEach((code, i) => {
    const first = code.evidence.find((e) => !e.heading);
    const passage = first && findPassage(review, first);
    const others = review.elsewhere[code.slug] ?? 0;
    const text =
      others > 0
        ? `${code.label} was a key theme. ${others} other ${others === 1 ? 'review' : 'reviews'} in the library found it too.`
        : `${code.label} was a key theme.`;
    statements.push({
      ...template(
        'why',
        text,
        `${code.status === 'suggested' ? 'suggested' : 'confirmed'} theme with its evidence`,
        review,
        passage ? sourceFor(review, passage.passage, passage.heading, first.text) : null,
      ),
      themes: [code.slug],
      basis: { label: `${code.label}: all reviews`, href: `/themes/${code.slug}` },
      rank: 3 - i,
    });
  });

  // Key findings: the best lines of the findings and learning, no two alike.
  const findings = diverse(
    all.filter((c) => FINDING_SECTIONS.has(c.sectionKind) && c.score > 1.5).sort((a, b) => b.score - a.score),
    12,
  );
  findings.forEach((c, i) => statements.push(extracted('findings', c, findings.length - i, c.reason)));

  // What to do: the recommendations, each for whoever it asks to act, and the lessons the report
  // words as advice ("practitioners should always …").
  const recommendationTexts = new Set(review.recommendations.map((r) => r.text.trim()));
  // A recommendation is a sentence with a verb, not a heading listing an agency ("Gwent Police").
  review.recommendations
    .filter((r) => wordCount(r.text) >= 6)
    .forEach((r, i) => {
      // The passage that holds the recommendation's words; without one, the recommendation itself is the source.
      const quote = r.text.trim();
      const passage = review.passages.find((p) => p.text.includes(quote));
      const section = r.sectionId === null ? null : (sectionOf.get(r.sectionId)?.heading ?? null);
      const source: Source = passage
        ? sourceFor(review, passage, section, quote)
        : {
            reviewId: review.id,
            reviewTitle: review.title,
            passageId: null,
            section,
            paragraph: r.number,
            page: r.page,
            quote,
          };
      statements.push(
        extracted(
          'actions',
          { sentence: quote, source, themes: themesOf(quote) },
          100 - i,
          `recommendation${r.number ? ` ${r.number}` : ''} of the review`,
        ),
      );
    });
  const advice = diverse(
    all
      .filter(
        (c) =>
          (c.sectionKind === 'learning' || c.sectionKind === 'findings' || c.sectionKind === 'conclusions') &&
          isPrescriptive(c.sentence) &&
          !recommendationTexts.has(c.sentence.trim()) &&
          c.score > 0,
      )
      .sort((a, b) => b.score - a.score),
    6,
  );
  advice.forEach((c, i) =>
    statements.push(extracted('actions', c, 50 - i, 'advice in the review’s learning')),
  );

  // Practice points for practitioners and managers when the review's own words do not give any:
  // one for each theme of the key findings, linked to the finding that prompted it.
  addPracticePoints(statements, labelOf(review));

  // Questions: one for each theme the key findings carry, at each tier; one for each discipline the
  // findings name; one for each recommendation at the leadership tier.
  const keyFindings = statements.filter((s) => s.part === 'findings');
  const labels = labelOf(review);
  const asked = new Set<string>();
  for (const f of keyFindings) {
    for (const slug of f.themes) {
      if (asked.has(slug)) continue;
      asked.add(slug);
      for (const tier of ['universal', 'leadership'] as Tier[])
        statements.push(
          question(
            themeQuestion(slug, labels.get(slug) ?? slug, tier),
            f,
            tier === 'universal' ? ['universal', 'targeted'] : ['leadership'],
            `asked of the theme ${labels.get(slug) ?? slug}`,
            [slug],
          ),
        );
    }
  }
  for (const d of DISCIPLINES) {
    const f = keyFindings.find((s) => s.disciplines.includes(d));
    if (f)
      statements.push({
        ...question(
          disciplineQuestion(d),
          f,
          ['targeted'],
          `a finding that names ${d.replace(/-/g, ' ')}`,
          f.themes,
        ),
        disciplines: [d],
      });
  }
  for (const a of statements
    .filter((s) => s.part === 'actions' && s.reason.startsWith('recommendation'))
    .slice(0, 2))
    statements.push(
      question(RECOMMENDATION_QUESTION, a, ['leadership'], 'asked of a recommendation', a.themes),
    );

  const abbreviationsHere = {
    ...abbreviations,
    ...definitionsIn(
      review.passages.map((p) => ({
        text: p.text,
        glossary: p.sectionId !== null && sectionOf.get(p.sectionId)?.kind === 'glossary',
      })),
    ),
  };
  return {
    kind: 'review',
    title: `7-minute briefing: ${review.title}`,
    scopeLine: [review.typeLabel, review.publishingBody, review.publishedYear].filter(Boolean).join(', '),
    scope: { reviewId: review.id },
    statements: numberStatements(statements),
    more: [
      { label: `The full review: ${review.title}`, href: `/reviews/${review.id}` },
      ...review.themes
        .slice(0, 3)
        .map((t) => ({ label: `${t.label}: what other reviews found`, href: `/themes/${t.slug}` })),
      { label: 'Reviews like this one', href: `/reviews/${review.id}#similar` },
    ],
    abbreviations: abbreviationsHere,
    reviewIds: [review.id],
    generatedAt: now.toISOString(),
    generator: GENERATOR_VERSION,
  };
}

function findPassage(review: BriefingReview, e: Evidence) {
  const text = e.text.trim();
  const passage =
    review.passages.find((p) => p.paragraph === e.paragraph && p.text.includes(text)) ??
    review.passages.find((p) => p.text.includes(text));
  if (!passage) return null;
  const heading = review.sections.find((s) => s.id === passage.sectionId)?.heading ?? null;
  return { passage, heading };
}

function template(
  part: Statement['part'],
  text: string,
  reason: string,
  review: BriefingReview,
  source: Source | null,
): Statement {
  return {
    id: '',
    part,
    text,
    origin: 'template',
    reason,
    rewrites: [],
    source,
    basis: source ? null : { label: `${review.title}: the review’s record`, href: `/reviews/${review.id}` },
    alsoIn: [],
    audience: null,
    disciplines: [],
    themes: [],
    tiers: tiersFor(part, null),
    rank: 10,
  };
}

/** A question linked to the statement that prompted it (and so to that statement's passage). */
export function question(
  text: string,
  prompt: Statement,
  tiers: Tier[],
  reason: string,
  themes: string[],
): Statement {
  return {
    id: '',
    part: 'questions',
    text,
    origin: 'template',
    reason,
    rewrites: [],
    source: prompt.source,
    basis: prompt.basis,
    alsoIn: [],
    audience: null,
    disciplines: prompt.disciplines,
    themes,
    tiers,
    rank: prompt.rank,
  };
}

export { audienceOf, disciplinesOf, overlap };

function labelOf(review: BriefingReview): Map<string, string> {
  return new Map(review.themes.map((t) => [t.slug, t.label]));
}

/** Adds practice points for the audiences the briefing has no actions for, from the key findings' themes. */
export function addPracticePoints(statements: Statement[], labels: Map<string, string>): void {
  for (const audience of ['practitioner', 'manager'] as const) {
    if (statements.some((s) => s.part === 'actions' && s.audience === audience)) continue;
    const used = new Set<string>();
    for (const f of statements.filter((s) => s.part === 'findings')) {
      const slug = f.themes.find((t) => !used.has(t) && practicePoint(t, audience));
      if (!slug || used.size >= 3) continue;
      used.add(slug);
      statements.push({
        ...question(
          practicePoint(slug, audience)!,
          f,
          tiersFor('actions', audience),
          `a practice point for ${labels.get(slug) ?? slug}, prompted by this finding`,
          [slug],
        ),
        part: 'actions',
        audience,
        rank: f.rank,
      });
    }
  }
}
