/** Whom a theme applies to: child reviews, adult reviews, domestic homicide reviews. */
export type Applies = 'child' | 'adult' | 'domestic';

export interface ThemeSeed {
  slug: string;
  label: string;
  /** pathways to harm, or how the system responded */
  group: 'harm' | 'protection';
  applies: Applies[];
  definition: string;
}

/**
 * One indicator of a theme, in the spirit of a document manager's matching: `any` of the words,
 * `all` of the words in one sentence, an `exact` phrase, or a `regex`. Words and phrases match whole
 * words, case-insensitively, with an optional plural or verb ending (-s, -es, -ed, -ing).
 * A strong indicator is enough on its own; weak ones need support (another weak one or the model).
 */
export interface Indicator {
  match: 'any' | 'all' | 'exact' | 'regex';
  text: string;
  strength: 'strong' | 'weak';
}

export interface Theme extends ThemeSeed {
  indicators: Indicator[];
}

/** Where a sentence sits in a report. */
export interface Location {
  section: string | null;
  paragraph: string | null;
  page: number | null;
}

export interface Evidence extends Location {
  text: string;
  /** why this sentence counts: the indicator that matched, or the model's words */
  reason: string;
  /** the words are the heading of a finding (its section), not a sentence of a paragraph */
  heading?: true;
}

export interface ThemeCode {
  slug: string;
  label: string;
  confidence: number;
  evidence: Evidence[];
}
