import { classifyHeading } from '../../ingestion/segment.js';
import type { Evidence } from '../themes/types.js';
import {
  SimilarityIndex,
  contentStems,
  diverse,
  extracted,
  findingScore,
  numberStatements,
  overlap,
  tiersFor,
  wordCount,
} from './common.js';
import type { Candidate } from './common.js';
import { RECOMMENDATION_QUESTION, disciplineQuestion, themeQuestion } from './questions.js';
import { addPracticePoints, question } from './review-briefing.js';
import { DISCIPLINES, GENERATOR_VERSION } from './types.js';
import type { Briefing, Source, Statement, Tier } from './types.js';

export interface ThemeBriefingInput {
  theme: { slug: string; label: string; definition: string };
  scope: Briefing['scope'];
  /** "North East, 2015 to 2024, serious case reviews" */
  scopeLine: string;
  /** every review in scope the reader may see, coded or not */
  reviewsInScope: number;
  /** the reviews in scope coded with the theme, with its evidence in each */
  reviews: Array<{ id: string; title: string; year: number | null; evidence: Evidence[] }>;
  /** those reviews' recommendations that speak of the theme */
  recommendations: Array<{
    reviewId: string;
    reviewTitle: string;
    number: string | null;
    text: string;
    page: number | null;
    section: string | null;
  }>;
  /** the trend test's finding, in words, or null when there are too few years */
  trend: string | null;
}

/** How many reviews a point must be "much the same" as another's to count as found again. */
const SAME = 0.3;
const PRESELECTED = 400;
const CONSIDERED = 60;
const CONSIDERED_RECOMMENDATIONS = 400;

/**
 * A 7-minute briefing on a theme across reviews: the points most reviews make about it (each
 * cited to one review's passage, with the others that found much the same), their recommendations
 * grouped by who is to act, and questions.
 */
export function themeBriefing(
  input: ThemeBriefingInput,
  abbreviations: Record<string, string>,
  now = new Date(),
): Briefing {
  const { theme } = input;
  const themeLink = { label: `${theme.label}: all reviews and the trend`, href: `/themes/${theme.slug}` };
  const statements: Statement[] = [];
  const n = input.reviews.length;
  const share = input.reviewsInScope ? Math.round((n / input.reviewsInScope) * 100) : 0;

  const figure = (part: Statement['part'], text: string, reason: string, rank: number): Statement => ({
    id: '',
    part,
    text,
    origin: 'template',
    reason,
    rewrites: [],
    source: null,
    basis: themeLink,
    alsoIn: [],
    audience: null,
    disciplines: [],
    themes: [theme.slug],
    tiers: tiersFor(part, null),
    rank,
  });
  statements.push(
    figure(
      'background',
      `${theme.label}: ${lowerFirst(theme.definition)}.`,
      'the theme’s definition in the taxonomy',
      3,
    ),
  );
  statements.push(
    figure(
      'background',
      `${n} of the ${input.reviewsInScope} reviews in the library for ${input.scopeLine || 'all areas and years'} found this theme.`,
      'counted from the reviews’ theme codes',
      2,
    ),
  );
  if (input.trend)
    statements.push(
      figure(
        'why',
        `Over the years, the share of reviews finding it is ${input.trend}.`,
        'the trend test on the theme page',
        3,
      ),
    );
  if (share >= 20)
    statements.push(
      figure(
        'why',
        `It comes up in about ${share} in every 100 reviews: the same lesson is being learned again.`,
        'share of reviews in scope',
        2,
      ),
    );

  // Candidate points: every evidence sentence of every review (not a finding's heading: a point is
  // quoted from, and cited to, its paragraph). A point's support is how many other
  // reviews made much the same point; the best-supported, best-worded points come first. Sentences
  // are first ranked by how central their words are (shared with many others) and their shape, and
  // only the best PRESELECTED are read closely (framing, cues), which keeps large libraries quick.
  const candidates: Array<Candidate & { reviewId: string }> = [];
  for (const r of input.reviews)
    for (const e of r.evidence) {
      if (e.heading) continue;
      const source: Source = {
        reviewId: r.id,
        reviewTitle: r.title,
        passageId: null,
        section: e.section,
        paragraph: e.paragraph,
        page: e.page,
        quote: e.text,
      };
      candidates.push({
        sentence: e.text,
        source,
        sectionKind: e.section ? classifyHeading(e.section) : 'other',
        stems: contentStems(e.text),
        themes: [theme.slug],
        words: wordCount(e.text),
        score: 0,
        reason: '',
        reviewId: r.id,
      });
    }
  const similar = new SimilarityIndex(candidates.map((c) => c.stems));
  const df = new Map<string, number>();
  for (const c of candidates) for (const s of c.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const central = (c: Candidate) =>
    c.stems.size ? [...c.stems].reduce((sum, s) => sum + Math.log1p(df.get(s) ?? 0), 0) / c.stems.size : 0;
  const shape = (c: Candidate) =>
    (c.words >= 12 && c.words <= 32 ? 0.5 : c.words > 45 || c.words < 8 ? -2 : 0) +
    (/^([a-z]|(he|she|his|her|they|their|it|this|these|that|but|and)\b)/i.test(c.sentence) ? -2.5 : 0);
  const considered = candidates
    .map((c) => ({ c, centrality: central(c) }))
    .sort((a, b) => b.centrality + shape(b.c) - (a.centrality + shape(a.c)))
    .slice(0, PRESELECTED)
    .map(({ c, centrality }) => ({ ...c, ...findingScore(c.sentence, c.sectionKind, c.themes), centrality }))
    .sort((a, b) => b.score + b.centrality * 0.5 - (a.score + a.centrality * 0.5))
    .slice(0, CONSIDERED)
    .map((c) => {
      const others = new Map<string, Candidate & { reviewId: string }>();
      for (const i of similar.neighbours(c.stems, SAME)) {
        const o = candidates[i]!;
        if (o.reviewId !== c.reviewId && !others.has(o.reviewId)) others.set(o.reviewId, o);
      }
      return { ...c, score: c.score + Math.log1p(others.size), others: [...others.values()] };
    });
  const chosen = diverse(
    considered.sort((a, b) => b.score - a.score),
    10,
  ) as typeof considered;
  chosen.forEach((c, i) => {
    const s = extracted(
      'findings',
      c,
      chosen.length - i,
      c.others.length
        ? `${c.reason}; much the same in ${c.others.length} other ${c.others.length === 1 ? 'review' : 'reviews'}`
        : c.reason,
    );
    s.alsoIn = c.others.slice(0, 5).map((o) => ({
      reviewId: o.reviewId,
      reviewTitle: o.source.reviewTitle,
      passageId: null,
      paragraph: o.source.paragraph,
    }));
    statements.push(s);
  });

  // What to do: the reviews' recommendations about the theme, the most repeated first.
  const recs = input.recommendations.map((r) => ({
    r,
    stems: contentStems(r.text),
  }));
  // Support is counted for the most recent recommendations (the reviews come newest first) against all of them.
  const recIndex = new SimilarityIndex(recs.map((x) => x.stems));
  const ranked = recs
    .slice(0, CONSIDERED_RECOMMENDATIONS)
    .map((x) => ({
      ...x,
      support: recIndex.neighbours(x.stems, SAME).filter((i) => recs[i]!.r.reviewId !== x.r.reviewId).length,
    }))
    .sort((a, b) => b.support - a.support || wordCount(a.r.text) - wordCount(b.r.text));
  const picked: typeof ranked = [];
  for (const x of ranked) {
    if (picked.length >= 12) break;
    if (picked.some((p) => overlap(p.stems, x.stems) > 0.35)) continue;
    picked.push(x);
  }
  picked.forEach((x, i) => {
    const source: Source = {
      reviewId: x.r.reviewId,
      reviewTitle: x.r.reviewTitle,
      passageId: null,
      section: x.r.section,
      paragraph: x.r.number,
      page: x.r.page,
      quote: x.r.text,
    };
    statements.push(
      extracted(
        'actions',
        { sentence: x.r.text, source, themes: [theme.slug] },
        100 - i,
        x.support
          ? `a recommendation much like those of ${x.support} other ${x.support === 1 ? 'review' : 'reviews'}`
          : 'a recommendation about this theme',
      ),
    );
  });

  addPracticePoints(statements, new Map([[theme.slug, theme.label]]));
  const findings = statements.filter((s) => s.part === 'findings');
  const first = findings[0];
  if (first)
    for (const tier of ['universal', 'leadership'] as Tier[])
      statements.push(
        question(
          themeQuestion(theme.slug, theme.label, tier),
          first,
          tier === 'universal' ? ['universal', 'targeted'] : ['leadership'],
          `asked of the theme ${theme.label}`,
          [theme.slug],
        ),
      );
  for (const d of DISCIPLINES) {
    const f = findings.find((s) => s.disciplines.includes(d));
    if (f)
      statements.push({
        ...question(disciplineQuestion(d), f, ['targeted'], `a finding that names ${d.replace(/-/g, ' ')}`, [
          theme.slug,
        ]),
        disciplines: [d],
      });
  }
  const rec = statements.find((s) => s.part === 'actions');
  if (rec)
    statements.push(
      question(RECOMMENDATION_QUESTION, rec, ['leadership'], 'asked of a recommendation', [theme.slug]),
    );

  return {
    kind: 'theme',
    title: `7-minute briefing: ${theme.label}`,
    scopeLine: `${n} ${n === 1 ? 'review' : 'reviews'}${input.scopeLine ? `, ${input.scopeLine}` : ''}`,
    scope: input.scope,
    statements: numberStatements(statements),
    more: [
      themeLink,
      ...input.reviews.slice(0, 5).map((r) => ({ label: r.title, href: `/reviews/${r.id}` })),
    ],
    abbreviations,
    reviewIds: [
      ...new Set(
        statements
          .flatMap((s) => [s.source?.reviewId, ...s.alsoIn.map((a) => a.reviewId)])
          .filter((x): x is string => !!x),
      ),
    ],
    generatedAt: now.toISOString(),
    generator: GENERATOR_VERSION,
  };
}

function lowerFirst(text: string): string {
  return text && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
