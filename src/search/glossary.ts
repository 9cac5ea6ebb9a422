/**
 * Search vocabulary: acronyms with their expansions (CSE ↔ child sexual exploitation) and British and
 * American spellings (behavior → behaviour). The glossary is seed data for the `glossary` table, which
 * analysts may change; the spellings are fixed, because passage text is indexed with them applied.
 */

export interface GlossaryEntry {
  /** As practitioners write it: "CSE", "DoLS", "s42", "A&E" */
  acronym: string;
  /** Lower-case, in British spelling, as people write them in full */
  expansions: string[];
  /** Why the acronym is only read as one in capitals (present exactly for CASE_SENSITIVE_ACRONYMS) */
  note?: string;
  /** Only read as the acronym when typed in capitals (an analyst's entry, or a seeded one with a note) */
  capitalsOnly?: boolean;
}

// The service seeds `glossary.case_sensitive` from the presence of `note`, so an entry has a note exactly
// when it is case-sensitive; other remarks stay in comments here.
export const SEED_GLOSSARY: readonly GlossaryEntry[] = [
  // Reviews and the bodies that commission them
  // The acronym is shared with Scotland's significant case reviews.
  { acronym: 'SCR', expansions: ['serious case review', 'significant case review'] },
  { acronym: 'CSPR', expansions: ['child safeguarding practice review'] },
  { acronym: 'LCSPR', expansions: ['local child safeguarding practice review'] },
  { acronym: 'SAR', expansions: ['safeguarding adults review', 'safeguarding adult review'] },
  { acronym: 'DHR', expansions: ['domestic homicide review'] },
  { acronym: 'DARDR', expansions: ['domestic abuse related death review'] },
  // In child death reviews CPR usually means resuscitation, so both readings are searched.
  { acronym: 'CPR', expansions: ['child practice review', 'cardiopulmonary resuscitation'] },
  { acronym: 'SUSR', expansions: ['single unified safeguarding review'] },
  { acronym: 'CMR', expansions: ['case management review'] },
  { acronym: 'IMR', expansions: ['individual management review'] },
  { acronym: 'LSCB', expansions: ['local safeguarding children board'] },
  { acronym: 'LSCP', expansions: ['local safeguarding children partnership'] },
  { acronym: 'SAB', expansions: ['safeguarding adults board', 'safeguarding adult board'] },
  { acronym: 'CSP', expansions: ['community safety partnership'] },
  { acronym: 'CDOP', expansions: ['child death overview panel'] },
  { acronym: 'SCIE', expansions: ['social care institute for excellence'] },
  { acronym: '7MB', expansions: ['7-minute briefing', 'seven-minute briefing'] },

  // Inspectorates and commissioners
  {
    acronym: 'Ofsted',
    expansions: [
      "office for standards in education, children's services and skills",
      'office for standards in education',
    ],
  },
  { acronym: 'CQC', expansions: ['care quality commission'] },
  {
    acronym: 'HMICFRS',
    expansions: [
      "his majesty's inspectorate of constabulary and fire and rescue services",
      "her majesty's inspectorate of constabulary and fire and rescue services",
    ],
  },
  { acronym: 'JTAI', expansions: ['joint targeted area inspection'] },
  { acronym: 'ICB', expansions: ['integrated care board'] },
  { acronym: 'CCG', expansions: ['clinical commissioning group'] },
  { acronym: 'NSPCC', expansions: ['national society for the prevention of cruelty to children'] },

  // Multi-agency arrangements and risk
  { acronym: 'MASH', expansions: ['multi-agency safeguarding hub'] },
  { acronym: 'MARAC', expansions: ['multi-agency risk assessment conference'] },
  { acronym: 'MAPPA', expansions: ['multi-agency public protection arrangements'] },
  {
    acronym: 'MACE',
    expansions: ['multi-agency child exploitation'],
    note: '"mace" is an ordinary word (a weapon, a spice), so only MACE in capitals is the meeting.',
  },
  {
    acronym: 'DASH',
    expansions: [
      'domestic abuse, stalking and harassment',
      'domestic abuse, stalking, harassment and honour-based violence',
    ],
    note: '"dash" is an ordinary word (and a punctuation mark), so only DASH in capitals is the risk checklist.',
  },
  {
    acronym: 'IDVA',
    expansions: [
      'independent domestic violence adviser',
      'independent domestic violence advisor',
      'independent domestic violence advocate',
    ],
  },
  { acronym: 'LADO', expansions: ['local authority designated officer'] },
  { acronym: 'NRM', expansions: ['national referral mechanism'] },
  { acronym: 'CAWN', expansions: ['child abduction warning notice'] },
  { acronym: 'DBS', expansions: ['disclosure and barring service'] },
  { acronym: 'NFA', expansions: ['no further action'] },
  { acronym: 'EDT', expansions: ['emergency duty team'] },
  {
    acronym: 'LA',
    expansions: ['local authority'],
    note: '"la" occurs in names (La, de la) and other languages, so only LA in capitals is the local authority.',
  },

  // Children's and adults' social care
  {
    acronym: 'CIN',
    expansions: ['child in need', 'children in need'],
    note: '"cin" is not a word but turns up in names and foreign text; CIN in capitals is the s17 category.',
  },
  {
    acronym: 'CP',
    expansions: ['child protection'],
    note: '"cp" also abbreviates cerebral palsy, compare, etc.; only CP in capitals is child protection (s47).',
  },
  { acronym: 'CPP', expansions: ['child protection plan'] },
  { acronym: 'ICPC', expansions: ['initial child protection conference'] },
  { acronym: 'RCPC', expansions: ['review child protection conference'] },
  { acronym: 'LAC', expansions: ['looked after child', 'looked after children'] },
  {
    acronym: 'CLA',
    expansions: [
      'children looked after',
      'child looked after',
      'looked after child',
      'looked after children',
    ],
  },
  { acronym: 'PLO', expansions: ['public law outline'] },
  { acronym: 'SGO', expansions: ['special guardianship order'] },
  { acronym: 'EPO', expansions: ['emergency protection order'] },
  { acronym: 'IRO', expansions: ['independent reviewing officer'] },
  {
    acronym: 'UASC',
    expansions: ['unaccompanied asylum-seeking child', 'unaccompanied asylum-seeking children'],
  },
  { acronym: 'CSC', expansions: ["children's social care"] },
  { acronym: 'ASC', expansions: ['adult social care'] },
  { acronym: 'CAF', expansions: ['common assessment framework'] },
  { acronym: 'EHA', expansions: ['early help assessment'] },
  { acronym: 'TAF', expansions: ['team around the family'] },
  { acronym: 'CYP', expansions: ['children and young people', 'child or young person'] },
  { acronym: 's17', expansions: ['section 17'] },
  { acronym: 's47', expansions: ['section 47 enquiry', 'section 47 enquiries', 'section 47'] },
  { acronym: 's42', expansions: ['section 42 enquiry', 'section 42 enquiries', 'section 42'] },
  { acronym: 'MCA', expansions: ['mental capacity act'] },
  { acronym: 'DoLS', expansions: ['deprivation of liberty safeguards'] },
  { acronym: 'AMHP', expansions: ['approved mental health professional'] },

  // Education
  { acronym: 'EHCP', expansions: ['education, health and care plan'] },
  {
    acronym: 'SEND',
    expansions: ['special educational needs and disabilities', 'special educational needs and disability'],
    note: '"send" is a common verb, so only SEND in capitals is special educational needs and disabilities.',
  },
  { acronym: 'SEN', expansions: ['special educational needs'] },
  {
    acronym: 'SENCO',
    expansions: ['special educational needs coordinator', 'special educational needs co-ordinator'],
  },
  { acronym: 'EHE', expansions: ['elective home education'] },
  { acronym: 'CME', expansions: ['children missing education', 'child missing education'] },
  { acronym: 'DSL', expansions: ['designated safeguarding lead'] },
  { acronym: 'PRU', expansions: ['pupil referral unit'] },
  { acronym: 'NEET', expansions: ['not in education, employment or training'] },

  // Abuse, exploitation and harm
  { acronym: 'CSE', expansions: ['child sexual exploitation'] },
  { acronym: 'CCE', expansions: ['child criminal exploitation'] },
  { acronym: 'CSA', expansions: ['child sexual abuse'] },
  { acronym: 'HSB', expansions: ['harmful sexual behaviour'] },
  { acronym: 'FGM', expansions: ['female genital mutilation'] },
  { acronym: 'FII', expansions: ['fabricated or induced illness'] },
  {
    acronym: 'DA',
    expansions: ['domestic abuse'],
    note: '"da" occurs in names (da Silva) and dialect ("da" for dad), so only DA in capitals is domestic abuse.',
  },
  { acronym: 'DV', expansions: ['domestic violence'] },
  { acronym: 'IPV', expansions: ['intimate partner violence'] },
  { acronym: 'ASB', expansions: ['anti-social behaviour', 'antisocial behaviour'] },
  {
    acronym: 'ACE',
    expansions: ['adverse childhood experience', 'adverse childhood experiences'],
    note: '"ace"/"aces" are ordinary words, so only ACE or ACEs in capitals are adverse childhood experiences.',
  },
  { acronym: 'NAI', expansions: ['non-accidental injury', 'non-accidental injuries'] },
  { acronym: 'AHT', expansions: ['abusive head trauma'] },
  {
    acronym: 'SUDI',
    expansions: ['sudden unexpected death in infancy', 'sudden unexplained death in infancy'],
  },
  { acronym: 'SIDS', expansions: ['sudden infant death syndrome'] },

  // Health
  { acronym: 'GP', expansions: ['general practitioner', 'general practice'] },
  {
    acronym: 'HV',
    expansions: ['health visitor', 'health visitors', 'health visiting'],
    note: '"hv" abbreviates high voltage and appears in codes, so only HV in capitals is the health visitor.',
  },
  {
    acronym: 'ED',
    expansions: ['emergency department'],
    note: '"Ed" is a first name and "ed" a suffix and short for education or editor; ED in capitals is the emergency department (it can also mean eating disorder).',
  },
  { acronym: 'A&E', expansions: ['accident and emergency'] },
  {
    acronym: 'CAMHS',
    expansions: ['child and adolescent mental health services', 'child and adolescent mental health service'],
  },
  { acronym: 'CMHT', expansions: ['community mental health team'] },
  { acronym: 'CPN', expansions: ['community psychiatric nurse'] },
  { acronym: 'IAPT', expansions: ['improving access to psychological therapies'] },
  { acronym: 'PND', expansions: ['postnatal depression', 'post-natal depression'] },
  { acronym: 'ASD', expansions: ['autism spectrum disorder', 'autistic spectrum disorder'] },
  { acronym: 'ADHD', expansions: ['attention deficit hyperactivity disorder'] },

  // Police, probation and youth justice
  { acronym: 'PCSO', expansions: ['police community support officer'] },
  { acronym: 'YOT', expansions: ['youth offending team'] },
  { acronym: 'YOS', expansions: ['youth offending service'] },
  { acronym: 'YJS', expansions: ['youth justice service'] },
];

/**
 * Acronyms that are only acronyms in capitals ("CP", not "cp"). Matched whatever case the stored acronym
 * has, so an analyst's copy of the glossary keeps the rule.
 */
export const CASE_SENSITIVE_ACRONYMS: ReadonlySet<string> = new Set([
  'CIN',
  'CP',
  'DA',
  'ED',
  'HV',
  'LA',
  'SEND',
  'DASH',
  'MACE',
  'ACE',
]);

const CASE_SENSITIVE_KEYS: ReadonlySet<string> = new Set([...CASE_SENSITIVE_ACRONYMS].map(acronymKey));

// Same word rule as the query parser: letters and digits; apostrophes split words (children's → children s).
const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;

interface GlossaryIndex {
  byAcronym: Map<string, { acronym: string; expansions: string[][]; capitalsOnly: boolean }>;
  byPhrase: Map<string, string[]>;
}

const indexes = new WeakMap<readonly GlossaryEntry[], GlossaryIndex>();

/**
 * The expansions of a query token, as lower-case word arrays: "CSE" → [["child", "sexual", "exploitation"]].
 * The token is as typed: a case-sensitive acronym counts only in capitals ("CP", not "cp"). A plural or
 * possessive ("LSCBs", "IMR's") and dotted section numbers ("s.47") are understood.
 */
export function acronymExpansions(
  token: string,
  entries: readonly GlossaryEntry[] = SEED_GLOSSARY,
): string[][] {
  const { byAcronym } = indexFor(entries);
  const typed = token.trim();
  const candidates = [typed];
  const singular = typed.replace(/(?:['\u2019]s|(?<=..)s)$/, '');
  if (singular !== typed) candidates.push(singular);
  for (const candidate of candidates) {
    const key = acronymKey(candidate);
    const entry = byAcronym.get(key);
    if (!entry) continue;
    if ((CASE_SENSITIVE_KEYS.has(key) || entry.capitalsOnly) && candidate !== candidate.toUpperCase())
      continue;
    return entry.expansions.map((words) => [...words]);
  }
  return [];
}

/** The reverse: the acronyms (lower-case) whose expansion is this phrase: ["looked", "after", "children"] → ["lac", "cla"]. */
export function acronymsFor(
  phraseWords: string[],
  entries: readonly GlossaryEntry[] = SEED_GLOSSARY,
): string[] {
  const key = phraseKey(phraseWords.map((w) => w.toLowerCase()));
  return [...(indexFor(entries).byPhrase.get(key) ?? [])];
}

function indexFor(entries: readonly GlossaryEntry[]): GlossaryIndex {
  const cached = indexes.get(entries);
  if (cached) return cached;
  const index: GlossaryIndex = { byAcronym: new Map(), byPhrase: new Map() };
  for (const entry of entries) {
    const acronym = entry.acronym.toLowerCase();
    const expansions = unique(entry.expansions.map(expansionWords).filter((words) => words.length > 0));
    index.byAcronym.set(acronymKey(entry.acronym), {
      acronym,
      expansions,
      capitalsOnly: entry.capitalsOnly === true,
    });
    for (const words of expansions) {
      const key = phraseKey(words);
      const acronyms = index.byPhrase.get(key) ?? [];
      if (!acronyms.includes(acronym)) acronyms.push(acronym);
      index.byPhrase.set(key, acronyms);
    }
  }
  indexes.set(entries, index);
  return index;
}

/** "S.47" and "s47" are one acronym; so are "DoLS" and "DOLS". */
function acronymKey(acronym: string): string {
  return acronym.trim().toLowerCase().replaceAll('.', '');
}

function expansionWords(expansion: string): string[] {
  return [...expansion.toLowerCase().matchAll(WORD)]
    .flatMap((m) => m[0].split(/['\u2019]/))
    .map(canonicalSpelling);
}

/** Spelling made canonical and a final plural folded, so "serious case reviews" finds SCR. */
function phraseKey(words: string[]): string {
  const canonical = words.map(canonicalSpelling);
  const last = canonical.length - 1;
  const final = canonical[last];
  if (final !== undefined) canonical[last] = final.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
  return canonical.join(' ');
}

function unique(lists: string[][]): string[][] {
  const seen = new Set<string>();
  return lists.filter((words) => {
    const key = words.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------
// Spelling

/** -ise/-ize verbs (British -ise is canonical here): recognise, recognised, recognises, recognising. */
// prettier-ignore
const ISE_STEMS = [
  'agon', 'antagon', 'apolog', 'author', 'capital', 'catastroph', 'categor', 'central', 'character',
  'compartmental', 'conceptual', 'contextual', 'critic', 'criminal', 'custom', 'decentral', 'decriminal',
  'demon', 'demoral', 'desensit', 'dramat', 'econom', 'emphas', 'empath', 'energ', 'equal', 'external',
  'familiar', 'fantas', 'fertil', 'final', 'formal', 'general', 'harmon', 'hospital', 'human', 'hypothes',
  'ideal', 'immobil', 'immun', 'incentiv', 'individual', 'institutional', 'internal', 'item', 'jeopard',
  'legal', 'legitim', 'local', 'marginal', 'material', 'maxim', 'memor', 'minim', 'mobil', 'modern', 'moral',
  'natural', 'neutral', 'normal', 'operational', 'optim', 'organ', 'ostrac', 'patron', 'penal', 'personal',
  'polar', 'popular', 'pressur', 'priorit', 'privat', 'public', 'radical', 'rational', 'real', 'recogn',
  'reorgan', 'revital', 'romantic', 'sanit', 'scandal', 'scrutin', 'sensit', 'sexual', 'social', 'special',
  'stabil', 'standard', 'steril', 'stigmat', 'subsid', 'summar', 'symbol', 'sympath', 'synchron', 'synthes',
  'terror', 'theor', 'traumat', 'trivial', 'util', 'vandal', 'verbal', 'victim', 'visual', 'vocal',
];

/** Stems whose -isation noun is in use: organisation(s), hospitalisation(s). */
// prettier-ignore
const ISATION_STEMS = [
  'author', 'categor', 'central', 'character', 'conceptual', 'contextual', 'criminal', 'decentral',
  'decriminal', 'desensit', 'general', 'hospital', 'immun', 'individual', 'institutional', 'internal',
  'marginal', 'minim', 'mobil', 'modern', 'normal', 'organ', 'personal', 'polar', 'priorit', 'privat',
  'radical', 'rational', 'real', 'reorgan', 'sensit', 'sexual', 'social', 'special', 'stabil', 'standard',
  'steril', 'stigmat', 'summar', 'traumat', 'util', 'victim', 'visual',
];

/** -yse/-yze verbs: analyse, paralyse, catalyse. */
const YSE_STEMS = ['anal', 'paral', 'catal'];

/** British -our words; the American form drops the u: behaviour/behavior, neighbourhood/neighborhood. */
// prettier-ignore
const OUR_WORDS = [
  'behaviour', 'behaviours', 'behavioural', 'behaviourally', 'behaviourist', 'behaviourism', 'misbehaviour',
  'colour', 'colours', 'coloured', 'colourful', 'colouring',
  'favour', 'favours', 'favoured', 'favouring', 'favourite', 'favourites', 'favourable', 'unfavourable', 'favouritism',
  'honour', 'honours', 'honoured', 'honourable', 'dishonour', 'dishonoured',
  'humour', 'humoured', 'rumour', 'rumours', 'rumoured',
  'neighbour', 'neighbours', 'neighbourhood', 'neighbourhoods', 'neighbouring', 'neighbourly',
  'labour', 'labours', 'laboured', 'labouring', 'labourer', 'labourers',
  'harbour', 'harbours', 'harboured', 'harbouring',
  'odour', 'odours', 'tumour', 'tumours', 'vapour', 'vapours', 'vigour',
  'endeavour', 'endeavours', 'endeavoured', 'endeavouring',
  'demeanour', 'candour', 'armour', 'flavour', 'flavours', 'saviour', 'parlour', 'clamour', 'valour', 'fervour',
];

/** Pairs that follow no rule above. Left out on purpose: practise/practice, meter/metre, tire/tyre,
 * draft/draught, story/storey, check/cheque, curb/kerb, mold/mould (Mold, Flintshire), grey/gray (the
 * surname), rigor/rigour (rigor mortis), dependent/dependant — the American form is also a British word
 * with another meaning. */
// prettier-ignore
const OTHER_PAIRS: ReadonlyArray<readonly [string, string]> = [
  // -re/-er
  ['centre', 'center'], ['centres', 'centers'], ['centred', 'centered'], ['centring', 'centering'],
  ['theatre', 'theater'], ['theatres', 'theaters'], ['fibre', 'fiber'], ['fibres', 'fibers'],
  ['litre', 'liter'], ['litres', 'liters'], ['calibre', 'caliber'], ['sombre', 'somber'], ['meagre', 'meager'],
  ['spectre', 'specter'], ['lustre', 'luster'], ['manoeuvre', 'maneuver'], ['manoeuvres', 'maneuvers'],
  // -ence/-ense
  ['defence', 'defense'], ['defences', 'defenses'], ['offence', 'offense'], ['offences', 'offenses'],
  ['licence', 'license'], ['licences', 'licenses'], ['pretence', 'pretense'],
  // ae and oe, mostly medical
  ['paediatric', 'pediatric'], ['paediatrics', 'pediatrics'], ['paediatrician', 'pediatrician'],
  ['paediatricians', 'pediatricians'], ['orthopaedic', 'orthopedic'], ['orthopaedics', 'orthopedics'],
  ['anaesthetic', 'anesthetic'], ['anaesthetics', 'anesthetics'], ['anaesthetist', 'anesthetist'],
  ['anaesthetists', 'anesthetists'], ['anaesthesia', 'anesthesia'], ['anaesthetised', 'anesthetized'],
  ['haemorrhage', 'hemorrhage'], ['haemorrhages', 'hemorrhages'], ['haemorrhaged', 'hemorrhaged'],
  ['haemorrhaging', 'hemorrhaging'], ['haemorrhagic', 'hemorrhagic'], ['haematoma', 'hematoma'],
  ['haematomas', 'hematomas'], ['haemoglobin', 'hemoglobin'], ['haematology', 'hematology'],
  ['haemophilia', 'hemophilia'], ['oesophagus', 'esophagus'], ['oesophageal', 'esophageal'],
  ['oestrogen', 'estrogen'], ['diarrhoea', 'diarrhea'], ['foetus', 'fetus'], ['foetuses', 'fetuses'],
  ['foetal', 'fetal'], ['anaemia', 'anemia'], ['anaemic', 'anemic'], ['oedema', 'edema'],
  ['gynaecology', 'gynecology'], ['gynaecological', 'gynecological'], ['gynaecologist', 'gynecologist'],
  ['leukaemia', 'leukemia'], ['septicaemia', 'septicemia'], ['hypoglycaemia', 'hypoglycemia'],
  ['hyperglycaemia', 'hyperglycemia'], ['ischaemic', 'ischemic'], ['caesarean', 'cesarean'],
  ['apnoea', 'apnea'], ['dyspnoea', 'dyspnea'], ['aetiology', 'etiology'], ['faeces', 'feces'],
  ['faecal', 'fecal'], ['paedophile', 'pedophile'], ['paedophiles', 'pedophiles'], ['paedophilia', 'pedophilia'],
  // doubled l
  ['counsellor', 'counselor'], ['counsellors', 'counselors'], ['counselling', 'counseling'],
  ['counselled', 'counseled'], ['travelling', 'traveling'], ['travelled', 'traveled'],
  ['traveller', 'traveler'], ['travellers', 'travelers'], ['labelled', 'labeled'], ['labelling', 'labeling'],
  ['cancelled', 'canceled'], ['cancelling', 'canceling'], ['modelled', 'modeled'], ['modelling', 'modeling'],
  ['signalled', 'signaled'], ['signalling', 'signaling'], ['fuelled', 'fueled'], ['channelled', 'channeled'],
  ['levelled', 'leveled'], ['dialled', 'dialed'], ['marvellous', 'marvelous'], ['woollen', 'woolen'],
  ['jewellery', 'jewelry'], ['tranquilliser', 'tranquilizer'], ['tranquillisers', 'tranquilizers'],
  // single l
  ['enrol', 'enroll'], ['enrols', 'enrolls'], ['enrolment', 'enrollment'], ['enrolments', 'enrollments'],
  ['fulfil', 'fulfill'], ['fulfils', 'fulfills'], ['fulfilment', 'fulfillment'], ['instil', 'instill'],
  ['instils', 'instills'], ['instalment', 'installment'], ['instalments', 'installments'],
  ['skilful', 'skillful'], ['skilfully', 'skillfully'], ['wilful', 'willful'], ['wilfully', 'willfully'],
  // -ogue/-og
  ['catalogue', 'catalog'], ['catalogues', 'catalogs'], ['catalogued', 'cataloged'], ['dialogue', 'dialog'],
  ['dialogues', 'dialogs'], ['analogue', 'analog'], ['monologue', 'monolog'],
  // -ement/-ment, -eing/-ing
  ['judgement', 'judgment'], ['judgements', 'judgments'], ['judgemental', 'judgmental'],
  ['acknowledgement', 'acknowledgment'], ['acknowledgements', 'acknowledgments'], ['ageing', 'aging'],
  // other
  ['programme', 'program'], ['programmes', 'programs'], ['sceptical', 'skeptical'], ['sceptic', 'skeptic'],
  ['scepticism', 'skepticism'], ['artefact', 'artifact'], ['artefacts', 'artifacts'], ['pyjamas', 'pajamas'],
  ['cosy', 'cozy'], ['mouldy', 'moldy'], ['mum', 'mom'], ['mums', 'moms'], ['mummy', 'mommy'],
  ['organiser', 'organizer'], ['organisers', 'organizers'], ['organisational', 'organizational'],
  ['analyses', 'analyzes'],
];

export const SPELLING_VARIANTS: ReadonlyArray<readonly [british: string, american: string]> = [
  ...ISE_STEMS.flatMap((s) =>
    ['e', 'ed', 'es', 'ing'].map((end): [string, string] => [`${s}is${end}`, `${s}iz${end}`]),
  ),
  ...ISATION_STEMS.flatMap((s) =>
    ['', 's'].map((end): [string, string] => [`${s}isation${end}`, `${s}ization${end}`]),
  ),
  // "analyses" is also the plural of analysis in both spellings, so its pair is listed with the others.
  ...YSE_STEMS.flatMap((s) =>
    ['e', 'ed', 'ing'].map((end): [string, string] => [`${s}ys${end}`, `${s}yz${end}`]),
  ),
  ...OUR_WORDS.map((b): [string, string] => [b, b.replace('our', 'or')]),
  ...OTHER_PAIRS,
];

const CANONICAL: ReadonlyMap<string, string> = new Map(
  SPELLING_VARIANTS.map(([british, american]) => [american, british]),
);

/** One spelling per word, the British one: "behavior" → "behaviour". Lower-case in, lower-case out. */
export function canonicalSpelling(word: string): string {
  return CANONICAL.get(word) ?? word;
}

/**
 * The American forms as one regex, shaped as a trie (behavio(?:r(?:s|al…)?)…) so the engine never tries
 * a list of alternatives at each position: about seven times faster than matching every word and looking
 * it up. Whole words only, by Unicode letters and digits.
 */
const VARIANT = new RegExp(
  `(?<![\\p{L}\\p{N}])${trieSource([...CANONICAL.keys()])}(?![\\p{L}\\p{N}])`,
  'giu',
);

function trieSource(words: string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const source = (node: Node): string => {
    const branches = [...node.next].map(
      ([ch, child]) => ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') + source(child),
    );
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return source(root);
}

/**
 * Every word in its canonical spelling, everything else byte for byte. A replaced word keeps the case
 * of its first letter ("Pediatric" → "Paediatric"), or stays in capitals if it was ("BEHAVIOR" →
 * "BEHAVIOUR"). Applied to passages before indexing and to queries, so both meet.
 */
export function normaliseSpellings(text: string): string {
  return text.replace(VARIANT, replaceWord);
}

function replaceWord(word: string): string {
  // The i flag also folds odd letters (the long s); a match the lookup does not know is left as it was.
  const british = CANONICAL.get(word.toLowerCase());
  if (british === undefined) return word;
  const first = word.charAt(0);
  if (first === first.toLowerCase()) return british;
  if (word.length > 1 && word === word.toUpperCase()) return british.toUpperCase();
  return british.charAt(0).toUpperCase() + british.slice(1);
}
