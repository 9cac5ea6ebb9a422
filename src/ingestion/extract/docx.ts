import { Writable } from 'node:stream';
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { IngestError } from '../errors.js';
import type { Extracted } from '../model.js';
import { htmlToBlocks } from './html.js';

export interface ZipLimits {
  /** most bytes all entries may expand to */
  maxUncompressedBytes: number;
  /** most entries */
  maxEntries: number;
  /** highest whole-archive expansion ratio once it expands past 20 MB */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxEntries: 5000,
  maxRatio: 100,
};

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    );
  });
}

/**
 * Checks a DOCX before anything unpacks it for real: a zip, with word/document.xml, whose entries
 * really inflate (counted while streaming, not trusted from headers) to a sane size and ratio.
 */
export async function inspectDocx(bytes: Uint8Array, fileName: string, limits = DEFAULT_ZIP_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    throw new IngestError('docx_invalid', `${fileName} is not a valid DOCX file: it is not a readable zip archive.`);
  }
  let total = 0;
  let entries = 0;
  let hasDocument = false;
  const bomb = () =>
    new IngestError(
      'docx_zip_bomb',
      `${fileName} was refused: it would expand to more than ${Math.round(limits.maxUncompressedBytes / 1048576)} MB or over ${limits.maxRatio} times its size (a "zip bomb").`,
    );
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (err: Error) => reject(new IngestError('docx_invalid', `${fileName} is a damaged DOCX file (${err.message}).`)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      entries++;
      if (entry.fileName === 'word/document.xml') hasDocument = true;
      if (entries > limits.maxEntries) return reject(bomb());
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(new IngestError('docx_invalid', `${fileName} is a damaged DOCX file.`));
        const counter = new Writable({
          write(chunk: Buffer, _enc, done) {
            total += chunk.length;
            const ratio = total / Math.max(1, bytes.length);
            if (total > limits.maxUncompressedBytes || (total > 20 * 1048576 && ratio > limits.maxRatio)) {
              done(bomb());
            } else done();
          },
        });
        stream.on('error', (e: Error) => reject(new IngestError('docx_invalid', `${fileName} is a damaged DOCX file (${e.message}).`)));
        counter.on('error', (e: Error) => {
          stream.destroy();
          reject(e);
        });
        counter.on('finish', () => zip.readEntry());
        stream.pipe(counter);
      });
    });
    zip.readEntry();
  }).finally(() => zip.close());
  if (!hasDocument) {
    throw new IngestError('docx_invalid', `${fileName} is a zip archive but not a Word document (no word/document.xml).`);
  }
}

export async function extractDocx(bytes: Uint8Array, fileName: string, limits = DEFAULT_ZIP_LIMITS): Promise<Extracted> {
  await inspectDocx(bytes, fileName, limits);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      // Word's Title and Subtitle styles carry a report's name: read them as headings.
      { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"] },
    );
    html = result.value;
  } catch (err) {
    throw new IngestError('docx_invalid', `${fileName} could not be read as a Word document (${(err as Error).message}).`);
  }
  return { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pages: null, blocks: htmlToBlocks(html) };
}
