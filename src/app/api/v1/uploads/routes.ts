import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../../services/index.js';
import { NotFoundError, ValidationError } from '../../../../shared/errors.js';
import { CSRF_FIELD, CSRF_HEADER } from '../../../plugins/session.js';
import { authorise } from '../../../shared/authorise.js';
import {
  choosePartnership,
  ownsUpload,
  readUploadForm,
  uploadPartnerships,
  validateUpload,
} from '../../../shared/upload-form.js';

/** The API waits this long for an upload to be read before answering 202 with a job to poll. */
const API_WAIT_MS = 20_000;

export function uploadsApi(app: FastifyInstance, services: Services): void {
  const { config } = services;
  if (!config.uploadsEnabled) return;

  app.post(
    '/api/v1/reviews',
    // The handler checks the CSRF token once it has read the multipart form's fields.
    {
      config: { rateLimit: { max: config.uploadRatePerMinute, timeWindow: '1 minute' }, csrfInHandler: true },
    },
    async (request, reply) => {
      const person = authorise(request, 'upload');
      if (!request.isMultipart())
        throw new ValidationError('Send the review as multipart/form-data with a "file" part.');
      const form = await readUploadForm(request);
      const header = request.headers[CSRF_HEADER];
      request.verifyCsrf(typeof header === 'string' ? header : form.fields[CSRF_FIELD]);
      const { metadata, errors } = validateUpload(form, config.maxFileBytes);
      const partnership = choosePartnership(
        form.fields['partnership'],
        await uploadPartnerships(services, person),
      );
      if (partnership.error) errors.push({ field: 'partnership', text: partnership.error });
      if (errors.length || !form.file) {
        const tooLarge = errors.some((e) => e.field === 'file' && e.text.includes('smaller than'));
        return reply.status(tooLarge ? 413 : 400).send({
          error: {
            code: tooLarge ? 'file_too_large' : 'invalid_request',
            message: errors.map((e) => e.text).join('; '),
            details: { fields: Object.fromEntries(errors.map((e) => [e.field, e.text])) },
          },
        });
      }
      const submitted = await services.uploads.submit(
        form.file.bytes,
        form.file.name,
        // A person's upload is a draft until the anonymisation check has been done and it is published.
        { ...metadata, partnership: partnership.id, status: 'draft' },
        person.id,
      );
      const job = await services.uploads.waitFor(submitted.id, API_WAIT_MS);
      const links = {
        self: `/api/v1/uploads/${job.id}`,
        ...(job.reviewId ? { review: `/api/v1/reviews/${job.reviewId}` } : {}),
      };
      switch (job.status) {
        case 'imported':
          return reply
            .status(201)
            .header('Location', links.review ?? links.self)
            .send({ upload: job, links });
        case 'skipped':
          return reply.status(200).send({ upload: job, links });
        case 'failed':
          return reply.status(422).send({
            error: {
              code: job.code ?? 'import_failed',
              message: job.message ?? 'The file could not be imported.',
              details: { upload: job.id },
            },
          });
        default:
          return reply.status(202).header('Location', links.self).send({ upload: job, links });
      }
    },
  );

  app.get('/api/v1/uploads/:id', async (request) => {
    const { id } = request.params as { id: string };
    if (!/^[a-z0-9]{10}$/.test(id)) throw new ValidationError('not an upload id');
    const job = await services.uploads.get(id);
    if (!ownsUpload(request.principal, job)) throw new NotFoundError(`No upload with id ${id}`);
    return {
      ...job,
      links: {
        self: `/api/v1/uploads/${job.id}`,
        ...(job.reviewId ? { review: `/api/v1/reviews/${job.reviewId}` } : {}),
      },
    };
  });
}
