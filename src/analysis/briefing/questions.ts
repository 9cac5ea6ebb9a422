import type { Discipline, Tier } from './types.js';

/**
 * Questions for reflection, written by us for each theme and tier. A briefing asks those of the
 * themes its key findings carry, each question linked to the finding that prompted it.
 */
const BY_THEME: Record<string, Partial<Record<Tier, string>>> = {
  neglect: {
    universal:
      'What does a day in this child’s life look like, and how would you know if it was getting worse bit by bit?',
    leadership:
      'How does your partnership help staff see neglect that builds up slowly over months and years?',
  },
  'physical-abuse': {
    universal:
      'Would you treat a bruise on a baby who cannot yet move about as a safeguarding concern, every time?',
    leadership: 'How do you know staff follow the guidance on bruising in babies who are not yet mobile?',
  },
  'domestic-abuse': {
    universal: 'When did you last ask someone, alone and safely, whether they feel afraid at home?',
    leadership: 'How do risk assessments for domestic abuse reach every agency that works with the family?',
  },
  'parental-mental-health': {
    universal: 'How do you find out what a parent’s mental ill-health means for their child day to day?',
    leadership: 'How do adult mental health services and children’s services share what they know?',
  },
  'substance-misuse': {
    universal:
      'What would you look for to understand how a carer’s drinking or drug use affects the person they care for?',
    leadership: 'Do drug and alcohol services know who the children and dependants of their clients are?',
  },
  'voice-of-child': {
    universal: 'When did you last see the child or adult on their own, and what did they tell you?',
    leadership: 'How do your audits check whether the person’s own voice shaped the plan?',
  },
  'hidden-men': {
    universal: 'Do you know who the men in the household are, and have you spoken to them?',
    leadership: 'How do your assessment forms and systems record fathers, partners and other men?',
  },
  'information-sharing': {
    universal: 'Who else might know something about this family, and have you asked them?',
    leadership:
      'Do staff know they can share information to keep someone safe, and do your systems help them?',
  },
  'multi-agency-working': {
    universal: 'If you disagreed with another agency’s decision, would you know how to escalate it?',
    leadership: 'How often is the escalation procedure used, and what happens when it is?',
  },
  'risk-assessment': {
    universal: 'What would make you look again at a risk you had already assessed?',
    leadership: 'How do you check that risk is reassessed when circumstances change?',
  },
  'professional-curiosity': {
    universal: 'What is the next question you would ask here, and what would stop you asking it?',
    leadership: 'How does supervision make room for staff to question what they are told?',
  },
  'thresholds-escalation': {
    universal: 'If a referral is turned down, what do you do next?',
    leadership: 'How do you know that cases closed without change are looked at again when concerns return?',
  },
  'supervision-workload': {
    universal: 'What do you bring to supervision when a case worries you?',
    leadership:
      'What do caseloads and staff turnover look like in your teams now, and what is the effect on families?',
  },
  'record-keeping': {
    universal: 'Would a colleague reading your records understand the risks and who is in the household?',
    leadership: 'Do your systems flag the same family across services and areas?',
  },
  'training-guidance': {
    universal: 'Which procedure applies here, and where would you find it on a busy shift?',
    leadership: 'How do you test that a change in guidance has reached front-line staff?',
  },
  sudi: {
    universal: 'How do you give safer-sleep advice so that it fits this family’s real night-time routine?',
    leadership: 'Is safer-sleep advice given and recorded at every contact point, by every agency?',
  },
  exploitation: {
    universal:
      'Would you see a young person’s missing episodes, new friends or money as signs of exploitation?',
    leadership: 'How do you map the places and people linked with exploitation across your area?',
  },
  'self-neglect': {
    universal: 'How do you keep working with someone who refuses help but whose life is at risk?',
    leadership: 'Does your self-neglect procedure give staff a route when someone declines services?',
  },
  'mental-capacity': {
    universal: 'When did you last assess, and record, someone’s capacity to make a specific decision?',
    leadership: 'How confident are your staff in using the Mental Capacity Act in practice?',
  },
  'disability-health': {
    universal: 'When a child is not brought to an appointment, what do you do?',
    leadership: 'Do your services follow up children who are not brought to health appointments?',
  },
  transitions: {
    universal: 'What do you pass on when someone moves to another service or area?',
    leadership: 'Who holds responsibility while someone moves between services?',
  },
  'culture-identity': {
    universal:
      'How do you make sure language, culture or faith do not stop you understanding someone’s situation?',
    leadership: 'Are interpreters used whenever they are needed, and how do you know?',
  },
  'housing-poverty': {
    universal: 'How do housing, debt or moving home affect the care this person gets?',
    leadership: 'How do housing services take part in safeguarding work in your area?',
  },
};

const DISCIPLINE_QUESTION: Record<Discipline, string> = {
  'childrens-social-care':
    'In your assessments, how would this finding change what you ask and whom you speak to?',
  health: 'In your health contacts, where would you have seen this, and whom would you have told?',
  police: 'At a call-out or in custody, what would tell you this was happening, and whom would you tell?',
  education: 'In school, what would you notice about this child, and how would you pass it on?',
  'adult-social-care': 'In your work with adults and carers, where would this show, and what would you do?',
  housing: 'In a housing visit or application, what would you notice, and whom would you tell?',
  probation: 'In supervising someone, how would you find out about the children and adults around them?',
};

export function themeQuestion(slug: string, label: string, tier: Tier): string {
  const own = BY_THEME[slug]?.[tier === 'targeted' ? 'universal' : tier];
  if (own) return own;
  return tier === 'leadership'
    ? `How would your partnership know whether ${label.toLowerCase()} is affecting people locally now?`
    : `Where have you seen ${label.toLowerCase()} in your own work, and what helped you to notice it?`;
}

export function disciplineQuestion(discipline: Discipline): string {
  return DISCIPLINE_QUESTION[discipline];
}

export const RECOMMENDATION_QUESTION =
  'What would show that this recommendation has changed practice in your area?';

/**
 * Practice points for each theme, written by us from the national guidance a theme draws on: what a
 * practitioner, and a manager, can do on their next shift. A briefing offers them for the themes its
 * key findings carry, each linked to the finding that prompted it, when the review's own
 * recommendations do not speak to that group.
 */
const PRACTICE: Record<string, { practitioner: string; manager: string }> = {
  neglect: {
    practitioner:
      'Look at the child’s care over weeks and months, not one visit at a time, and write down what you see each time.',
    manager: 'Use a chronology in supervision to help staff see neglect building up.',
  },
  'physical-abuse': {
    practitioner:
      'Treat any bruise on a baby who cannot move about as a safeguarding concern and follow the bruising protocol.',
    manager: 'Check that staff know the bruising protocol and that it is followed every time.',
  },
  'domestic-abuse': {
    practitioner:
      'Ask about domestic abuse when you can speak to the person alone and safely, and record what you asked.',
    manager:
      'Make sure risk assessments for domestic abuse are shared with every agency working with the family.',
  },
  'parental-mental-health': {
    practitioner:
      'Ask what a parent’s mental ill-health means for their child’s day, and talk to the adult mental health team.',
    manager: 'Check that children’s and adult services share plans when a parent is unwell.',
  },
  'substance-misuse': {
    practitioner:
      'Find out who depends on a person who misuses drugs or alcohol, and how their care is affected.',
    manager:
      'Make sure drug and alcohol services know about the children and dependants of the people they support.',
  },
  'voice-of-child': {
    practitioner: 'See the child or adult on their own, and write down what they say in their own words.',
    manager: 'In supervision, ask what the person has said and how it shaped the plan.',
  },
  'hidden-men': {
    practitioner: 'Find out who the men in the household are, and speak to them.',
    manager: 'Check that assessments name fathers, partners and other men, and say what is known about them.',
  },
  'information-sharing': {
    practitioner:
      'Share what you know when someone may be at risk: you do not need consent to keep someone safe.',
    manager: 'Make sure staff know how and when to share information, and who to ask when unsure.',
  },
  'multi-agency-working': {
    practitioner: 'If you disagree with another agency’s decision, say so and use the escalation procedure.',
    manager: 'Support staff who escalate a disagreement, and check what came of it.',
  },
  'risk-assessment': {
    practitioner:
      'Look again at risk whenever something changes: a new partner, a move, a missed appointment.',
    manager: 'Ask in supervision what has changed since the last assessment.',
  },
  'professional-curiosity': {
    practitioner:
      'Check what you are told: ask the next question, and look for evidence that things have changed.',
    manager: 'Make time in supervision to question what staff have been told.',
  },
  'thresholds-escalation': {
    practitioner: 'If a referral is turned down and you are still worried, ask why and escalate.',
    manager: 'Review cases that are closed and then referred again.',
  },
  'supervision-workload': {
    practitioner: 'Bring the cases that worry you to supervision, even when you are busy.',
    manager: 'Keep caseloads manageable and make sure supervision happens and is reflective.',
  },
  'record-keeping': {
    practitioner: 'Record who lives in the household, what you saw and what you did, on the day.',
    manager: 'Audit records for the whole household, not just the person you work with.',
  },
  'training-guidance': {
    practitioner: 'Know where to find the procedure that applies, and ask when it is not clear.',
    manager: 'Tell staff when guidance changes, and check that they understand it.',
  },
  sudi: {
    practitioner:
      'Give safer-sleep advice at every contact, fitted to the family’s real night-time routine, and record it.',
    manager: 'Check that safer-sleep advice is given and recorded, especially when routines change.',
  },
  exploitation: {
    practitioner:
      'Treat missing episodes, new older friends, money or phones as possible signs of exploitation.',
    manager: 'Make sure exploitation concerns are shared and mapped across agencies.',
  },
  'self-neglect': {
    practitioner: 'Keep in touch with someone who refuses help, and record how you assessed their capacity.',
    manager: 'Use the self-neglect procedure when someone declines services but is at risk.',
  },
  'mental-capacity': {
    practitioner: 'Assess and record capacity for the specific decision, at the time it needs to be made.',
    manager: 'Check that capacity assessments are done for specific decisions and recorded.',
  },
  'disability-health': {
    practitioner: 'When a child is not brought to an appointment, follow it up and ask why.',
    manager: 'Make sure “was not brought” is followed up in every service.',
  },
  transitions: {
    practitioner:
      'When someone moves to another service or area, pass on what you know and check it arrived.',
    manager: 'Agree who is responsible while someone moves between services.',
  },
  'culture-identity': {
    practitioner: 'Use a professional interpreter, never a family member, and ask about culture and faith.',
    manager: 'Check that interpreters are booked whenever they are needed.',
  },
  'housing-poverty': {
    practitioner: 'Ask about housing, money and moves, and what they mean for the person’s safety.',
    manager: 'Involve housing services in safeguarding plans.',
  },
};

export function practicePoint(slug: string, audience: 'practitioner' | 'manager'): string | null {
  return PRACTICE[slug]?.[audience] ?? null;
}
