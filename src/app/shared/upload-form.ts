import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../../shared/errors.js';
import { SUPPORTED_EXTENSIONS } from '../../ingestion/extract/index.js';
import { reviewMetadataSchema } from '../../services/review-metadata.js';
import type { ReviewMetadataInput } from '../../services/review-metadata.js';
import type { Services } from '../../services/index.js';
import type { Person, Principal } from '../../services/policy.js';

export interface UploadForm {
  file: { name: string; bytes: Buffer } | null;
  fields: Record<string, string>;
  tooLarge: boolean;
}

/** Reads a multipart upload: one file and a few text fields; a file over the limit is flagged, not thrown. */
export async function readUploadForm(request: FastifyRequest): Promise<UploadForm> {
  const form: UploadForm = { file: null, fields: {}, tooLarge: false };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename) form.file = { name: part.filename, bytes };
      } else if (typeof part.value === 'string') {
        form.fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') form.tooLarge = true;
    // A body that is not the multipart form it says it is: the sender's mistake, not ours.
    else if (err instanceof Error && !(err instanceof AppError))
      throw new ValidationError(`The upload could not be read as multipart/form-data (${err.message}).`);
    else throw err;
  }
  return form;
}

/** The partnerships a person may upload for: their own, or every one for an administrator. */
export async function uploadPartnerships(
  services: Services,
  person: Person,
): Promise<Array<{ id: string; name: string }>> {
  const all = await services.accounts.listPartnerships();
  return person.role === 'admin' ? all : all.filter((p) => person.partnerships.includes(p.id));
}

/** The partnership an upload is for: the one chosen, or the only one the person has. */
export function choosePartnership(
  chosen: string | undefined,
  allowed: Array<{ id: string }>,
): { id?: string; error?: string } {
  if (chosen) {
    return allowed.some((p) => p.id === chosen)
      ? { id: chosen }
      : { error: 'Choose one of your partnerships' };
  }
  if (allowed.length === 1) return { id: allowed[0]?.id as string };
  return { error: 'Choose the partnership the review belongs to' };
}

/** Only the person who uploaded a file, or an administrator, may follow it. */
export function ownsUpload(principal: Principal, job: { submittedBy: string | null }): boolean {
  const person = principal.person;
  return person !== null && (person.role === 'admin' || job.submittedBy === person.id);
}

export interface FieldError {
  field: string;
  text: string;
}

const FIELDS = ['title', 'type', 'nation', 'region', 'body', 'year', 'subject', 'visibility'] as const;

/** Checks an upload and turns its fields into review metadata; every problem names its field. */
export function validateUpload(
  form: UploadForm,
  maxBytes: number,
): { metadata: ReviewMetadataInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const limit = `${Math.round(maxBytes / 1048576)} MB`;
  if (form.tooLarge) errors.push({ field: 'file', text: `The selected file must be smaller than ${limit}` });
  else if (!form.file) errors.push({ field: 'file', text: 'Select a review file to upload' });
  else if (form.file.bytes.length === 0) errors.push({ field: 'file', text: 'The selected file is empty' });
  else if (!SUPPORTED_EXTENSIONS.includes(path.extname(form.file.name).toLowerCase())) {
    errors.push({
      field: 'file',
      text: 'The selected file must be a PDF, Word (.docx), HTML, Markdown or text file',
    });
  }
  const raw: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = (form.fields[f] ?? '').trim();
    if (v) raw[f] = v;
  }
  const parsed = reviewMetadataSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      const text =
        field === 'year'
          ? 'Year published must be a year, like 2021'
          : field === 'title'
            ? 'Title must be between 3 and 300 characters'
            : `Check the ${field}: ${issue.message}`;
      if (!errors.some((e) => e.field === field)) errors.push({ field, text });
    }
    return { metadata: {}, errors };
  }
  return { metadata: parsed.data, errors };
}
