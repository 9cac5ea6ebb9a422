import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../../services/index.js';
import { AppError, NotFoundError } from '../../../shared/errors.js';
import { authorise } from '../../shared/authorise.js';
import { recordProtectedAccess } from '../../shared/audit.js';
import { idParamsSchema } from '../../shared/review-query.js';

const STATUS_TEXT: Record<string, string> = {
  suggested: 'Suggested',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
  added: 'Added by an analyst',
};

const decisionSchema = z.object({
  slug: z.string().max(80).default(''),
  decision: z.enum(['confirm', 'reject', 'add']),
  evidence: z.string().max(5000).optional(),
});

/** An analyst's review of one review's key themes: confirm, reject, or add with evidence. */
export function reviewThemePages(app: FastifyInstance, services: Services): void {
  const reviewOf = async (request: FastifyRequest) => {
    authorise(request, 'codeThemes');
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    // Only a review this analyst may read (a plain 404 otherwise).
    const head = await services.reviews.head(params.data.id, request.access);
    await recordProtectedAccess(services.audit, request, 'review.view', params.data.id, head, {
      page: 'themes',
    });
    return params.data.id;
  };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: Record<string, string>; values?: Record<string, string> } = {},
    status = 200,
  ) => {
    const [detail, themes, codes] = await Promise.all([
      services.reviews.get(id, request.access),
      services.themes.themes(),
      services.themes.codesFor(id),
    ]);
    const labels = new Map(themes.map((t) => [t.slug, t.label]));
    const coded = new Set(codes.map((c) => c.slug));
    const errors = extra.errors ?? {};
    return reply.page(
      'themes/review-themes.njk',
      {
        pageTitle: `Review the key themes: ${detail.review.title}`,
        reviewId: id,
        title: detail.review.title,
        codes: codes.map((c) => ({
          ...c,
          label: labels.get(c.slug) ?? c.slug,
          statusText: STATUS_TEXT[c.status] ?? c.status,
          confidence: c.confidence === null ? null : Math.round(c.confidence * 100),
        })),
        themeItems: [
          { value: '', text: 'Choose a theme' },
          ...themes
            .filter((t) => !coded.has(t.slug) || codes.find((c) => c.slug === t.slug)?.status === 'rejected')
            .map((t) => ({ value: t.slug, text: t.label, selected: extra.values?.['slug'] === t.slug })),
        ],
        values: extra.values ?? {},
        errors,
        errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
        csrfToken: reply.csrfToken(),
      },
      status,
    );
  };

  app.get('/reviews/:id/themes', async (request, reply) => page(request, reply, await reviewOf(request)));

  app.post('/reviews/:id/themes', async (request, reply) => {
    const id = await reviewOf(request);
    const person = authorise(request, 'codeThemes');
    const form = decisionSchema.safeParse(request.body ?? {});
    if (!form.success) throw new AppError('invalid_request', 'Choose to confirm, reject or add a theme', 400);
    const { slug, decision, evidence } = form.data;
    if (decision === 'add' && !slug)
      return page(
        request,
        reply,
        id,
        { errors: { slug: 'Choose a theme' }, values: { evidence: evidence ?? '' } },
        400,
      );
    try {
      await services.themes.decide(
        id,
        slug,
        decision,
        person.email,
        decision === 'add' ? (evidence ?? '') : undefined,
      );
    } catch (err) {
      if (err instanceof AppError && err.status === 400 && decision === 'add')
        return page(
          request,
          reply,
          id,
          {
            errors: { evidence: err.message.replace(/ \(--evidence "\.\.\."\)/, '') },
            values: { slug, evidence: evidence ?? '' },
          },
          400,
        );
      throw err;
    }
    await services.audit.record(request.principal, {
      action: 'theme.decide',
      target: { type: 'review', id },
      detail: { theme: slug, decision },
      from: request.ip,
    });
    return reply.redirect(`/reviews/${id}/themes${decision === 'add' ? '' : `#theme-${slug}`}`, 303);
  });
}
