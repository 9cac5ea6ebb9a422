import { viewAt } from '../../analysis/briefing/view.js';
import type { Briefing, Discipline, Tier } from '../../analysis/briefing/types.js';
import { briefingDocument } from './document.js';
import { briefingDocx } from './export-docx.js';
import { briefingHtml } from './export-html.js';
import { briefingPdf } from './export-pdf.js';

export const FORMATS = ['html', 'pdf', 'docx', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const TYPES: Record<Format, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
};

/** A briefing at one tier as a file: print-ready HTML, PDF, DOCX, or JSON (the briefing and the view). */
export async function exportBriefing(
  briefing: Briefing,
  tier: Tier,
  discipline: Discipline | null,
  format: Format,
  base: string,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const view = viewAt(briefing, tier, discipline);
  const doc = briefingDocument(briefing, view, base);
  const name = `${
    briefing.title
      .replace(/^7-minute briefing: /, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'briefing'
  }-${tier}${discipline && tier === 'targeted' ? `-${discipline}` : ''}`;
  const body =
    format === 'pdf'
      ? await briefingPdf(doc)
      : format === 'docx'
        ? await briefingDocx(doc)
        : format === 'html'
          ? Buffer.from(briefingHtml(doc))
          : Buffer.from(
              JSON.stringify(
                { briefing, view: { tier: view.tier, discipline: view.discipline, document: doc } },
                null,
                2,
              ),
            );
  return { body, contentType: TYPES[format], fileName: `7-minute-briefing-${name}.${format}` };
}
