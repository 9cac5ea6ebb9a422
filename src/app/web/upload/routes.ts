import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services/index.js';
import { NotFoundError } from '../../../shared/errors.js';
import { CSRF_FIELD, CSRF_HEADER } from '../../plugins/session.js';
import { authorise } from '../../shared/authorise.js';
import {
  choosePartnership,
  ownsUpload,
  readUploadForm,
  uploadPartnerships,
  validateUpload,
} from '../../shared/upload-form.js';

/** How long the form waits for a small file to finish before showing the progress page instead. */
const QUICK_WAIT_MS = 3000;

export function uploadPages(app: FastifyInstance, services: Services): void {
  const { config } = services;
  if (!config.uploadsEnabled) return;

  app.get('/upload', async (request, reply) => {
    const person = authorise(request, 'upload');
    return reply.page('upload/form.njk', {
      pageTitle: 'Upload a review',
      values: {},
      maxMb: Math.round(config.maxFileBytes / 1048576),
      csrfToken: reply.csrfToken(),
      partnerships: await uploadPartnerships(services, person),
    });
  });

  app.post(
    '/upload',
    // The handler checks the CSRF token once it has read the multipart form's fields.
    {
      config: { rateLimit: { max: config.uploadRatePerMinute, timeWindow: '1 minute' }, csrfInHandler: true },
    },
    async (request, reply) => {
      const person = authorise(request, 'upload');
      const partnerships = await uploadPartnerships(services, person);
      const common = {
        pageTitle: 'Upload a review',
        maxMb: Math.round(config.maxFileBytes / 1048576),
        csrfToken: reply.csrfToken(),
        partnerships,
      };
      if (!request.isMultipart()) {
        return reply.page(
          'upload/form.njk',
          {
            ...common,
            values: {},
            errorList: [{ text: 'Select a review file to upload', href: '#file' }],
            errors: { file: 'Select a review file to upload' },
          },
          400,
        );
      }
      const form = await readUploadForm(request);
      const header = request.headers[CSRF_HEADER];
      request.verifyCsrf(typeof header === 'string' ? header : form.fields[CSRF_FIELD]);
      const { metadata, errors } = validateUpload(form, config.maxFileBytes);
      const partnership = choosePartnership(form.fields['partnership'], partnerships);
      if (partnership.error) errors.push({ field: 'partnership', text: partnership.error });
      if (errors.length || !form.file) {
        const byField = Object.fromEntries(errors.map((e) => [e.field, e.text]));
        return reply.page(
          'upload/form.njk',
          {
            ...common,
            values: form.fields,
            errors: byField,
            errorList: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
            fileNote:
              form.file && !byField['file']
                ? `Select ${form.file.name} again: browsers do not keep a chosen file when a form is shown again.`
                : undefined,
          },
          400,
        );
      }
      const job = await services.uploads.submit(
        form.file.bytes,
        form.file.name,
        // A person's upload is a draft until the anonymisation check has been done and it is published.
        { ...metadata, partnership: partnership.id, status: 'draft' },
        person.id,
      );
      await services.uploads.waitFor(job.id, QUICK_WAIT_MS);
      return reply.redirect(`/uploads/${job.id}`, 303);
    },
  );

  app.get('/uploads/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!/^[a-z0-9]{10}$/.test(id)) throw new NotFoundError();
    const job = await services.uploads.get(id);
    // Someone else's upload does not exist, as far as anyone but an administrator can tell.
    if (!ownsUpload(request.principal, job)) throw new NotFoundError();
    const titles: Record<string, string> = {
      queued: 'Your file is waiting to be read',
      running: 'Your file is being read',
      imported: 'Review added as a draft',
      skipped: 'This review is already in the library',
      failed: 'Your file could not be added',
    };
    // What the coder found, so the uploader sees at once which themes the review will be found under.
    const labels =
      job.status === 'imported' && job.reviewId
        ? new Map((await services.themes.themes()).map((t) => [t.slug, t.label]))
        : null;
    const themes =
      labels && job.reviewId
        ? (await services.themes.codesFor(job.reviewId))
            .filter((c) => c.status !== 'rejected')
            .map((c) => ({ label: labels.get(c.slug) ?? c.slug, evidence: c.evidence[0]?.text ?? '' }))
        : [];
    return reply.page('upload/status.njk', {
      pageTitle: titles[job.status] ?? 'Upload',
      job,
      heading: titles[job.status],
      themes,
    });
  });
}
