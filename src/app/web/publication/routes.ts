import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../../services/index.js';
import type { Decision } from '../../../services/publication-service.js';
import { AppError, NotFoundError, SignInRequiredError } from '../../../shared/errors.js';
import { recordProtectedAccess } from '../../shared/audit.js';
import { idParamsSchema } from '../../shared/review-query.js';

const KIND_LABELS: Record<string, string> = {
  name: 'Name',
  date: 'Full date',
  postcode: 'Postcode',
  address: 'Address',
  street: 'Street or estate',
  school: 'School',
  phone: 'Phone number',
  email: 'Email address',
  nhs: 'NHS number',
  ni: 'National Insurance number',
};
const DECISION_LABELS: Record<Decision, string> = {
  open: 'To decide',
  redact: 'Will be removed',
  dismiss: 'Kept',
};
const AUDIENCE: Record<string, string> = {
  public: 'everyone',
  registered: 'registered practitioners',
  restricted: 'inspectors and administrators',
};

const decisionSchema = z.object({
  decision: z.enum(['open', 'redact', 'dismiss']),
  note: z.string().max(2000).optional(),
});

/** Draft → anonymisation check → published, for the editors of the review's partnership. */
export function publicationPages(app: FastifyInstance, services: Services): void {
  const { publication } = services;

  const reviewId = (request: FastifyRequest) => {
    if (!request.principal.person) throw new SignInRequiredError();
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    return params.data.id;
  };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: string; errors?: Record<number, string> } = {},
    status = 200,
  ) => {
    const state = await publication.state(request.principal, id);
    // The findings quote the draft's words: a view of protected material.
    await recordProtectedAccess(services.audit, request, 'review.view', id, state, { page: 'publication' });
    const errors = extra.errors ?? {};
    return reply.page(
      'publication/publication.njk',
      {
        pageTitle: `${state.status === 'draft' ? 'Check and publish' : 'Publication'}: ${state.title}`,
        state: {
          ...state,
          findings: state.findings.map((f) => ({
            ...f,
            kindLabel: KIND_LABELS[f.kind] ?? f.kind,
            decisionLabel: DECISION_LABELS[f.decision],
          })),
        },
        audience: AUDIENCE[state.visibility] ?? state.visibility,
        csrfToken: reply.csrfToken(),
        notice: extra.notice,
        errors,
        errorList: Object.entries(errors).map(([fid, text]) => ({ text, href: `#note-${fid}` })),
      },
      status,
    );
  };

  app.get('/reviews/:id/publication', async (request, reply) => page(request, reply, reviewId(request)));

  app.post('/reviews/:id/publication/check', async (request, reply) => {
    const id = reviewId(request);
    await publication.check(request.principal, id, request.ip);
    return reply.redirect(`/reviews/${id}/publication`, 303);
  });

  app.post('/reviews/:id/publication/findings/:findingId', async (request, reply) => {
    const id = reviewId(request);
    const findingId = Number((request.params as { findingId: string }).findingId);
    if (!Number.isInteger(findingId) || findingId < 1) throw new NotFoundError();
    const form = decisionSchema.safeParse(request.body ?? {});
    if (!form.success) throw new AppError('invalid_request', 'Choose to remove or keep the finding', 400);
    try {
      await publication.decide(
        request.principal,
        id,
        findingId,
        form.data.decision,
        form.data.note,
        request.ip,
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid_request')
        return page(request, reply, id, { errors: { [findingId]: err.message } }, 400);
      throw err;
    }
    return reply.redirect(`/reviews/${id}/publication#finding-${findingId}`, 303);
  });

  app.post('/reviews/:id/publication/publish', async (request, reply) => {
    const id = reviewId(request);
    await publication.publish(request.principal, id, request.ip);
    return reply.redirect(`/reviews/${id}`, 303);
  });

  app.post('/reviews/:id/publication/withdraw', async (request, reply) => {
    const id = reviewId(request);
    await publication.withdraw(request.principal, id, request.ip);
    return reply.redirect(`/reviews/${id}/publication`, 303);
  });
}
