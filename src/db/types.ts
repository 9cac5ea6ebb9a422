import type { Generated, Insertable, Selectable } from 'kysely';

/** Table types. Dates and times are ISO-8601 text on both backends; flags are 0/1 integers. */
export interface ReviewsTable {
  id: string;
  title: string;
  review_type: string;
  nation: string | null;
  region: string | null;
  publishing_body: string | null;
  area: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source says */
  published_on: string | null;
  published_year: number | null;
  incident_year: number | null;
  subject: string | null;
  age_band: string | null;
  status: string;
  visibility: string;
  pseudonym: string | null;
  /** sha256 of the normalised text: the same report imported twice in different files */
  text_sha256: string;
  word_count: number;
  page_count: number | null;
  /** JSON: for each metadata field, where its value came from (manifest, option, guessed: reason) */
  provenance: string;
  created_at: string;
  updated_at: string;
  /** the partnership that owns the review (its editors manage it); null: none registered */
  partnership_id: string | null;
  /** when the anonymisation check last ran on this review */
  checked_at: string | null;
  /** 1: published with redactions, so the original file (which still holds them) is not served to readers */
  original_withheld: Generated<number>;
  /** when the full copy was withdrawn under the retention period (the record, summary and themes stay) */
  copy_withdrawn_at: string | null;
}

export interface ReviewAgenciesTable {
  review_id: string;
  agency: string;
}

export interface DocumentsTable {
  id: string;
  review_id: string;
  file_name: string;
  media_type: string;
  sha256: string;
  size_bytes: number;
  pages: number | null;
  storage_key: string;
  created_at: string;
  /** when the file was deleted under the retention period */
  withdrawn_at: string | null;
}

export interface SectionsTable {
  id: Generated<number>;
  review_id: string;
  seq: number;
  kind: string;
  heading: string;
  number: string | null;
  level: number;
  page: number | null;
}

export interface PassagesTable {
  id: Generated<number>;
  review_id: string;
  section_id: number | null;
  seq: number;
  paragraph: string | null;
  page: number | null;
  kind: string;
  text: string;
}

export interface RecommendationsTable {
  id: Generated<number>;
  review_id: string;
  section_id: number | null;
  seq: number;
  number: string | null;
  text: string;
  page: number | null;
}

export interface ReviewLinksTable {
  review_id: string;
  related_id: string;
  kind: string;
  score: number;
  detail: string | null;
  created_at: string;
}

export interface ReviewShinglesTable {
  review_id: string;
  hash: number;
}

export interface UploadJobsTable {
  id: string;
  /** queued, running, imported, skipped, failed */
  status: string;
  file_name: string;
  size_bytes: number;
  /** where the uploaded bytes wait until the job has run; null once done */
  temp_key: string | null;
  /** JSON of the metadata given with the upload */
  metadata: string;
  review_id: string | null;
  code: string | null;
  message: string | null;
  created_at: string;
  updated_at: string;
  /** the id of the person who uploaded the file (null: uploaded before accounts existed) */
  submitted_by: string | null;
}

/** Acronyms and their expansions, matched to each other by search; seeded from domain.md. */
export interface GlossaryTable {
  acronym: string;
  /** JSON array of expansions, lower-case */
  expansions: string;
  /** 1 when only the capitalised form is the acronym ("CP", "ED") */
  case_sensitive: number;
  /** seed, or who changed it */
  source: string;
  updated_at: string;
}

export interface ReviewTermsTable {
  review_id: string;
  term: string;
  /** share of the review's content words that are this term */
  tf: number;
}

/** How many reviews keep each word among their review_terms (kept by triggers, migration 0016). */
export interface TermReviewsTable {
  term: string;
  reviews: number;
}

/** The theme taxonomy as analysts keep it. */
export interface ThemesTable {
  slug: string;
  label: string;
  /** harm or protection */
  theme_group: string;
  /** JSON array: child, adult, domestic */
  applies: string;
  definition: string;
  /** JSON array of indicators */
  indicators: string;
  /** 1 for the seed; +1 at every change */
  version: number;
  updated_by: string;
  updated_at: string;
}

/** Append-only history of the taxonomy. */
export interface ThemeChangesTable {
  id: Generated<number>;
  slug: string;
  version: number;
  /** seeded, added, edited */
  change: string;
  /** JSON of the theme before and after */
  before: string | null;
  after: string;
  changed_by: string;
  changed_at: string;
}

export interface ReviewThemesTable {
  review_id: string;
  slug: string;
  /** suggested (by the coder), confirmed, rejected, added (by an analyst) */
  status: string;
  confidence: number | null;
  /** JSON array of { text, section, paragraph, page, reason } */
  evidence: string;
  /** "coder" or the analyst */
  coded_by: string;
  coded_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

export interface ThemeModelsTable {
  id: Generated<number>;
  trained_at: string;
  examples: number;
  /** what it was trained on, e.g. "labelled training files (791) + 12 analyst decisions" */
  source: string;
  /** JSON of the model */
  model: string;
}

/** Reviews queued for re-coding; workers claim them atomically. */
export interface ThemeRecodeTable {
  review_id: string;
  job: string;
  /** queued, running, done */
  status: string;
  claimed_by: string | null;
  claimed_at: string | null;
}

export interface PartnershipsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface UserPartnershipsTable {
  user_id: string;
  partnership_id: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  method: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SignInFailuresTable {
  email: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

export interface AppSecretsTable {
  name: string;
  value: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  actor_role: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON */
  detail: string;
  ip: string | null;
}

export interface AnonymisationFindingsTable {
  id: Generated<number>;
  review_id: string;
  passage_id: number | null;
  /** set (with passage_id null) when the finding is in this section's heading */
  section_id: number | null;
  start_offset: number;
  end_offset: number;
  kind: string;
  text: string;
  reason: string;
  confidence: number;
  /** open, redact or dismiss */
  decision: string;
  note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** Each review's stored readability and framing figures (see analysis/language/figures.ts). */
export interface ReviewFiguresTable {
  review_id: string;
  /** FIGURES_VERSION of the rules that computed them; older rows are recomputed */
  analyser_version: number;
  computed_at: string;
  words: number;
  sentences: number;
  flesch_reading_ease: number;
  flesch_kincaid_grade: number;
  average_sentence_length: number;
  /** shares of sentences, 0..1 */
  long_sentence_share: number;
  passive_share: number;
  acronyms_per_1000_words: number;
  reading_minutes: number;
  hindsight_sentences: number;
  blame_sentences: number;
  systems_sentences: number;
  hindsight_per_1000_words: number;
  blame_per_1000_words: number;
  systems_per_1000_words: number;
}

export interface BriefingsTable {
  id: string;
  /** review:<id>, or theme:<slug> with its filters: one kept briefing per scope */
  scope_key: string;
  kind: string;
  title: string;
  /** draft, published or withdrawn */
  status: string;
  current_version: number;
  published_version: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface BriefingVersionsTable {
  briefing_id: string;
  version: number;
  /** JSON of the Briefing */
  content: string;
  note: string;
  edited_by: string;
  created_at: string;
}

export interface BriefingReviewsTable {
  briefing_id: string;
  review_id: string;
}

export interface Database {
  briefings: BriefingsTable;
  briefing_versions: BriefingVersionsTable;
  briefing_reviews: BriefingReviewsTable;
  anonymisation_findings: AnonymisationFindingsTable;
  partnerships: PartnershipsTable;
  users: UsersTable;
  user_partnerships: UserPartnershipsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  sign_in_failures: SignInFailuresTable;
  app_secrets: AppSecretsTable;
  audit_log: AuditLogTable;
  theme_recode: ThemeRecodeTable;
  themes: ThemesTable;
  theme_changes: ThemeChangesTable;
  review_themes: ReviewThemesTable;
  theme_models: ThemeModelsTable;
  review_terms: ReviewTermsTable;
  term_reviews: TermReviewsTable;
  glossary: GlossaryTable;
  upload_jobs: UploadJobsTable;
  reviews: ReviewsTable;
  review_agencies: ReviewAgenciesTable;
  documents: DocumentsTable;
  sections: SectionsTable;
  passages: PassagesTable;
  recommendations: RecommendationsTable;
  review_links: ReviewLinksTable;
  review_shingles: ReviewShinglesTable;
  review_figures: ReviewFiguresTable;
}

export type ReviewRow = Selectable<ReviewsTable>;
export type UploadJobRow = Selectable<UploadJobsTable>;
export type NewReview = Insertable<ReviewsTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type SectionRow = Selectable<SectionsTable>;
export type PassageRow = Selectable<PassagesTable>;
export type RecommendationRow = Selectable<RecommendationsTable>;
