import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ThemeCode } from '../../../../analysis/themes/types.js';
import type { Services } from '../../../../services/index.js';
import { formatZodError } from '../../../../services/review-metadata.js';
import { AppError, ValidationError } from '../../../../shared/errors.js';
import { readUploadForm } from '../../../shared/upload-form.js';

const MAX_TEXT = 2_000_000;
const textBody = z
  .object({
    text: z.string().max(MAX_TEXT, `must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`),
  })
  .strict();

/** The coder's answer without its internal reasons: the shape `slh themes classify --json` prints. */
export function presentCodes(codes: ThemeCode[]) {
  return codes.map((c) => ({
    slug: c.slug,
    label: c.label,
    confidence: c.confidence,
    evidence: c.evidence.map((e) => ({
      text: e.text,
      section: e.section,
      paragraph: e.paragraph,
      page: e.page,
      reason: e.reason,
    })),
  }));
}

export function themesApi(app: FastifyInstance, services: Services): void {
  app.get('/api/v1/themes', async () => ({
    results: (await services.themes.themes()).map((t) => ({
      slug: t.slug,
      label: t.label,
      group: t.group,
      applies: t.applies,
      definition: t.definition,
    })),
  }));

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
        return { themes: presentCodes(await services.themes.classifyFile(form.file.bytes, form.file.name)) };
      }
      const parsed = textBody.safeParse(request.body);
      if (!parsed.success)
        throw new ValidationError(
          `Send JSON {"text": "..."} or a multipart "file": ${formatZodError(parsed.error)}`,
        );
      return { themes: presentCodes(await services.themes.classifyText(parsed.data.text)) };
    },
  );
}
