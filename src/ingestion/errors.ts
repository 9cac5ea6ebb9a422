import { AppError } from '../shared/errors.js';

export type IngestErrorCode =
  | 'file_empty'
  | 'file_too_large'
  | 'file_unreadable'
  | 'type_unsupported'
  | 'type_mismatch'
  | 'pdf_corrupt'
  | 'pdf_encrypted'
  | 'pdf_no_text'
  | 'docx_invalid'
  | 'docx_zip_bomb'
  | 'text_encoding'
  | 'no_text'
  | 'unknown_partnership';

/** Why one file could not be read; the message names the problem in plain words. */
export class IngestError extends AppError {
  constructor(
    override readonly code: IngestErrorCode,
    message: string,
  ) {
    super(code, message, 422);
  }
}
