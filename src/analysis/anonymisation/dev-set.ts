/**
 * A small planted development set, invented for tuning the anonymisation check: review-style passages
 * with the personal data an editor would remove listed beside them. Every name, address and number
 * here is made up (phone numbers from Ofcom's drama ranges, postcodes of plausible shape).
 * It is for development only; the measurement that matters is the hidden test set written by someone else.
 */
import type { EvaluationItem } from './evaluate.js';

export const DEV_SET: EvaluationItem[] = [
  {
    id: 'dev-01',
    text: '3.4 On 2 February 2020 Shannon Doyle took her son Tyler, then four, to the emergency department. Tyler had a bruise to his ear. The triage nurse recorded that Ms Doyle "seemed flat". The paediatric registrar did not make a referral to Children\'s Social Care.',
    findings: [
      { kind: 'date', text: '2 February 2020' },
      { kind: 'name', text: 'Shannon Doyle' },
      { kind: 'name', text: 'Tyler' },
      { kind: 'name', text: 'Tyler' },
      { kind: 'name', text: 'Ms Doyle' },
    ],
  },
  {
    id: 'dev-02',
    text: 'The family moved to 27 Cranbourne Gardens, Ashvale, AV4 9QT in the summer of 2019, a privately rented house on the Beckfield estate. The landlord, Mr Hargreaves, said the rent was often late.',
    findings: [
      { kind: 'address', text: '27 Cranbourne Gardens' },
      { kind: 'postcode', text: 'AV4 9QT' },
      { kind: 'street', text: 'Beckfield estate' },
      { kind: 'name', text: 'Mr Hargreaves' },
    ],
  },
  {
    id: 'dev-03',
    text: "Child B's mother told the health visitor that her new partner, Liam, was 'good with the kids'. Police records later showed Liam Farrell had two convictions for assault on a previous partner. Neither the health visitor nor the GP knew this.",
    findings: [
      { kind: 'name', text: 'Liam' },
      { kind: 'name', text: 'Liam Farrell' },
    ],
  },
  {
    id: 'dev-04',
    text: 'Grace was seven when she started at Holmwood Primary School. Her class teacher, Mrs Adebayo-Clarke, noticed that Grace was often hungry and that her uniform was unwashed. The Designated Safeguarding Lead logged the concerns on the school system.',
    findings: [
      { kind: 'name', text: 'Grace' },
      { kind: 'school', text: 'Holmwood Primary School' },
      { kind: 'name', text: 'Mrs Adebayo-Clarke' },
      { kind: 'name', text: 'Grace' },
    ],
  },
  {
    id: 'dev-05',
    text: 'Contact details held by the GP practice were: mobile 07700 900762, home (0113) 496 0471, email dazza.k88@example.net. His date of birth is recorded as 14/07/1988 and his NHS number as 401 023 2137.',
    findings: [
      { kind: 'phone', text: '07700 900762' },
      { kind: 'phone', text: '(0113) 496 0471' },
      { kind: 'email', text: 'dazza.k88@example.net' },
      { kind: 'date', text: '14/07/1988' },
      { kind: 'nhs', text: '401 023 2137' },
    ],
  },
  {
    id: 'dev-06',
    text: "Mr X was known to the Probation Service. In March 2021 the MARAC discussed Adult C and agreed actions for Northshire County Council, the Crown Prosecution Service and Women's Aid. The Care Act 2014 and the Mental Capacity Act 2005 applied throughout.",
    findings: [],
  },
  {
    id: 'dev-07',
    text: 'Hope and her brother Kai lived with their grandmother, Patricia Okonjo, in a flat above a shop on Tanners Lane. Patricia said she "did everything for those kids".',
    findings: [
      { kind: 'name', text: 'Hope' },
      { kind: 'name', text: 'Kai' },
      { kind: 'name', text: 'Patricia Okonjo' },
      { kind: 'street', text: 'Tanners Lane' },
      { kind: 'name', text: 'Patricia' },
    ],
  },
  {
    id: 'dev-08',
    text: '5.2 Recommendation 3: The partnership should seek assurance that Working Together to Safeguard Children 2023 is understood by all designated safeguarding leads. See paragraphs 4.12 to 4.15 and case ref 2021/044. The budget was £12,500 and the meeting was at 10.30.',
    findings: [],
  },
  {
    id: 'dev-09',
    text: "On the evening of 11th of November, 2022 DS Whitcombe and PC Marsh attended the address. Kacper's father, Tomasz Nowak, opened the door and said his wife Agnieszka was asleep.",
    findings: [
      { kind: 'date', text: '11th of November, 2022' },
      { kind: 'name', text: 'DS Whitcombe' },
      { kind: 'name', text: 'PC Marsh' },
      { kind: 'name', text: 'Kacper' },
      { kind: 'name', text: 'Tomasz Nowak' },
      { kind: 'name', text: 'Agnieszka' },
    ],
  },
  {
    id: 'dev-10',
    text: 'Subject was a 68-year-old woman who lived alone. Her neighbour, Rose, raised concerns with the council in January. The social worker visited and found the house cold. The GP prescribed antibiotics. Rose told the review that "nobody listened".',
    findings: [
      { kind: 'name', text: 'Rose' },
      { kind: 'name', text: 'Rose' },
    ],
  },
  {
    id: 'dev-11',
    text: "Jamal attended Oakridge Academy until he was excluded in Year 9, after which he went to the Bridgeway Pupil Referral Unit. His mother's phone number, +44 7700 900318, was out of date on both schools' systems.",
    findings: [
      { kind: 'name', text: 'Jamal' },
      { kind: 'school', text: 'Oakridge Academy' },
      { kind: 'school', text: 'Bridgeway Pupil Referral Unit' },
      { kind: 'phone', text: '+44 7700 900318' },
    ],
  },
  {
    id: 'dev-12',
    text: 'Baby D was born at 34 weeks. Mother had booked late with the midwifery service. Father was not registered with a GP. The Multi-Agency Safeguarding Hub (MASH) received the referral on a Friday afternoon.',
    findings: [],
  },
  {
    id: 'dev-13',
    text: 'National Insurance number: JK 42 81 36 B. Benefits records show that Ayesha Rahman claimed Universal Credit from 2018-05-03. She gave her address as Flat 6, 19 Millstone Court, Brackley Road.',
    findings: [
      { kind: 'ni', text: 'JK 42 81 36 B' },
      { kind: 'name', text: 'Ayesha Rahman' },
      { kind: 'date', text: '2018-05-03' },
      { kind: 'address', text: 'Flat 6, 19 Millstone Court' },
      { kind: 'street', text: 'Brackley Road' },
    ],
  },
  {
    id: 'dev-14',
    text: "Mark, Joanne's ex-partner, had been violent towards her since 2016. When Joanne rang the police in June, officers took a DASH risk assessment and graded the risk as medium. Mark Ellery was arrested the next day.",
    findings: [
      { kind: 'name', text: 'Mark' },
      { kind: 'name', text: 'Joanne' },
      { kind: 'name', text: 'Joanne' },
      { kind: 'name', text: 'Mark Ellery' },
    ],
  },
  {
    id: 'dev-15',
    text: 'The review thanks the panel members, the independent chair and the family. In this report the young person is referred to as Young Person A and her sibling as Sibling 2. The victim and the perpetrator are not named.',
    findings: [],
  },
  {
    id: 'dev-16',
    text: "Dr Osei, the consultant paediatrician, saw Amira on 09.03.21 and recorded her weight. The nursery, Little Sparrows Nursery, had told Amira's mother that she was 'too thin'.",
    findings: [
      { kind: 'name', text: 'Dr Osei' },
      { kind: 'name', text: 'Amira' },
      { kind: 'date', text: '09.03.21' },
      { kind: 'school', text: 'Little Sparrows Nursery' },
      { kind: 'name', text: 'Amira' },
    ],
  },
  {
    id: 'dev-17',
    text: 'Leeds Safeguarding Children Partnership commissioned the review in 2022. Learning was shared across West Yorkshire, Calderdale and Kirklees. The Children Act 1989, section 47, places a duty on the local authority to make enquiries.',
    findings: [],
  },
  {
    id: 'dev-18',
    text: 'Her boyfriend, Tyreese, was 19. Friends said that Tyreese and his cousin Dwayne Campbell picked her up from school most days in a black car. Dwayne denied this when interviewed.',
    findings: [
      { kind: 'name', text: 'Tyreese' },
      { kind: 'name', text: 'Tyreese' },
      { kind: 'name', text: 'Dwayne Campbell' },
      { kind: 'name', text: 'Dwayne' },
    ],
  },
  {
    id: 'dev-19',
    text: 'The housing officer, Sarah, visited on Tuesday and noted damp in the bedroom. The property at 8b Station Road was managed by Northshire Homes. The tenancy started on March 3, 2020 and the postcode on the tenancy was NS12 4RL.',
    findings: [
      { kind: 'name', text: 'Sarah' },
      { kind: 'address', text: '8b Station Road' },
      { kind: 'date', text: 'March 3, 2020' },
      { kind: 'postcode', text: 'NS12 4RL' },
    ],
  },
  {
    id: 'dev-20',
    text: 'Key Practice Episode 2: The Strategy Discussion. The strategy discussion was held on the same day. Health, police and social care attended. Summer holidays meant that the school could not attend. In May the case was closed.',
    findings: [],
  },
  {
    id: 'dev-21',
    text: "Funmilayo's aunt, Mrs Adeyemi, had looked after her since she arrived from Lagos. Funmilayo told her teacher that Auntie hit her with a belt.",
    findings: [
      { kind: 'name', text: 'Funmilayo' },
      { kind: 'name', text: 'Mrs Adeyemi' },
      { kind: 'name', text: 'Funmilayo' },
    ],
  },
  {
    id: 'dev-22',
    text: "The Independent Domestic Violence Advisor, Kerry-Ann Walsh, tried to call Zoe on 0191 496 0815 three times. Zoe later said she had changed her number after Craig O'Donnell found it.",
    findings: [
      { kind: 'name', text: 'Kerry-Ann Walsh' },
      { kind: 'name', text: 'Zoe' },
      { kind: 'phone', text: '0191 496 0815' },
      { kind: 'name', text: 'Zoe' },
      { kind: 'name', text: "Craig O'Donnell" },
    ],
  },
  {
    id: 'dev-23',
    text: 'The Safeguarding Adults Board agreed that the criteria under section 44 of the Care Act 2014 were met. The review covers the period from 1 April 2019 to the death in February 2021.',
    findings: [{ kind: 'date', text: '1 April 2019' }],
  },
  {
    id: 'dev-24',
    text: 'Bartek, known as "Bart" to his friends, was 15. He was found by a dog walker near Canal View on 17.08.2023 and taken to Royal Northshire Hospital.',
    findings: [
      { kind: 'name', text: 'Bartek' },
      { kind: 'name', text: 'Bart' },
      { kind: 'street', text: 'Canal View' },
      { kind: 'date', text: '17.08.2023' },
    ],
  },
];
