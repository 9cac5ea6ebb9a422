import { capitalFirst, segments } from '../../analysis/briefing/abbreviations.js';
import type { Segment } from '../../analysis/briefing/abbreviations.js';
import type { BriefingView } from '../../analysis/briefing/view.js';
import {
  AUDIENCE_LABELS,
  DISCIPLINE_LABELS,
  PART_LABELS,
  TIER_LABELS,
} from '../../analysis/briefing/types.js';
import type { Briefing, Statement } from '../../analysis/briefing/types.js';

export interface Citation {
  label: string;
  href: string;
}

export interface DocumentItem {
  id: string;
  segments: Segment[];
  /** the words with each acronym written out at its first use (PDF, DOCX, plain text) */
  plain: string;
  cite: Citation | null;
  origin: Statement['origin'];
  reason: string;
  rewrites: string[];
  alsoIn: Citation[];
}

export interface BriefingDocument {
  title: string;
  scopeLine: string;
  tierLabel: string;
  parts: Array<{ heading: string; groups: Array<{ heading: string | null; items: DocumentItem[] }> }>;
  more: Citation[];
  readability: { ease: number; grade: number; words: number; minutes: number };
  generatedAt: string;
}

function passageHref(base: string, reviewId: string, passageId: number | null): string {
  return `${base}/reviews/${encodeURIComponent(reviewId)}${passageId !== null ? `#passage-${passageId}` : ''}`;
}

export function citationOf(s: Statement, base: string): Citation | null {
  if (s.source) {
    const where = [
      s.source.paragraph ? `paragraph ${s.source.paragraph}` : null,
      s.source.page ? `page ${s.source.page}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    return {
      label: `${s.source.reviewTitle}${where ? `, ${where}` : ''}`,
      // A recommendation the report gave only in its list of recommendations links to that list.
      href:
        s.source.passageId === null && s.part === 'actions'
          ? `${passageHref(base, s.source.reviewId, null)}#recommendations`
          : passageHref(base, s.source.reviewId, s.source.passageId),
    };
  }
  if (s.basis)
    return {
      label: s.basis.label,
      href: s.basis.href.startsWith('/') ? `${base}${s.basis.href}` : s.basis.href,
    };
  return null;
}

/**
 * A briefing at one tier, laid out for reading: parts, groups (the audiences of "What to do"),
 * and each statement with its words, acronyms marked, and its citation. The web page, the print
 * page, the PDF and the DOCX are all drawn from this, so they say the same.
 */
export function briefingDocument(briefing: Briefing, view: BriefingView, base = ''): BriefingDocument {
  const seen = new Set<string>();
  const item = (s: Statement): DocumentItem => {
    const segs = segments(s.text, briefing.abbreviations, seen);
    return {
      id: s.id,
      segments: segs,
      plain: segs
        .map((g) =>
          'text' in g
            ? g.text
            : g.first
              ? `${capitalFirst(g.expansion, g.sentenceStart)} (${g.acronym}${g.plural ? 's' : ''})`
              : `${g.acronym}${g.plural ? 's' : ''}`,
        )
        .join(''),
      cite: citationOf(s, base),
      origin: s.origin,
      reason: s.reason,
      rewrites: s.rewrites,
      alsoIn: s.alsoIn.map((a) => ({
        label: a.reviewTitle,
        href: passageHref(base, a.reviewId, a.passageId),
      })),
    };
  };
  const parts: BriefingDocument['parts'] = [
    { heading: PART_LABELS.background, groups: [{ heading: null, items: view.background.map(item) }] },
    { heading: PART_LABELS.why, groups: [{ heading: null, items: view.why.map(item) }] },
    { heading: `${PART_LABELS.findings}`, groups: [{ heading: null, items: view.findings.map(item) }] },
    {
      heading: PART_LABELS.actions,
      groups: view.actions.map((g) => ({
        heading: AUDIENCE_LABELS[g.audience],
        items: g.statements.map(item),
      })),
    },
    { heading: PART_LABELS.questions, groups: [{ heading: null, items: view.questions.map(item) }] },
  ];
  return {
    title: briefing.title,
    scopeLine: briefing.scopeLine,
    tierLabel:
      view.tier === 'targeted' && view.discipline
        ? `Targeted: ${DISCIPLINE_LABELS[view.discipline]}`
        : TIER_LABELS[view.tier],
    parts: parts.map((p) => ({ ...p, groups: p.groups.filter((g) => g.items.length) })),
    more: briefing.more.map((m) => ({
      label: m.label,
      href: m.href.startsWith('/') ? `${base}${m.href}` : m.href,
    })),
    readability: {
      ease: Math.round(view.readability.fleschReadingEase),
      grade: Math.round(view.readability.fleschKincaidGrade * 10) / 10,
      words: view.readability.words,
      minutes: Math.max(1, Math.round(view.readability.readingMinutes)),
    },
    generatedAt: briefing.generatedAt,
  };
}
