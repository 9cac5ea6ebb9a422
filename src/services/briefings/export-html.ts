import type { Segment } from '../../analysis/briefing/abbreviations.js';
import { capitalFirst } from '../../analysis/briefing/abbreviations.js';
import type { BriefingDocument } from './document.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A statement's words as HTML: each acronym in an <abbr> with its expansion, written out at first use. */
export function segmentsHtml(segments: Segment[]): string {
  return segments
    .map((s) => {
      if ('text' in s) return escapeHtml(s.text);
      const abbr = `<abbr title="${escapeHtml(s.expansion)}">${escapeHtml(s.acronym)}</abbr>${s.plural ? 's' : ''}`;
      return s.first ? `${escapeHtml(capitalFirst(s.expansion, s.sentenceStart))} (${abbr})` : abbr;
    })
    .join('');
}

const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.4;font-size:11pt}
h1{font-size:20pt;margin:0 0 .2rem}h2{font-size:13pt;margin:1.1rem 0 .3rem;border-bottom:2px solid #1d70b8}h3{font-size:11pt;margin:.6rem 0 .2rem}
.scope{color:#505a5f;margin:0 0 1rem}ul{padding-left:1.2rem;margin:.2rem 0}li{margin:0 0 .45rem}
.cite{display:block;font-size:8.5pt;color:#505a5f}a{color:#1d70b8}footer{margin-top:1.5rem;font-size:8.5pt;color:#505a5f}
@page{size:A4;margin:14mm}@media print{body{margin:0;max-width:none}a{color:#0b0c0c;text-decoration:none}h2{break-after:avoid}li{break-inside:avoid}}
`;

/** A self-contained, print-ready HTML file of the briefing (its own styles, no scripts). */
export function briefingHtml(doc: BriefingDocument): string {
  const parts = doc.parts
    .filter((p) => p.groups.length)
    .map(
      (p) =>
        `<h2>${escapeHtml(p.heading)}</h2>` +
        p.groups
          .map(
            (g) =>
              (g.heading ? `<h3>${escapeHtml(g.heading)}</h3>` : '') +
              `<ul>${g.items
                .map(
                  (i) =>
                    `<li>${segmentsHtml(i.segments)}${
                      i.cite
                        ? `<span class="cite">Source: <a href="${escapeHtml(i.cite.href)}">${escapeHtml(i.cite.label)}</a></span>`
                        : i.origin === 'added'
                          ? '<span class="cite">Added by the editor</span>'
                          : ''
                    }</li>`,
                )
                .join('')}</ul>`,
          )
          .join(''),
    )
    .join('\n');
  const more = doc.more.length
    ? `<h2>Where to find more</h2><ul>${doc.more.map((m) => `<li><a href="${escapeHtml(m.href)}">${escapeHtml(m.label)}</a></li>`).join('')}</ul>`
    : '';
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(doc.title)}</h1>
<p class="scope">${escapeHtml(doc.scopeLine)} · ${escapeHtml(doc.tierLabel)} · about ${doc.readability.minutes} minute${doc.readability.minutes === 1 ? '' : 's'} to read</p>
${parts}
${more}
<footer>Safeguarding Learning Hub. Made ${escapeHtml(doc.generatedAt.slice(0, 10))} from the reviews' own words: every point links to the passage it came from. Reading ease ${doc.readability.ease} (Flesch; 60 or more is plain English).</footer>
</main></body></html>
`;
}
