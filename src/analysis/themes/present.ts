import type { ThemeCode } from './types.js';

/**
 * The coder's answer as the API and `slh themes classify --json` give it: each theme's slug, label,
 * confidence and evidence (sentence, section, paragraph, page). `heading: true` marks evidence that
 * is the heading of a finding, which has no paragraph; it is left out otherwise. The API also gives
 * each sentence's reason (the indicator that matched, or the model's words).
 */
export function presentCodes(codes: ThemeCode[], options: { reasons: boolean }) {
  return codes.map((c) => ({
    slug: c.slug,
    label: c.label,
    confidence: c.confidence,
    evidence: c.evidence.map((e) => ({
      text: e.text,
      section: e.section,
      paragraph: e.paragraph,
      page: e.page,
      ...(options.reasons ? { reason: e.reason } : {}),
      ...(e.heading ? { heading: true as const } : {}),
    })),
  }));
}
