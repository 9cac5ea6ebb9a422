/**
 * What a review tells us is not a real name: the pseudonyms it declares ("referred to in this report
 * as Frank", "Ruby chose her pseudonym", "Safeguarding Adults Review – 'Joan'") and the author credit
 * ("Independent reviewer: …"), which is published on purpose.
 */

const NAME = String.raw`\p{Lu}[\p{Ll}'’-]+`;
const LIST = String.raw`${NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)${NAME})*`;
const Q = String.raw`['"‘“’]?`;
const DOC = String.raw`(?:report|review|document|overview report)`;
const REVIEW_TITLE = String.raw`(?:Review|REVIEW|SAR|DHR|CSPR|LCSPR|SCR|CMR|SUSR|Report|REPORT)`;
const CAPS_NAME = String.raw`\p{Lu}{2,}`;

const TITLED = String.raw`(?:(?:Baby|Child|Adult|Mr|Mrs|Ms|Miss)\s+)?`;
const FULL = String.raw`${NAME}(?:\s+${NAME})?`;

/** Whitespace in a pattern may be any run of whitespace: declarations wrap across lines. */
const re = (source: string, flags = 'gu') => new RegExp(source.replace(/ /g, String.raw`\s+`), flags);

const DECLARATIONS: RegExp[] = [
  re(
    String.raw`\breferred to (?:in this ${DOC} |throughout (?:this|the) ${DOC} |here |hereafter |below )?as ${Q}(${LIST})`,
  ),
  re(String.raw`\b(?:known|called|named) (?:in|throughout) (?:this|the) ${DOC} as ${Q}(${LIST})`),
  re(String.raw`\b(?:known|called|named) (?:here|hereafter|below) as ${Q}(${LIST})`),
  re(
    String.raw`\b(?:known|called|named|referred to) (?:as )?${Q}(${LIST})['"’”]? (?:in|throughout|for the purposes? of) (?:this|the) ${DOC}`,
  ),
  re(String.raw`\bwill be (?:known|called|referred to) as ${Q}(${LIST})`),
  re(String.raw`\bwe (?:have called|call|will call|refer to (?:him|her|them) as|have named) ${Q}(${LIST})`),
  re(
    String.raw`\b(?:chose|chosen|choose|picked|gave|agreed|selected|suggested)(?: the| a| his| her| their)?(?: own)? (?:pseudonyms?|names?) ${Q}(${LIST})`,
  ),
  re(
    String.raw`\b(${NAME}) (?:chose|picked|selected|has chosen) (?:his|her|their|the) (?:own )?(?:pseudonym|name)`,
  ),
  re(
    String.raw`\b(${NAME}),? (?:a|the) (?:name|pseudonym)(?: that)? (?:chosen|picked|selected|agreed|(?:she|he|they|his \w+|her \w+|their \w+|the family) (?:chose|picked|selected))`,
  ),
  re(String.raw`\b(${NAME}) is (?:a|the|not (?:his|her|their) real) (?:pseudonym|name)`),
  re(
    String.raw`\b(?:pseudonyms?|names?) ${Q}(${LIST}|${FULL})['"’”]? (?:was|were|is|are|has been|have been) (?:chosen|agreed|selected|used|given)`,
  ),
  re(String.raw`\b(${NAME}) \((?:a pseudonym|pseudonym|not (?:his|her|their) real name)\)`),
  // The review's title names its subject by pseudonym: "Safeguarding Adults Review – 'Joan'".
  re(
    String.raw`^[#*\s]*[^\n]*\b${REVIEW_TITLE}\b(?: into the death of| concerning| of| for| in respect of| about)?\s*[:–—-]?\s*${Q}${TITLED}(${LIST}|${FULL}|${CAPS_NAME})['"’”]?[*\s]*(?:[|–—,-][^\n]*)?$`,
    'gmu',
  ),
];

/** The first names a review declares as pseudonyms, in lower case. */
export function declaredPseudonyms(text: string): Set<string> {
  const out = new Set<string>();
  for (const re of DECLARATIONS) {
    for (const m of text.matchAll(re)) {
      for (const name of (m[1] ?? '').split(/\s*,\s*|\s+and\s+|\s*&\s*|\s+/)) {
        const bare = name.replace(/^['"‘“’]+|['"’”]+$/g, '');
        if (bare) out.add(bare.toLowerCase());
      }
    }
  }
  return out;
}

const CREDIT_LINE =
  /^\W*(?:(?:independent|lead|overview|report|review|co-)\s*)*(?:reviewer|author|chair(?:person)?|writer)s?\b[^:–—\n]{0,50}[:–—]/i;
const CREDIT_BEFORE =
  /\b(?:reviewer|author|chair(?:person)?|writer|written by|prepared by|authored by|compiled by|chaired by)s?\s*[:–—-]?\s*$/i;

/** Whether a name at this position credits the review's author or chair ("Independent reviewer: …"). */
export function isCredit(line: string, before: string): boolean {
  return (line.length <= 160 && CREDIT_LINE.test(line)) || CREDIT_BEFORE.test(before);
}
