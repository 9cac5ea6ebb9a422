/**
 * Word lists the rules stand on: what is never a name (roles, agencies, legislation, document words,
 * months, ordinary sentence-start words), what marks a name (titles, relationship words, verbs of
 * speech) and what ends a place (street and school words). Keys are lower case.
 */

import { fold } from './gazetteer.js';

const list = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean).map(fold));

/** Titles that make the next capitalised word a name ("Mrs Okafor", "DC Patel"). Checked case-sensitively. */
export const TITLES = new Set(
  'Mr Mrs Ms Miss Mx Dr DC DS DI DCI DCS DSupt PC PCSO WPC Sgt Insp Det Prof Professor Rev Revd Cllr Councillor Sister Nurse Judge HHJ Detective Constable Sergeant Inspector'.split(
    ' ',
  ),
);

/** Anonymised labels and family roles: "Child A", "Adult B", "Mother", "Sibling 2", "Nan". */
export const LABEL_WORDS = list(`
  child children adult baby infant sibling siblings mother father parent parents carer carers victim
  victims perpetrator perpetrators subject person persons young youngster patient client resident
  neighbour friend partner stepfather stepmother grandmother grandfather grandparent brother sister
  son daughter uncle aunt cousin male female man woman boy girl twin witness suspect offender defendant
  deceased nan nana nanny gran granny grandma grandad granddad mum mam mummy dad daddy papa auntie aunty
  family household practitioner professional worker family member ex-partner husband wife boyfriend
  girlfriend lodger tenant relative relatives pupil pupils student students classmate volunteer
`);

/** Ordinary words that start sentences and headings. */
export const COMMON = list(`
  a an the this that these those there here it its he she they we you i his her their our your my me him
  them us what which who whom whose why how where when while whilst if unless until once then now and
  but or nor so yet not no yes also although though because since as after before during following
  throughout within without between among across about above below under over through into onto upon
  from with by for to of in on at like unlike given based according regarding concerning including
  further however therefore thus moreover nevertheless meanwhile instead overall finally firstly
  secondly thirdly additionally furthermore subsequently initially eventually previously recently
  currently shortly soon later earlier afterwards again already always never often sometimes usually
  only just even still perhaps maybe clearly sadly unfortunately importantly notably significantly
  both each every all some many most several few none nobody neither either other another such
  everyone everybody everything anyone anybody anything someone somebody something nothing key good
  poor better best new old early late next last first second third fourth fifth final one two three
  four five six seven eight nine ten eleven twelve twenty hundred thousand much more less little lots
  staff professionals practitioners agencies services people records notes information evidence
  research guidance training supervision dear hello thank thanks please yours sincerely note see
  see also page total same different whole part day days week weeks month months year years time
  today yesterday tomorrow morning evening night afternoon will would could should may might must can
  shall do does did done had has have having was were is are be been being let get got make made take
  took give gave go went come came ask asked tell told say said keep kept find found think thought
  look looked use used help helped want wanted need needed feel felt seem seemed show showed try
  tried call called work worked start started stop stopped end ended leave left move moved return
  returned attend attended refer referred visit visited review reviewed report reported plan planned
  meet met agree agreed decide decided contact contacted discuss discussed consider considered aged age
  summary background introduction conclusion conclusions learning analysis chronology methodology
  appendix annex table figure chapter section paragraph para page contents glossary foreword preface
  terms reference recommendation recommendations finding findings theme themes issue issues episode
  episodes question questions response responses action actions outcome outcomes lessons practice
  context events event timeline period scope purpose process purposes rationale overview executive
  acknowledgements acknowledgement references bibliography version draft final status date dates
  total yes ok okay sorry well right wrong true false both neither sir madam whether whatever whenever
  wherever nonetheless consequently accordingly similarly likewise alternatively specifically generally
  typically ultimately essentially arguably fortunately hopefully interestingly surprisingly
  understandably inevitably crucially critically particularly especially mostly partly largely mainly
  primarily simply certainly possibly probably apparently evidently obviously reportedly allegedly
  seemingly around approximately nearly almost no-one noone outside inside beyond beside besides behind
  beneath alongside toward towards against amongst amid per hence too rather quite very really fully
  whereas whereby thereby thereafter otherwise anyway indeed surely definitely actually basically
  honestly naturally normally personally presumably relatively roughly seriously slightly strongly
  truly unusually widely having being taken looking reflecting throughout prior leaders partners
  thing things life money stuff
  participants attendees delegates colleagues others members minutes
`);

/** Capitalised words of agencies, services, roles, legislation and documents: never a person. */
export const INSTITUTIONAL = list(`
  council councils county borough city district metropolitan authority authorities trust trusts nhs
  foundation service services police constabulary force partnership partnerships board boards
  committee committees panel panels team teams hospital hospitals infirmary clinic surgery practice
  practices centre centres center unit units ward wards department directorate agency agencies
  commission commissioner office ministry court courts tribunal prison probation care aid housing
  homes home church mosque temple gurdwara synagogue chapel cathedral club company ltd limited plc llp
  university college school schools academy nursery hub refuge shelter line network federation group
  health healthcare medical mental social safeguarding protection support solutions association society
  alliance institute charity project programme scheme initiative pathway framework protocol policy
  procedures procedure standards guidance convention act acts regulations regulation bill order orders
  schedule article rights law laws statute statutory code review reviews report reports inquiry
  enquiry inspection inspectorate audit plan plans assessment assessments conference conferences
  meeting meetings strategy register database system systems directory toolkit model tool scale
  children childrens children's adults adult families family young people women women's men men's
  girls boys community communities public private voluntary independent national local regional
  integrated joint multi-agency interagency inter-agency specialist designated named lead head chief
  deputy assistant senior principal executive director manager managers officer officers worker
  workers visitor visitors nurse nurses midwife midwives doctor doctors gp gps consultant consultants
  paediatrician paediatricians psychiatrist psychologist therapist therapists counsellor advisor
  adviser advocate practitioner coordinator co-ordinator chair chairs vice reviewer reviewers author
  authors member members secretary registrar coroner coroners judge magistrate magistrates solicitor
  barrister guardian paramedic paramedics receptionist pharmacist dentist teacher teachers headteacher
  sergeant constable inspector detective superintendent commander caseworker clinician clinicians
  emergency ambulance fire rescue crime crimes disorder criminal justice youth offending victim victims
  domestic abuse violence sexual exploitation neglect harm serious safety safer safe risk risks early
  help education educational special needs disability disabilities send ehcp learning capacity
  liberty deprivation safeguards wellbeing well-being welfare benefit benefits universal credit
  allowance department's government parliament crown prosecution secretary state home office justice
  equality human homelessness slavery modern trafficking female genital mutilation forced marriage
  honour based honour-based stalking harassment coercive controlling behaviour behavior multi
  agency agencies' working together keeping every matters signs think front door referral referrals
  contact duty desk triage mash marac mappa mace cse cce daSH ridley operation encompass sure start
  troubled supporting helpline childline samaritans barnardo barnardo's nspcc cafcass ofsted cqc
  hmicfrs mencap mind scope shelter refuge respect relate citizens advice turning point addaction
  kooth papyrus brook catch22 safelives victim support rethink age concern action sense
  facebook instagram snapchat tiktok whatsapp youtube twitter x google teams zoom skype xbox playstation
  fortnite roblox discord telegram tinder grindr omegle reddit
  christmas easter eid ramadan diwali hanukkah halloween bonfire new year's valentine's mother's
  father's boxing bank holiday covid covid-19 coronavirus lockdown brexit
  january february march april may june july august september october november december jan feb mar
  apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
  spring summer autumn winter
  god allah lord jesus christ prophet bible quran koran
  english maths mathematics science geography physics chemistry biology gcse gcses a-level
  psychology sociology art drama music pe
  ward royal saint st queen princess sir dame lady lord baroness hmp hmyoi hmpps project
  universal personal independence employment support disability living carer's jobcentre dwp hmrc
  requirement requirements division directorate region area published publication approved updated
  based leaders leadership led northern southern eastern western central world global international
  european british
`);

/**
 * Words after which a capitalised run is an organisation, place or document, never a person:
 * "Grace Darling Ward", "St Mary's Hospital", "Clare's Law", "Victoria Road".
 */
export const TAIL_WORDS = list(`
  council trust service services police constabulary partnership board committee panel team hospital
  infirmary clinic surgery practice centre center unit ward department directorate authority agency
  commission office court tribunal prison church mosque temple gurdwara synagogue chapel cathedral
  club company ltd limited plc university college school academy nursery playgroup pre-school preschool
  hub refuge house lodge hall foundation charity association society alliance institute project
  programme scheme initiative network group law act bill report review inquiry road street avenue close
  lane drive court crescent way gardens terrace place grove view walk rise mews square hill row parade
  green park vale estate station airport bridge library museum stadium arena fund award memorial room
  suite wing lounge
  lecture medal prize principles model approach method test syndrome disease's disease
`);

/** Words that open an organisation or place name: "St Bede's", "Operation Encompass", "Queen Elizabeth". */
export const PREFIX_WORDS = list(
  'st saint operation project queen king prince princess royal sir dame lord lady hmp hmyoi mount port fort lake loch cape upper lower great greater little north south east west new old',
);

/** Lower-case particles inside surnames: "da Silva", "van der Berg", "bin Laden". */
export const PARTICLES = list(
  'de da di del della du van von der den ter le la bin binti ibn al el ben abu dos das',
);

/** Relationship and role nouns after which a capitalised word is a person ("her son Jayden"). */
export const RELATION_WORDS = list(`
  son sons daughter daughters partner partners ex-partner boyfriend ex-boyfriend girlfriend ex-girlfriend
  husband ex-husband wife ex-wife mother father mum dad stepfather step-father stepmother step-mother
  brother brothers sister sisters half-brother half-sister stepbrother stepsister sibling siblings
  grandmother grandfather grandma grandad granddad nan nana gran granny aunt auntie aunty uncle cousin
  niece nephew friend friends neighbour neighbours carer lodger flatmate housemate baby child children
  twin fiancé fiancée fiance fiancee classmate teacher worker visitor nurse midwife officer manager
  practitioner doctor gp therapist advocate keyworker key-worker mentor landlord landlady employer
  colleague associate acquaintance peer
`);

/** Verbs that follow a person as subject ("Okafor said", "Kacper was"). */
export const PERSON_VERBS = list(`
  said says told tells asked asks reported reports disclosed discloses explained explains described
  describes stated states recalled remembered denied denies admitted admits agreed agrees refused
  refuses wanted wants felt feels thought thinks knew knows believed believes became left moved
  returned attended arrived went came rang phoned texted messaged hit punched pushed kicked slapped
  assaulted threatened shouted screamed cried died lived lives stayed slept ran walked did didn't does
  doesn't would wouldn't could couldn't will won't can can't might should continued started stopped
  began tried spoke speaks talked met saw visited gave took made got gets seemed appeared missed
  presented wrote posted sent was wasn't is isn't had hadn't has hasn't who confirmed alleged
  complained mentioned insisted claimed worried looked lost needed loved liked hated
`);

/** Verbs only a person does: enough after an unknown capitalised word even at a sentence start. */
export const HUMAN_VERBS = list(`
  said told asked explained disclosed described stated recalled remembered denied admitted agreed
  refused wanted felt thought knew believed lived slept hit punched pushed kicked slapped assaulted
  threatened shouted screamed cried died rang phoned texted messaged spoke talked loved hated worried
  complained insisted claimed alleged
`);

/** Verbs of speech: the only verbs trusted after a word that is also a month or a place. */
export const SPEECH_VERBS = list(
  'said says told tells asked asks explained explains disclosed discloses stated states recalled described describes replied shouted screamed cried texted messaged phoned rang wrote admitted denied insisted alleged complained',
);

/** Nouns after a possessive that make its owner a person ("Dariusz's mother", "Okafor's flat"). */
export const PERSONAL_NOUNS = list(`
  mother father mum dad partner ex-partner boyfriend girlfriend husband wife son daughter brother
  sister sibling siblings children child baby grandmother grandfather nan aunt uncle cousin family
  friend friends home flat house bedroom room phone behaviour care death funeral wishes views account
  body injuries injury school nursery birthday life experience voice words name needs health
  stepfather stepmother carer carers parents birth pregnancy relationship
`);

/** Street-type words: "Aldergate Road", "Willow Court", "the Meadowbank estate". */
export const STREET_TYPES = list(
  'road street avenue close lane drive court crescent way gardens terrace place grove view walk rise mews square hill row parade green park vale wharf yard boulevard approach gate croft meadow meadows fields chase brow bank heights embankment quay circus broadway passage path wynd brae rd st ave cres gdns ln pl sq tce',
);

/** Street types too often something else to trust without a house number ("Bethnal Green", "Victoria Park"). */
export const STREET_TYPES_NEED_NUMBER = list(
  'green park row wharf yard gate croft meadow meadows fields chase brow bank heights embankment quay circus broadway passage path rd st ave cres gdns ln pl sq tce hill vale',
);

/** Words that never name a street on their own ("Crown Court", "Council Offices"). */
export const NOT_STREET_NAMES = list(`
  crown family county magistrates magistrates' youth supreme coroner's coroners appeal district civil
  criminal child's children's young person's service services council police health care housing nhs
  trust city borough national local authority team panel board partnership agency department social
  mental safeguarding multi-agency domestic abuse protection support early help
`);

/** Words that make "Way", "Place", "View" and the like a phrase, not a street ("the Right Way", "Safe Place"). */
export const VAGUE_STREET_NAMES = list(`
  right best safe safer better one same other only first next last different good new long short whole
  own open forward point market wrong easy hard proper usual normal quiet calm
`);
export const VAGUE_STREET_TYPES = list('way place view walk rise point close square');

/** School-type words. */
export const SCHOOL_TYPES = list(
  'school academy nursery college playgroup pre-school preschool kindergarten',
);

/** Words in school names that do not identify the school ("Primary", "High", "C of E"). */
export const SCHOOL_GENERIC = list(`
  primary secondary high junior infant infants grammar community catholic church england of rc ce c e
  post-primary post-16 all-through middle-school first-school through
  cofe va vc methodist baptist jewish islamic muslim girls boys girls' boys' academy school nursery day
  pre special independent residential virtual local free sixth form further education medical sunday
  forest boarding hospital upper lower middle mainstream alternative provision pupil referral unit
  technical studio specialist state private public comprehensive faith international royal the a an
  at to in from our his her their its attended attends my your new old college university
`);
