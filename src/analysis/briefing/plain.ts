/**
 * Plain-language rewrites for sentences taken from reports: wordy phrases swapped for the plain
 * words the GOV.UK style guide and the Plain English Campaign recommend, and cross-references
 * ("(see paragraph 4.3)") that mean nothing outside the report removed. Each rewrite is a fixed
 * substitution, listed on the statement, so a reader can see exactly what changed from the source.
 */

const SWAPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bit (?:should|must) be (?:noted|recognised|recognized|acknowledged) that\s+/i, ''],
  [/\bit is (?:important|worth) (?:to note|noting) that\s+/i, ''],
  [/\bin order to\b/i, 'to'],
  [/\bprior to\b/i, 'before'],
  [/\bsubsequent to\b/i, 'after'],
  [/\bsubsequently\b/i, 'later'],
  [/\bin relation to\b/i, 'about'],
  [/\bwith regard to\b/i, 'about'],
  [/\bin respect of\b/i, 'about'],
  [/\bregarding\b/i, 'about'],
  [/\bin the event that\b/i, 'if'],
  [/\bdue to the fact that\b/i, 'because'],
  [/\bdespite the fact that\b/i, 'although'],
  [/\bat this point in time\b/i, 'now'],
  [/\ba (?:significant|large) number of\b/i, 'many'],
  [/\ba number of\b/i, 'some'],
  [/\bthe majority of\b/i, 'most'],
  [/\bin excess of\b/i, 'more than'],
  [/\bnumerous\b/i, 'many'],
  [/\bapproximately\b/i, 'about'],
  [/\bcommenced\b/i, 'started'],
  [/\bcommence\b/i, 'start'],
  [/\butilised\b/i, 'used'],
  [/\butilise\b/i, 'use'],
  [/\bascertain\b/i, 'find out'],
  [/\bendeavour(?:ed)? to\b/i, 'try to'],
  [/\bfacilitate\b/i, 'help'],
  [/\bsufficient\b/i, 'enough'],
  [/\bwhilst\b/i, 'while'],
  [/\bamongst\b/i, 'among'],
  [/\bdemonstrated\b/i, 'showed'],
  [/\bdemonstrates\b/i, 'shows'],
  [/\bpractitioners? (?:were|was) cognisant of\b/i, 'practitioners knew about'],
  [/\bcognisant of\b/i, 'aware of'],
  [/\bnotwithstanding\b/i, 'despite'],
];

/** "(see paragraph 4.3)", "(para 5.2)", "(paragraphs 3.1–3.4)", "(see section 6 below)", "(Appendix 2)" */
const CROSS_REFERENCE =
  /\s*\((?:see\s+)?(?:para(?:graph)?s?\.?|sections?|appendix|appendices|annex|page|pages|p\.|pp\.)\s*[\d.–\-, and]+(?:\s*(?:above|below))?\)/gi;

export interface PlainText {
  text: string;
  rewrites: string[];
}

function keepCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  return /^[A-Z]/.test(original) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}

/** The sentence in plainer words, with the list of what was changed. */
export function plainLanguage(sentence: string): PlainText {
  const rewrites: string[] = [];
  let text = sentence.replace(/\s+/g, ' ').trim();
  const withoutRefs = text.replace(CROSS_REFERENCE, '');
  if (withoutRefs !== text) {
    rewrites.push('cross-reference to the report removed');
    text = withoutRefs;
  }
  for (const [pattern, replacement] of SWAPS) {
    const global = new RegExp(pattern.source, 'gi');
    text = text.replace(global, (match: string, offset: number) => {
      rewrites.push(
        replacement ? `${match.toLowerCase().trim()} → ${replacement}` : `"${match.trim()}" removed`,
      );
      // A sentence that began with a removed phrase begins with a capital again.
      return offset === 0 && !replacement ? '' : keepCase(match, replacement);
    });
  }
  text = text
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .trim();
  if (text && /^[a-z]/.test(text) && /^[A-Z]/.test(sentence.trim()))
    text = text[0]!.toUpperCase() + text.slice(1);
  return { text, rewrites: [...new Set(rewrites)] };
}
