/**
 * A 7-minute briefing: the one-page learning summary partnerships circulate, built from reviews'
 * own words. Every statement keeps the passage it came from, so a reader can check it.
 */

export const TIERS = ['universal', 'targeted', 'leadership'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  universal: 'Universal: every practitioner',
  targeted: 'Targeted: one discipline',
  leadership: 'Specialist and leadership',
};

export const DISCIPLINES = [
  'childrens-social-care',
  'health',
  'police',
  'education',
  'adult-social-care',
  'housing',
  'probation',
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  'childrens-social-care': "Children's social care",
  health: 'Health',
  police: 'Police',
  education: 'Education',
  'adult-social-care': 'Adult social care',
  housing: 'Housing',
  probation: 'Probation',
};

export const AUDIENCES = ['practitioner', 'manager', 'strategic'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  practitioner: 'For practitioners',
  manager: 'For managers and supervisors',
  strategic: 'For strategic leads',
};

export const PARTS = ['background', 'why', 'findings', 'actions', 'questions'] as const;
export type Part = (typeof PARTS)[number];

export const PART_LABELS: Record<Part, string> = {
  background: 'Background',
  why: 'Why it matters',
  findings: 'What the reviews found',
  actions: 'What to do',
  questions: 'Questions for reflection',
};

/** Where a statement came from: a passage of a review (its exact words in `quote`). */
export interface Source {
  reviewId: string;
  reviewTitle: string;
  passageId: number | null;
  section: string | null;
  paragraph: string | null;
  page: number | null;
  /** the words of the passage the statement was made from, exactly as stored */
  quote: string;
}

export interface Statement {
  /** stable within a briefing, so an edit can name the statement it changes */
  id: string;
  part: Part;
  text: string;
  /**
   * how the statement was made: taken from a passage (with plain-language rewrites), filled into a
   * template from a review's record or findings, changed by an editor, or added by one
   */
  origin: 'extracted' | 'template' | 'edited' | 'added';
  /** why it was chosen, in words a reader can check */
  reason: string;
  /** the plain-language rewrites applied to the source's words ("in order to → to") */
  rewrites: string[];
  source: Source | null;
  /** for a statement made from figures or the taxonomy rather than a passage: where they are shown */
  basis: MoreLink | null;
  /** other reviews that found much the same (theme briefings) */
  alsoIn: Array<{
    reviewId: string;
    reviewTitle: string;
    passageId: number | null;
    paragraph: string | null;
  }>;
  audience: Audience | null;
  disciplines: Discipline[];
  themes: string[];
  /** the tiers that show it */
  tiers: Tier[];
  /** higher first, within its part */
  rank: number;
}

export interface MoreLink {
  label: string;
  href: string;
}

export interface Briefing {
  kind: 'review' | 'theme';
  title: string;
  /** what it covers, in a line: "Serious case review, Gateshead, 2009" or "12 reviews, 2019–2024" */
  scopeLine: string;
  scope: {
    reviewId?: string;
    theme?: string;
    region?: string;
    type?: string;
    from?: number;
    to?: number;
  };
  statements: Statement[];
  more: MoreLink[];
  /** acronyms and their expansions: the review's own definitions first, then the service's glossary */
  abbreviations: Record<string, string>;
  /** the reviews it draws on */
  reviewIds: string[];
  generatedAt: string;
  generator: string;
}

export const GENERATOR_VERSION = 'briefing-1';
