import { isNegated } from './text.js';
import type { Indicator, Theme } from './types.js';

export interface RuleHit {
  slug: string;
  strength: 'strong' | 'weak';
  /** the words that matched */
  matched: string;
  indicator: string;
}

const ENDING = "(?:s|es|ed|d|ing|'s|’s)?";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An indicator as a regular expression (case-insensitive, whole words). */
export function indicatorPattern(indicator: Indicator): RegExp {
  switch (indicator.match) {
    case 'regex':
      return new RegExp(indicator.text, 'gi');
    case 'exact':
      return new RegExp(
        `\\b${indicator.text.trim().split(/\s+/).map(escape).join('\\s+')}${ENDING}\\b`,
        'gi',
      );
    case 'any':
      return new RegExp(`\\b(${indicator.text.trim().split(/\s+/).map(escape).join('|')})${ENDING}\\b`, 'gi');
    case 'all':
      // every word somewhere in the sentence: lookaheads, then the first word as the match
      return new RegExp(
        `^${indicator.text
          .trim()
          .split(/\s+/)
          .map((w) => `(?=.*\\b${escape(w)}${ENDING}\\b)`)
          .join('')}.*?\\b${escape(indicator.text.trim().split(/\s+/)[0] ?? '')}`,
        'gi',
      );
  }
}

export interface CompiledTheme {
  theme: Theme;
  patterns: Array<{ indicator: Indicator; re: RegExp }>;
  /** all the theme's indicators in one expression: most sentences match none, and one test says so */
  any: RegExp;
}

export function compileThemes(themes: Theme[]): CompiledTheme[] {
  return themes.map((theme) => {
    const patterns = theme.indicators.map((indicator) => ({ indicator, re: indicatorPattern(indicator) }));
    return {
      theme,
      patterns,
      any: new RegExp(patterns.map(({ re }) => `(?:${re.source})`).join('|') || '(?!)', 'i'),
    };
  });
}

/**
 * The indicators that match a sentence and are not negated there, at most one per theme (the
 * strongest). A theme whose every match is negated gets no hit.
 */
export function ruleHits(sentence: string, themes: CompiledTheme[]): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const { theme, patterns, any } of themes) {
    if (!any.test(sentence)) continue;
    let best: RuleHit | null = null;
    for (const { indicator, re } of patterns) {
      if (best?.strength === 'strong') break;
      if (best && indicator.strength === 'weak') continue;
      re.lastIndex = 0;
      for (const m of sentence.matchAll(re)) {
        if (m[0].length === 0) continue;
        const start =
          indicator.match === 'all'
            ? m.index + m[0].length - (indicator.text.split(/\s+/)[0]?.length ?? 0)
            : m.index;
        if (isNegated(sentence, start, m.index + m[0].length)) continue;
        best = {
          slug: theme.slug,
          strength: indicator.strength,
          matched: m[0].slice(0, 80),
          indicator: indicator.text,
        };
        break;
      }
    }
    if (best) hits.push(best);
  }
  return hits;
}
