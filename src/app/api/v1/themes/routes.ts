import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { presentCodes } from '../../../../analysis/themes/present.js';
import type { Services } from '../../../../services/index.js';
import { formatZodError } from '../../../../services/review-metadata.js';
import { REVIEW_TYPES } from '../../../../ingestion/metadata.js';
import { ENGLISH_REGIONS } from '../../../../ingestion/places.js';
import { AppError, NotFoundError, ValidationError } from '../../../../shared/errors.js';
import { recordProtectedResults } from '../../../shared/audit.js';
import { readUploadForm } from '../../../shared/upload-form.js';

const MAX_TEXT = 2_000_000;

const many = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values)).optional(),
  );
const prevalenceQuery = z.object({ region: many(ENGLISH_REGIONS), type: many(REVIEW_TYPES) }).strict();

function parseFilter(query: unknown) {
  const parsed = prevalenceQuery.safeParse(query);
  if (!parsed.success) throw new ValidationError(formatZodError(parsed.error));
  return {
    ...(parsed.data.region ? { regions: parsed.data.region } : {}),
    ...(parsed.data.type ? { types: parsed.data.type } : {}),
  };
}
const textBody = z
  .object({
    text: z.string().max(MAX_TEXT, `must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`),
  })
  .strict();

export function themesApi(app: FastifyInstance, services: Services): void {
  app.get('/api/v1/themes', async (request) => {
    const overview = await services.themes.overview(request.access, parseFilter(request.query));
    return {
      reviews: overview.reviews,
      years: overview.years,
      results: overview.themes.map((t) => ({
        slug: t.theme.slug,
        label: t.theme.label,
        group: t.theme.group,
        applies: t.theme.applies,
        definition: t.theme.definition,
        coded: t.coded,
        confirmed: t.confirmed,
        byYear: t.series,
        trend: t.trend,
      })),
    };
  });

  app.get('/api/v1/themes/emerging', async (request) => services.themes.emerging(request.access));

  app.get('/api/v1/themes/:slug', async (request) => {
    const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/) }).safeParse(request.params);
    if (!params.success) throw new NotFoundError('No theme with that name');
    const d = await services.themes.detail(request.access, params.data.slug, parseFilter(request.query));
    await recordProtectedResults(
      services,
      request,
      'theme',
      d.reviews.map((r) => r.id),
    );
    return {
      slug: d.theme.slug,
      label: d.theme.label,
      definition: d.theme.definition,
      coded: d.coded,
      confirmed: d.confirmed,
      byYear: d.series,
      trend: d.trend,
      byRegion: d.regions,
      related: d.related,
      reviews: d.reviews.map((r) => ({
        id: r.id,
        title: r.title,
        published: r.published_on,
        status: r.status,
        confidence: r.confidence,
        evidence: r.evidence,
      })),
    };
  });

  /** Codes a text (JSON {"text"}) or a file (multipart "file") against the themes; nothing is stored. */
  app.post(
    '/api/v1/classify',
    { bodyLimit: 4 * MAX_TEXT, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request) => {
      if (request.isMultipart()) {
        const form = await readUploadForm(request);
        if (form.tooLarge)
          throw new AppError(
            'file_too_large',
            `The file is larger than ${Math.round(services.config.maxFileBytes / 1048576)} MB.`,
            413,
          );
        if (!form.file)
          throw new ValidationError(
            'Send a "file" part (PDF, DOCX, HTML, Markdown or text), or JSON {"text": "..."}.',
          );
        return {
          themes: presentCodes(await services.themes.classifyFile(form.file.bytes, form.file.name), {
            reasons: true,
          }),
        };
      }
      const parsed = textBody.safeParse(request.body);
      if (!parsed.success)
        throw new ValidationError(
          `Send JSON {"text": "..."} or a multipart "file": ${formatZodError(parsed.error)}`,
        );
      return {
        themes: presentCodes(await services.themes.classifyText(parsed.data.text), { reasons: true }),
      };
    },
  );
}
