import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { tiersFor } from '../../analysis/briefing/common.js';
import { plainLanguage } from '../../analysis/briefing/plain.js';
import { reviewBriefing } from '../../analysis/briefing/review-briefing.js';
import { themeBriefing } from '../../analysis/briefing/theme-briefing.js';
import { AUDIENCES, GENERATOR_VERSION, PARTS } from '../../analysis/briefing/types.js';
import type { Audience, Briefing, Part, Statement } from '../../analysis/briefing/types.js';
import { compileThemes, ruleHits } from '../../analysis/themes/rules.js';
import type { Database } from '../../db/types.js';
import { BriefingsRepository } from '../../repositories/briefings-repository.js';
import type { BriefingRecord } from '../../repositories/briefings-repository.js';
import { ReviewsRepository } from '../../repositories/reviews-repository.js';
import { ThemesRepository } from '../../repositories/themes-repository.js';
import type { AccessScope } from '../../repositories/access.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { REVIEW_TYPE_LABELS } from '../../shared/review-types.js';
import type { AuditService } from '../audit-service.js';
import { can, scopeOf, ANONYMOUS } from '../policy.js';
import type { Principal } from '../policy.js';
import type { SearchService } from '../search-service.js';
import type { ThemeService } from '../theme-service.js';

export interface ThemeScope {
  region?: string | undefined;
  type?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

export interface KeptBriefing {
  record: BriefingRecord;
  version: number;
  briefing: Briefing;
  /** may this person edit, publish and withdraw it */
  editable: boolean;
}

/** What an editor sends: changed texts, statements to drop, statements to add, and a note. */
export const briefingEdit = z
  .object({
    basedOn: z.coerce.number().int().min(1),
    title: z
      .string()
      .trim()
      .min(5, 'Enter a title of at least 5 characters')
      .max(200, 'The title must be 200 characters or fewer'),
    note: z
      .string()
      .trim()
      .min(3, 'Say in a few words what you changed')
      .max(500, 'The note must be 500 characters or fewer'),
    texts: z
      .record(
        z.string().regex(/^[a-z]+-\d{1,4}$/),
        z.string().trim().max(1000, 'Each statement must be 1,000 characters or fewer'),
      )
      .default({}),
    remove: z
      .array(z.string().regex(/^[a-z]+-\d{1,4}$/))
      .max(500)
      .default([]),
    add: z
      .array(
        z.object({
          part: z.enum(PARTS),
          audience: z.enum(AUDIENCES).optional(),
          text: z.string().trim().min(3).max(1000),
        }),
      )
      .max(20)
      .default([]),
  })
  .strict();
export type BriefingEdit = z.infer<typeof briefingEdit>;

const PUBLIC = scopeOf(ANONYMOUS);

/**
 * 7-minute briefings: generated on request from a review or a theme (over what the reader may see),
 * and kept by editors, who change them, publish them at a stable address and withdraw them.
 */
export class BriefingService {
  private readonly repo: BriefingsRepository;
  private readonly reviews: ReviewsRepository;
  private readonly themeCodes: ThemesRepository;
  private readonly themeCache = new Map<string, Briefing>();

  constructor(
    db: Kysely<Database>,
    private readonly themes: ThemeService,
    private readonly search: SearchService,
    private readonly audit: AuditService,
  ) {
    this.repo = new BriefingsRepository(db);
    this.reviews = new ReviewsRepository(db);
    this.themeCodes = new ThemesRepository(db);
  }

  /** Acronyms and their expansions from the glossary the service keeps (the first expansion of each). */
  private async glossary(): Promise<Record<string, string>> {
    const entries = await this.search.glossaryEntries();
    return Object.fromEntries(
      entries.filter((e) => e.expansions[0]).map((e) => [e.acronym.toUpperCase(), e.expansions[0]!]),
    );
  }

  async forReview(id: string, access: AccessScope, now = new Date()): Promise<Briefing> {
    const detail = await this.reviews.get(id, access);
    if (!detail) throw new NotFoundError(`No review with id ${id}`);
    const labels = new Map((await this.themes.themes()).map((t) => [t.slug, t.label]));
    const codes = (await this.themeCodes.codesFor(id))
      .filter((c) => c.status !== 'rejected')
      .sort((a, b) => rankOf(b) - rankOf(a));
    // "Other reviews found it too" counts published, public reviews only, whoever is reading: the
    // figure can end up in a published briefing.
    const elsewhere = await this.repo.themeCountsElsewhere(
      id,
      codes.map((c) => c.slug),
      PUBLIC,
    );
    const r = detail.review;
    return reviewBriefing(
      {
        id: r.id,
        title: r.title,
        typeLabel: REVIEW_TYPE_LABELS[r.review_type] ?? 'Review',
        publishedYear: r.published_year,
        publishingBody: r.publishing_body,
        region: r.region,
        sections: detail.sections.map((s) => ({ id: s.id, kind: s.kind, heading: s.heading })),
        passages: detail.passages.map((p) => ({
          id: p.id,
          sectionId: p.section_id,
          paragraph: p.paragraph,
          page: p.page,
          text: p.text,
        })),
        recommendations: detail.recommendations.map((x) => ({
          id: x.id,
          sectionId: x.section_id,
          number: x.number,
          text: x.text,
          page: x.page,
        })),
        themes: codes.map((c) => ({
          slug: c.slug,
          label: labels.get(c.slug) ?? c.slug,
          status: c.status,
          evidence: c.evidence,
        })),
        elsewhere,
      },
      await this.glossary(),
      now,
    );
  }

  /**
   * A theme briefing reads every review with the theme (about a second at 10,000 reviews), so each
   * is kept until the library changes, per scope and per reader's access.
   */
  async forTheme(slug: string, scope: ThemeScope, access: AccessScope, now = new Date()): Promise<Briefing> {
    const key = `${await this.reviews.version()}|${slug}|${JSON.stringify(clean(scope))}|${JSON.stringify(access)}`;
    const cached = this.themeCache.get(key);
    // A review made private without its record changing must still drop out: check before reuse.
    if (cached && (await this.repo.hiddenAmong(cached.reviewIds, access)) === 0)
      return structuredClone(cached);
    const briefing = await this.buildThemeBriefing(slug, scope, access, now);
    this.themeCache.set(key, briefing);
    if (this.themeCache.size > 50) this.themeCache.delete(this.themeCache.keys().next().value!);
    return structuredClone(briefing);
  }

  private async buildThemeBriefing(
    slug: string,
    scope: ThemeScope,
    access: AccessScope,
    now: Date,
  ): Promise<Briefing> {
    const theme = (await this.themes.themes()).find((t) => t.slug === slug);
    if (!theme) throw new NotFoundError(`No theme "${slug}"`);
    const filter = clean(scope);
    const sources = await this.repo.themeSources(access, slug, filter);
    // Its recommendations that speak of the theme: the theme's own indicators, not negated.
    const compiled = compileThemes([theme]);
    const titles = new Map(sources.reviews.map((r) => [r.id, r.title]));
    const recommendations = (
      await this.repo.recommendationsOf(sources.reviews.slice(0, 2000).map((r) => r.id))
    )
      .filter((r) => ruleHits(r.text, compiled).length > 0)
      .slice(0, 1500)
      .map((r) => ({ ...r, reviewTitle: titles.get(r.reviewId) ?? '' }));
    const overview = await this.themes.overview(access, {
      ...(filter.region ? { regions: [filter.region] } : {}),
      ...(filter.type ? { types: [filter.type] } : {}),
    });
    const row = overview.themes.find((t) => t.theme.slug === slug);
    const trend = !row || row.trend.direction === 'too little data' ? null : trendWords(row.trend);
    const briefing = themeBriefing(
      {
        theme: { slug, label: theme.label, definition: theme.definition },
        scope: { theme: slug, ...filter },
        scopeLine: scopeLine(filter),
        reviewsInScope: sources.inScope,
        reviews: sources.reviews,
        recommendations,
        trend,
      },
      await this.glossary(),
      now,
    );
    await this.locate(briefing);
    return briefing;
  }

  /** Theme evidence carries the paragraph and page but not the passage: find it, for the links. */
  private async locate(briefing: Briefing): Promise<void> {
    for (const s of briefing.statements) {
      if (!s.source || s.source.passageId !== null || s.origin !== 'extracted') continue;
      const found = await this.repo.passageHolding(s.source.reviewId, s.source.quote, s.source.paragraph);
      if (found)
        s.source = {
          ...s.source,
          passageId: found.id,
          paragraph: found.paragraph,
          page: found.page ?? s.source.page,
        };
    }
    for (const q of briefing.statements.filter((s) => s.part === 'questions' && s.source)) {
      const prompt = briefing.statements.find(
        (s) =>
          s.part !== 'questions' &&
          s.source?.quote === q.source?.quote &&
          s.source?.reviewId === q.source?.reviewId,
      );
      if (prompt?.source) q.source = prompt.source;
    }
  }

  /** Keeps a briefing (generated now) for editing, or finds the one already kept for that scope. */
  async keep(
    principal: Principal,
    scope: { reviewId: string } | { theme: string; filter: ThemeScope },
    from: string | null,
  ): Promise<BriefingRecord> {
    this.mayEdit(principal);
    const access = scopeOf(principal);
    const key = 'reviewId' in scope ? `review:${scope.reviewId}` : themeKey(scope.theme, clean(scope.filter));
    const existing = await this.repo.findByScope(key);
    if (existing) return existing;
    // A theme briefing is kept from the reviews open to everyone: it is made to be published, and its
    // counts must not include reviews only the keeper may see.
    const briefing =
      'reviewId' in scope
        ? await this.forReview(scope.reviewId, access)
        : await this.forTheme(scope.theme, scope.filter, PUBLIC);
    const id = `${briefing.kind}-${crypto.randomBytes(5).toString('hex')}`;
    const now = new Date().toISOString();
    const by = principal.person!.email;
    await this.repo.create({
      id,
      scopeKey: key,
      kind: briefing.kind,
      title: briefing.title,
      content: JSON.stringify(briefing),
      reviewIds: briefing.reviewIds,
      by,
      now,
    });
    await this.audit.record(principal, {
      action: 'briefing.keep',
      target: { type: 'briefing', id },
      detail: { reviews: briefing.reviewIds.length },
      from,
    });
    return (await this.repo.findByScope(key))!;
  }

  /**
   * A kept briefing the person may see: published ones for everyone who may read every review it
   * cites; drafts and withdrawn ones only for those who edit briefings. Missing and hidden look alike.
   */
  async kept(id: string, principal: Principal, version?: number): Promise<KeptBriefing> {
    const editable = can(principal, 'editBriefings');
    const record = await this.repo.find(id, scopeOf(principal));
    if (!record || (!editable && record.status !== 'published'))
      throw new NotFoundError(`No briefing with id ${id}`);
    const wanted = version ?? (editable ? record.currentVersion : record.publishedVersion!);
    if (!editable && version !== undefined && version !== record.publishedVersion)
      throw new NotFoundError(`No version ${version} of briefing ${id}`);
    const row = await this.repo.version(id, wanted);
    if (!row) throw new NotFoundError(`No version ${wanted} of briefing ${id}`);
    return { record, version: wanted, briefing: JSON.parse(row.content) as Briefing, editable };
  }

  async list(principal: Principal): Promise<BriefingRecord[]> {
    const statuses = can(principal, 'editBriefings') ? ['published', 'draft', 'withdrawn'] : ['published'];
    return this.repo.list(scopeOf(principal), statuses);
  }

  async history(id: string, principal: Principal) {
    const kept = await this.kept(id, principal);
    const versions = await this.repo.versions(id);
    return {
      record: kept.record,
      versions: kept.editable ? versions : versions.filter((v) => v.version === kept.record.publishedVersion),
    };
  }

  /** Saves an editor's changes as a new version. Statements they changed are marked as edited. */
  async edit(id: string, principal: Principal, input: unknown, from: string | null): Promise<number> {
    this.mayEdit(principal);
    const parsed = briefingEdit.safeParse(input);
    if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join('; '));
    const edit = parsed.data;
    const current = await this.kept(id, principal);
    if (edit.basedOn !== current.record.currentVersion)
      throw new ValidationError(
        `Someone saved version ${current.record.currentVersion} of this briefing while you were editing version ${edit.basedOn}. Open it again and make your changes there.`,
      );
    const known = new Set(current.briefing.statements.map((s) => s.id));
    const unknown = [...Object.keys(edit.texts), ...edit.remove].filter((k) => !known.has(k));
    if (unknown.length) throw new ValidationError(`This briefing has no statement ${unknown[0]}`);
    const removed = new Set(edit.remove);
    const statements: Statement[] = current.briefing.statements
      .filter((s) => !removed.has(s.id))
      .map((s) => {
        const text = edit.texts[s.id];
        if (text === undefined || text === s.text) return s;
        if (!text) throw new ValidationError(`Statement ${s.id} is empty: remove it instead`);
        return { ...s, text, origin: 'edited' as const };
      });
    const counts = new Map<Part, number>();
    for (const s of statements)
      counts.set(s.part, Math.max(counts.get(s.part) ?? 0, Number(s.id.split('-')[1])));
    for (const a of edit.add) {
      const n = (counts.get(a.part) ?? 0) + 1;
      counts.set(a.part, n);
      const audience: Audience | null = a.part === 'actions' ? (a.audience ?? 'practitioner') : null;
      statements.push({
        id: `${a.part}-${n}`,
        part: a.part,
        text: plainLanguage(a.text).text,
        origin: 'added',
        reason: 'added by an editor',
        rewrites: [],
        source: null,
        basis: null,
        alsoIn: [],
        audience,
        disciplines: [],
        themes: [],
        tiers: tiersFor(a.part, audience),
        rank: 200,
      });
    }
    const briefing: Briefing = { ...current.briefing, title: edit.title, statements };
    const saved = await this.repo.addVersion(id, edit.basedOn, {
      title: edit.title,
      content: JSON.stringify(briefing),
      note: edit.note,
      by: principal.person!.email,
      now: new Date().toISOString(),
      reviewIds: briefing.reviewIds,
    });
    if (!saved)
      throw new ValidationError(
        'Someone saved a newer version of this briefing while you were editing. Open it again and make your changes there.',
      );
    await this.audit.record(principal, {
      action: 'briefing.edit',
      target: { type: 'briefing', id },
      detail: { version: edit.basedOn + 1 },
      from,
    });
    return edit.basedOn + 1;
  }

  /** Publishes the current version: only when every review it cites is published and open to all. */
  async publish(id: string, principal: Principal, from: string | null): Promise<void> {
    this.mayEdit(principal);
    const current = await this.kept(id, principal);
    const hidden = await this.repo.hiddenAmong(current.briefing.reviewIds, PUBLIC);
    if (hidden > 0)
      throw new ValidationError(
        `This briefing cites ${hidden === 1 ? 'a review that is' : `${hidden} reviews that are`} not published to everyone. Publish ${hidden === 1 ? 'it' : 'them'} first, or remove the statements that cite ${hidden === 1 ? 'it' : 'them'}.`,
      );
    await this.repo.setStatus(id, 'published', current.version, new Date().toISOString());
    await this.audit.record(principal, {
      action: 'briefing.publish',
      target: { type: 'briefing', id },
      detail: { version: current.version },
      from,
    });
  }

  async withdraw(id: string, principal: Principal, from: string | null): Promise<void> {
    this.mayEdit(principal);
    const current = await this.kept(id, principal);
    await this.repo.setStatus(id, 'withdrawn', current.record.publishedVersion, new Date().toISOString());
    await this.audit.record(principal, {
      action: 'briefing.withdraw',
      target: { type: 'briefing', id },
      from,
    });
  }

  private mayEdit(principal: Principal): void {
    if (!can(principal, 'editBriefings'))
      throw new ForbiddenError('Only editors, analysts and administrators keep and publish briefings');
  }
}

function rankOf(c: { status: string; confidence: number | null }): number {
  return (c.status === 'confirmed' || c.status === 'added' ? 2 : 0) + (c.confidence ?? 0);
}

function clean(scope: ThemeScope): { region?: string; type?: string; from?: number; to?: number } {
  return {
    ...(scope.region ? { region: scope.region } : {}),
    ...(scope.type ? { type: scope.type } : {}),
    ...(scope.from !== undefined ? { from: scope.from } : {}),
    ...(scope.to !== undefined ? { to: scope.to } : {}),
  };
}

function themeKey(slug: string, f: ThemeScope): string {
  return `theme:${slug}:${f.region ?? ''}:${f.type ?? ''}:${f.from ?? ''}:${f.to ?? ''}`;
}

export function scopeLine(f: ThemeScope): string {
  const years =
    f.from !== undefined && f.to !== undefined
      ? `${f.from} to ${f.to}`
      : f.from !== undefined
        ? `from ${f.from}`
        : f.to !== undefined
          ? `up to ${f.to}`
          : '';
  return [f.region, years, f.type ? REVIEW_TYPE_LABELS[f.type]?.toLowerCase() : undefined]
    .filter(Boolean)
    .join(', ');
}

function trendWords(t: { direction: string; rateRatio: number; p: number }): string {
  const change = `${Math.abs((t.rateRatio - 1) * 100).toFixed(0)}% a year`;
  if (t.direction === 'rising') return `rising (up about ${change})`;
  if (t.direction === 'falling') return `falling (down about ${change})`;
  return 'not clearly changing';
}

export { GENERATOR_VERSION };
