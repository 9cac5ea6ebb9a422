import { sentences } from '../themes/text.js';

/**
 * Blame and hindsight language against systems and learning language: a transparent, pattern-based
 * reading of each sentence of a review. The patterns and why each is there are in
 * docs/language.md. Every flagged sentence keeps the phrase that decided it.
 */
export type Framing = 'hindsight' | 'blame' | 'systems' | 'neutral';

export interface FramedSentence {
  text: string;
  framing: Framing;
  /** the phrase that decided it (empty for neutral) */
  cue: string;
}

interface Pattern {
  framing: Exclude<Framing, 'neutral'>;
  re: RegExp;
}

const PATTERNS: Pattern[] = [
  // Blame: a person's conduct judged as a failing of character or care.
  {
    framing: 'blame',
    re: /\b(negligen\w*|careless\w*|did not bother|didn't bother|chose not to|chose to ignore|ignored (?:the|her|his|their|repeated|clear)|poor practice|unacceptabl\w*|incompeten\w*|complacen\w*|dismissive\w*|at fault|to blame|lack of care|cavalier|lazy|unprofessional|disregard(?:ed)?|made no (?:attempt|effort)|(?:lost|showed no|lack of) interest|refused to|half-hearted\w*|cursory|hostile|judgemental|judgmental|\blax\b|below the standard|(?:serious|significant) lapse|without reading|offered no explanation|despite (?:this|it) being|yet the \w+(?: \w+)? did not|basic requirement|failed in (?:their|his|her|its) duty)\b/i,
  },
  // Hindsight: past actions judged by what is known now.
  {
    framing: 'hindsight',
    re: /\b(should have|should not have|ought to have|could have been (?:prevented|avoided)|would have been (?:prevented|avoided)|failed to|missed (?:an |the |a )?opportunit\w*|missed chances?|it is (?:clear|evident|obvious|apparent) that|(?:clearly|obviously) (?:should|ought|missed|failed)|with (?:the benefit of )?hindsight|in hindsight|there for (?:anyone|all) to see|warning signs were (?:missed|ignored)|should never have|must have known|no excuse|had (?:the |a |an )?[\w' -]{2,60}?(?:been )?\w+ed\b[^.]*?would (?:have|not|still)|if (?:the |a |an )?[\w' -]{2,60}? had been [^.]*?would (?:have|not|still)|would have (?:identified|prevented|protected|saved|been diagnosed|been identified)|was wrong|preventable|let down|the (?:pattern|signs|risk) (?:was|were) (?:plain|obvious|clear|there)|there can be no doubt|(?:an )?opportunity (?:to \w+ [^.]{0,40})?was lost|nobody (?:acted|joined)|no one (?:stopped|acted|asked)|visible to (?:every|all|any)|writing was on the wall|the failure of (?:agencies|professionals|services|practitioners)|any competent|should have been obvious)\b/i,
  },
  // Systems: why it made sense at the time and what in the system shaped it.
  {
    framing: 'systems',
    re: /\b(workloads?|caseloads?|capacity|supervision|made sense at the time|understandabl[ey]|what made it (?:hard|difficult)|contributory factors?|contributed to|in the context of|competing (?:demands|priorities)|(?:IT|electronic|record(?:ing)?|computer) systems?|did not talk to each other|not linked|thresholds?|(?:policy|procedure|guidance) (?:was|were) (?:unclear|ambiguous|silent)|resourc\w+|staffing|vacanc\w+|turnover|organisational culture|pressures?|the system|systemic|design of|no (?:process|mechanism|pathway) for|were not (?:designed|set up) to|practitioners (?:told|described|explained)|at the time,|(?:was|were) not (?:routinely )?(?:told|informed|invited|part of)|had \d+ minutes|eligibility|(?:the |its |a )?(?:local )?(?:policy|protocol) (?:said|required|was|treated)|referral form|(?:the )?(?:reviewer|panel|review) asked|told the review that|different (?:case management |recording )?systems|separate (?:systems|records|risk tools)|held responsibility|made sense given|not surprising|(?:were|was) reluctant|feared|depended on|the difficulty was|waiting lists?|the wait for|one concern among many|covered [\d,]+|allocated [^.]{0,40} that morning|training)\b/i,
  },
];

/** Uses of the trigger words that are not judgements. */
const NOT_HINDSIGHT = [
  // describing the review's method
  /\b(hindsight bias|avoid(?:ing|ed)? hindsight|without (?:the benefit of )?hindsight|free from hindsight|not (?:to )?(?:apportion|attribute|allocate) blame|not to blame individuals)\b/i,
  // the family or the person, not a professional, did not do something
  /\bfailed to (?:attend|arrive|turn up|respond to (?:letters|appointments))\b/i,
];
/** "Failed" said of a process, a record or a machine is about the system. */
const SYSTEM_SUBJECT =
  /\b(referral|fax|email|e-mail|letter|message|system|record|alert|flag|notification|form|database|link|request|process|information)s? (?:was |were |had )?(?:not )?failed to\b|\b(?:referral|fax|email|letter|message|system|record|alert|flag|notification|form|request)s? failed to\b/i;
/** A judgement the author rejects is not the author's judgement. */
const NEGATED =
  /\b(does not find|do not find|did not find|no evidence that|would be wrong to|it is not (?:the case|right|fair) (?:to say )?that|cannot be said|not (?:a|an) (?:missed opportunity|failure)|was not a missed|were not missed|rather than (?:blam|judg)|is not to say)\b/i;
/** Forward-looking advice ("should ensure") is a recommendation, not hindsight; only "should have" judges the past. */

/** Quoted words are someone else's: the author's framing is what is left. */
function withoutQuotes(sentence: string): string {
  return sentence
    .replace(/“[^”]{3,}”/g, ' ')
    .replace(/"[^"]{3,}"/g, ' ')
    .replace(/(^|[\s(])‘[^’]{3,}’/g, '$1 ')
    .replace(/(^|[\s(])'[^']{3,}'(?=[\s.,;:)!?]|$)/g, '$1 ');
}

/** The framing of one sentence, and the phrase that decided it. */
export function frameSentence(sentence: string): FramedSentence {
  const own = withoutQuotes(sentence);
  if (NEGATED.test(own)) {
    const systems = PATTERNS[2]?.re.exec(own);
    return { text: sentence, framing: systems ? 'systems' : 'neutral', cue: systems?.[0] ?? '' };
  }
  const cleaned = NOT_HINDSIGHT.reduce((s, re) => s.replace(new RegExp(re.source, 'gi'), ' '), own);
  for (const pattern of PATTERNS) {
    const m = pattern.re.exec(cleaned);
    if (!m) continue;
    if (pattern.framing === 'hindsight' && /^failed to$/i.test(m[0]) && SYSTEM_SUBJECT.test(cleaned))
      return { text: sentence, framing: 'systems', cue: m[0] };
    return { text: sentence, framing: pattern.framing, cue: m[0] };
  }
  return { text: sentence, framing: 'neutral', cue: '' };
}

export interface FramingSummary {
  words: number;
  counts: Record<Framing, number>;
  /** hindsight and blame sentences per 1,000 words */
  judgingPer1000Words: number;
  /** systems and learning sentences per 1,000 words */
  systemsPer1000Words: number;
  /** judging sentences per systems sentence (null when there are no systems sentences) */
  ratio: number | null;
}

/** Frames every sentence of some passages (each knowing which passage it is in) and sums them up. */
export function frameText(passages: readonly string[]): {
  sentences: Array<FramedSentence & { passage: number }>;
  summary: FramingSummary;
} {
  const framed = passages.flatMap((p, passage) =>
    sentences(p.replace(/\s+/g, ' ').trim()).map((s) => ({ ...frameSentence(s), passage })),
  );
  const words = passages.reduce((n, p) => n + (p.match(/[\p{L}][\p{L}'’-]*/gu)?.length ?? 0), 0);
  const counts: Record<Framing, number> = { hindsight: 0, blame: 0, systems: 0, neutral: 0 };
  for (const s of framed) counts[s.framing]++;
  const per1000 = (n: number) => (words ? Math.round((n / words) * 10000) / 10 : 0);
  const judging = counts.hindsight + counts.blame;
  return {
    sentences: framed,
    summary: {
      words,
      counts,
      judgingPer1000Words: per1000(judging),
      systemsPer1000Words: per1000(counts.systems),
      ratio: counts.systems ? Math.round((judging / counts.systems) * 100) / 100 : null,
    },
  };
}
