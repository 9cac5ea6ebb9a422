import { describe, expect, it } from 'vitest';
import { fixCharacters, isPageNumber, joinLines, removeRunningHeadsAndFeet, vocabulary } from './clean.js';
import type { Line } from './model.js';

const line = (text: string, page: number): Line => ({ text, page, gap: null, size: null, afterBlank: false });

describe('fixCharacters', () => {
  it('replaces typographic ligatures with their letters', () => {
    expect(fixCharacters('the ﬁrst ﬂag was o\uFB00ered to the eﬃcient oﬃcer')).toBe('the first flag was offered to the efficient officer');
  });
  it('drops soft hyphens and zero-width characters and folds odd spaces', () => {
    expect(fixCharacters('safe\u00ADguarding\u200B\u00A0 partners')).toBe('safeguarding partners');
  });
});

describe('isPageNumber', () => {
  it.each(['12', 'Page 3', 'page 3 of 12', '- 4 -', '3 / 10', '[7]'])('recognises "%s"', (t) => expect(isPageNumber(t)).toBe(true));
  it.each(['12 March 2021', '3.1 The mother', 'Page turner'])('leaves "%s"', (t) => expect(isPageNumber(t)).toBe(false));
});

const BODY = [
  'The family moved to the area in the spring.',
  'Health visiting contacts were made by telephone.',
  'The school raised concerns about attendance.',
  'A strategy discussion was held in November.',
];

describe('removeRunningHeadsAndFeet', () => {
  it('removes a heading repeated on most pages and numbered footers, keeping body text', () => {
    const lines: Line[] = [];
    for (let p = 1; p <= 4; p++) {
      lines.push(line('Leeds Safeguarding Children Partnership — OFFICIAL', p));
      lines.push(line(BODY[p - 1] ?? '', p));
      lines.push(line(`Page ${p} of 4`, p));
    }
    const kept = removeRunningHeadsAndFeet(lines).map((l) => l.text);
    expect(kept).toEqual(BODY);
  });
  it('keeps a repeated line when the document has only two pages (too little evidence)', () => {
    const lines = [line('Summary', 1), line('Text one.', 1), line('Summary', 2), line('Text two.', 2)];
    expect(removeRunningHeadsAndFeet(lines).map((l) => l.text)).toContain('Summary');
  });
});

describe('joinLines', () => {
  it('rejoins a word split at a line-end hyphen', () => {
    expect(joinLines('the health visitor discussed the safe-', 'guarding concerns')).toBe('the health visitor discussed the safeguarding concerns');
  });
  it('keeps the hyphen of a real compound', () => {
    expect(joinLines('a multi-', 'agency meeting')).toBe('a multi-agency meeting');
  });
  it("lets the document's own vocabulary decide", () => {
    const vocab = vocabulary(['the child-centred approach was praised']);
    expect(joinLines('a child-', 'centred plan', vocab)).toBe('a child-centred plan');
    expect(joinLines('a multi-', 'agency plan', vocabulary(['multiagency working']))).toBe('a multiagency plan');
  });
  it('joins ordinary lines with a space', () => {
    expect(joinLines('The mother', 'declined.')).toBe('The mother declined.');
  });
});
