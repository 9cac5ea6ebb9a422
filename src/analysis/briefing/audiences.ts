import type { Audience, Discipline } from './types.js';

/**
 * Who a statement speaks to, from the words in it. Each list is what reports call the people in
 * that discipline or role; a statement can concern several disciplines.
 */
const DISCIPLINE_WORDS: Record<Discipline, RegExp> = {
  'childrens-social-care':
    /\b(social workers?|children'?s (social care|services)|social care|child protection (plan|conference|procedures)|children in need|family support workers?|early help|MASH|multi-agency safeguarding hub|front door|strategy (meeting|discussion)s?|section 47|s\.?\s?47)\b/i,
  health:
    /\b(health visit(or|ors|ing)|GPs?|general practi(ce|tioners?)|midwi(fe|ves|fery)|school nurses?|paediatrici?ans?|pediatrici?ans?|hospitals?|emergency department|A&E|nurses?|nursing|CAMHS|mental health (services|team|trust)|health (services|professionals|practitioners)|ambulance|maternity|primary care)\b/i,
  police: /\b(police|officers?|constables?|PCSOs?|custody|domestic abuse (unit|officer)|MARAC|999 call)\b/i,
  education:
    /\b(schools?|teachers?|headteachers?|head teachers?|designated safeguarding leads?|DSLs?|nurser(y|ies)|colleges?|education|attendance|exclusions?|SENCOs?|early years)\b/i,
  'adult-social-care':
    /\b(adult social care|adult safeguarding|care act|section 42|s\.?\s?42|care homes?|care providers?|domiciliary|home care|carers? assessments?|care and support|mental capacity)\b/i,
  housing:
    /\b(housing|landlords?|tenanc(y|ies)|homeless(ness)?|accommodation|evictions?|rent arrears|housing officers?|social housing|hostels?)\b/i,
  probation:
    /\b(probation|offender managers?|MAPPA|prisons?|licence conditions|release from (prison|custody)|community sentences?)\b/i,
};

export function disciplinesOf(text: string): Discipline[] {
  return (Object.keys(DISCIPLINE_WORDS) as Discipline[]).filter((d) => DISCIPLINE_WORDS[d].test(text));
}

const STRATEGIC =
  /\b(partnership|safeguarding (children |adults )?board|LSCB|LSCP|SAB|safeguarding partners|commission(ers?|ing|ed)|assurance|chief (officers?|executives?)|executive|the board|policy|policies|protocols?|strategic|pathways?|national|government|department for|multi-agency (training|audit|procedures))\b/i;
const MANAGER =
  /\b(managers?|management oversight|supervis(ion|ors?|ing)|team leaders?|team managers?|caseloads?|workloads?|named (nurse|doctor|professional)|designated (nurse|doctor|professional)|line manage)/i;
/** A subject at the start naming who is to act: "Health visitors should …", "The Partnership must …" */
const SUBJECT =
  /^(?:the |all |each |every |that )?(.{2,80}?)\s+(?:should|must|will|need to|needs to|are to|is to|ought to)\b/i;

const ROLE =
  /\b(practitioners?|professionals?|staff|workers?|visitors?|nurses?|GPs?|midwi(fe|ves)|teachers?|officers?|clinicians?|doctors?|paediatricians?|call handlers?|everyone|all who|those who)\b/i;

/**
 * The audience of an action: whoever the sentence says is to act (people in a role: practitioners;
 * managers and supervisors: managers; a partnership, board or organisation: strategic leads), else
 * what it is about.
 */
export function audienceOf(text: string): Audience {
  const subject = SUBJECT.exec(text.trim())?.[1] ?? '';
  if (subject) {
    if (MANAGER.test(subject)) return 'manager';
    if (ROLE.test(subject) && !STRATEGIC.test(subject)) return 'practitioner';
    return 'strategic';
  }
  if (STRATEGIC.test(text)) return 'strategic';
  if (MANAGER.test(text)) return 'manager';
  return 'practitioner';
}

/** A forward-looking instruction or lesson ("should", "must", "need to"), not a judgement after the event. */
export function isPrescriptive(text: string): boolean {
  if (
    /\b(should|must|ought to|could|would)\b[^.;]{0,25}?\bhave (been|had|[a-z]+ed|known|seen|done|taken|made|given)\b/i.test(
      text,
    )
  )
    return false;
  return /\b(should|must|needs? to|it is (important|essential|vital|crucial) (that|to)|ought to|are (reminded|encouraged) to|be alert to|always)\b/i.test(
    text,
  );
}
