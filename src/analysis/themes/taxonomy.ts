/**
 * The national reference taxonomy, version 1 (from the project's reference material): the seed of
 * the themes table. Slugs are stable identifiers; labels are what people read. Analysts edit the
 * stored copy; this list is only what a new library starts with.
 */
import type { ThemeSeed } from './types.js';

export const TAXONOMY_VERSION_1: readonly ThemeSeed[] = [
  {
    slug: 'neglect',
    label: 'Neglect',
    group: 'harm',
    applies: ['child', 'adult'],
    definition:
      'persistent failure to meet basic needs: food, hygiene, home conditions, supervision, health care, including cumulative/chronic neglect',
  },
  {
    slug: 'physical-abuse',
    label: 'Physical abuse and non-accidental injury',
    group: 'harm',
    applies: ['child', 'adult'],
    definition:
      'inflicted injury, bruising (especially in babies who cannot yet move about), fractures, abusive head trauma',
  },
  {
    slug: 'sexual-abuse',
    label: 'Sexual abuse',
    group: 'harm',
    applies: ['child', 'adult'],
    definition: 'sexual abuse, including within the family; harmful sexual behaviour',
  },
  {
    slug: 'emotional-abuse',
    label: 'Emotional abuse',
    group: 'harm',
    applies: ['child', 'adult'],
    definition: 'persistent emotional ill-treatment, rejection, exposure to frightening behaviour',
  },
  {
    slug: 'exploitation',
    label: 'Exploitation and harm outside the home',
    group: 'harm',
    applies: ['child', 'adult'],
    definition:
      'sexual or criminal exploitation, county lines, grooming, trafficking, modern slavery, serious youth violence',
  },
  {
    slug: 'online-harm',
    label: 'Online harm',
    group: 'harm',
    applies: ['child', 'adult'],
    definition: 'grooming, abuse or exploitation through phones, apps, social media, image sharing',
  },
  {
    slug: 'sudi',
    label: 'Sudden unexpected death in infancy and unsafe sleep',
    group: 'harm',
    applies: ['child'],
    definition: 'unexpected infant death, co-sleeping, unsafe sleeping arrangements, safer-sleep advice',
  },
  {
    slug: 'domestic-abuse',
    label: 'Domestic abuse and coercive control',
    group: 'harm',
    applies: ['child', 'adult', 'domestic'],
    definition: 'violence or coercive, controlling behaviour between partners or family members',
  },
  {
    slug: 'parental-mental-health',
    label: 'Parental or carer mental ill-health',
    group: 'harm',
    applies: ['child', 'adult', 'domestic'],
    definition: 'mental ill-health of a parent, carer or perpetrator affecting care or risk',
  },
  {
    slug: 'substance-misuse',
    label: 'Substance misuse',
    group: 'harm',
    applies: ['child', 'adult', 'domestic'],
    definition: 'drug or alcohol misuse by a parent, carer, perpetrator or the person themselves',
  },
  {
    slug: 'young-person-mental-health',
    label: "Children's and young people's mental health, self-harm and suicide",
    group: 'harm',
    applies: ['child'],
    definition: 'self-harm, suicidal ideation, suicide, CAMHS involvement',
  },
  {
    slug: 'disability-health',
    label: 'Disability and complex health needs',
    group: 'harm',
    applies: ['child', 'adult'],
    definition:
      'disability, learning disability, chronic illness, complex medical needs, missed health appointments ("was not brought")',
  },
  {
    slug: 'self-neglect',
    label: 'Self-neglect and hoarding',
    group: 'harm',
    applies: ['adult'],
    definition:
      "an adult's neglect of their own care, health or surroundings, including hoarding and refusal of services",
  },
  {
    slug: 'organisational-abuse',
    label: 'Organisational abuse and care quality',
    group: 'harm',
    applies: ['adult'],
    definition: 'abuse or neglect in care homes, hospitals or commissioned services',
  },
  {
    slug: 'housing-poverty',
    label: 'Housing, poverty and transience',
    group: 'harm',
    applies: ['child', 'adult', 'domestic'],
    definition: 'housing problems, homelessness, overcrowding, debt, frequent moves between areas',
  },
  {
    slug: 'culture-identity',
    label: 'Race, culture, religion and language',
    group: 'harm',
    applies: ['child', 'adult', 'domestic'],
    definition:
      'ethnicity, culture, faith, racism, language barriers, use of interpreters, Gypsy Roma and Traveller communities',
  },
  {
    slug: 'education',
    label: 'Education, attendance and children missing education',
    group: 'harm',
    applies: ['child'],
    definition:
      'school attendance, exclusion, elective home education, children missing from education, special educational needs support',
  },
  {
    slug: 'missing',
    label: 'Missing from home or care',
    group: 'harm',
    applies: ['child', 'adult'],
    definition: 'episodes of going missing, return interviews',
  },
  {
    slug: 'carers',
    label: 'Carers and young carers',
    group: 'harm',
    applies: ['child', 'adult', 'domestic'],
    definition: 'needs of unpaid carers and young carers not assessed or supported; carer stress',
  },
  {
    slug: 'information-sharing',
    label: 'Information sharing',
    group: 'protection',
    applies: ['child', 'adult', 'domestic'],
    definition:
      'information not shared, shared late or incompletely between agencies or professionals; consent and data-protection misunderstandings',
  },
  {
    slug: 'multi-agency-working',
    label: 'Multi-agency working',
    group: 'protection',
    applies: ['child', 'adult', 'domestic'],
    definition:
      'coordination, strategy meetings, joint working, clarity of roles, professional disagreement and its resolution',
  },
  {
    slug: 'risk-assessment',
    label: 'Risk assessment and decision-making',
    group: 'protection',
    applies: ['child', 'adult', 'domestic'],
    definition:
      'quality of assessment and analysis, optimism bias, cumulative risk not seen, decisions not reviewed',
  },
  {
    slug: 'professional-curiosity',
    label: 'Professional curiosity and challenge',
    group: 'protection',
    applies: ['child', 'adult', 'domestic'],
    definition:
      'accepting accounts at face value, disguised compliance, not asking the next question, respectful challenge',
  },
  {
    slug: 'voice-of-child',
    label: 'Voice and lived experience of the person',
    group: 'protection',
    applies: ['child', 'adult', 'domestic'],
    definition: 'the child or adult not seen alone, not heard, their daily experience not understood',
  },
  {
    slug: 'hidden-men',
    label: 'Fathers, male carers and new partners',
    group: 'protection',
    applies: ['child', 'domestic'],
    definition: 'men in the household unknown, unassessed or not engaged; whole-family assessment',
  },
  {
    slug: 'thresholds-escalation',
    label: 'Thresholds, escalation and case closure',
    group: 'protection',
    applies: ['child', 'adult', 'domestic'],
    definition: 'referrals not meeting thresholds, step-down, closure without change, escalation not used',
  },
  {
    slug: 'supervision-workload',
    label: 'Supervision, leadership and workload',
    group: 'protection',
    applies: ['child', 'adult', 'domestic'],
    definition:
      'management oversight, reflective supervision, caseloads, staffing, turnover, organisational culture',
  },
  {
    slug: 'record-keeping',
    label: 'Recording and case records',
    group: 'protection',
    applies: ['child', 'adult', 'domestic'],
    definition: 'quality of records, chronologies, flags and alerts, IT systems not talking to each other',
  },
  {
    slug: 'training-guidance',
    label: 'Training, procedures and guidance',
    group: 'protection',
    applies: ['child', 'adult', 'domestic'],
    definition:
      'practitioners unaware of or unable to follow procedures; unclear, conflicting or changing guidance; training gaps',
  },
  {
    slug: 'mental-capacity',
    label: 'Mental capacity and legal frameworks',
    group: 'protection',
    applies: ['adult', 'domestic'],
    definition:
      'mental capacity assessments, consent, use of the Mental Capacity Act, Care Act section 42 enquiries, legal literacy',
  },
  {
    slug: 'transitions',
    label: 'Transitions between services',
    group: 'protection',
    applies: ['child', 'adult'],
    definition:
      'moving between services or areas: child to adult services, hospital discharge, leaving care, prison release',
  },
  {
    slug: 'written-agreements',
    label: 'Written agreements and safety plans',
    group: 'protection',
    applies: ['child'],
    definition: 'reliance on written agreements or safety plans with parents in place of protective action',
  },
];
