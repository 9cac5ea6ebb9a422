import { spelledOut } from './abbreviations.js';
import { readability } from '../readability/readability.js';
import type { Readability } from '../readability/readability.js';
import { AUDIENCES } from './types.js';
import type { Audience, Briefing, Discipline, Statement, Tier } from './types.js';

export interface BriefingView {
  tier: Tier;
  discipline: Discipline | null;
  background: Statement[];
  why: Statement[];
  findings: Statement[];
  actions: Array<{ audience: Audience; statements: Statement[] }>;
  questions: Statement[];
  /** the reading ease of what this view shows, acronyms written out as a reader meets them */
  readability: Readability;
}

const LIMITS = { background: 3, why: 3, findings: 5, actions: 3, questions: 4 };

/** Statements for a discipline first (those naming it), then the rest, each group best first. */
function ordered(statements: Statement[], discipline: Discipline | null): Statement[] {
  return [...statements].sort((a, b) => {
    if (discipline) {
      const da = a.disciplines.includes(discipline) ? 1 : 0;
      const db = b.disciplines.includes(discipline) ? 1 : 0;
      if (da !== db) return db - da;
    }
    return b.rank - a.rank;
  });
}

/**
 * What one tier shows: universal (every practitioner) has the key findings, what practitioners
 * should do and questions for everyone; targeted puts a discipline's findings and actions first and
 * adds managers' actions; leadership has the strategic and managers' actions and questions.
 */
export function viewAt(briefing: Briefing, tier: Tier, discipline: Discipline | null): BriefingView {
  const shown = briefing.statements.filter((s) => s.tiers.includes(tier));
  const part = (p: Statement['part']) =>
    ordered(
      shown.filter((s) => s.part === p),
      tier === 'targeted' ? discipline : null,
    );
  const questions = part('questions').filter(
    (q) =>
      !(q.disciplines.length === 1 && q.reason.startsWith('a finding that names')) ||
      q.disciplines[0] === discipline,
  );
  const view: Omit<BriefingView, 'readability'> = {
    tier,
    discipline: tier === 'targeted' ? discipline : null,
    background: part('background').slice(0, LIMITS.background),
    why: part('why').slice(0, LIMITS.why),
    findings: part('findings').slice(0, LIMITS.findings),
    actions: AUDIENCES.map((audience) => ({
      audience,
      statements: part('actions')
        .filter((a) => a.audience === audience)
        .slice(0, LIMITS.actions),
    })).filter((g) => g.statements.length),
    questions: questions.slice(0, LIMITS.questions),
  };
  const seen = new Set<string>();
  const text = [
    ...view.background,
    ...view.why,
    ...view.findings,
    ...view.actions.flatMap((g) => g.statements),
    ...view.questions,
  ]
    .map((s) => spelledOut(s.text, briefing.abbreviations, seen))
    .join(' ');
  return { ...view, readability: readability(text) };
}
