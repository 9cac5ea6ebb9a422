/** What every extractor produces: the document's blocks in reading order. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item';

export interface Block {
  kind: BlockKind;
  text: string;
  /** 1-based page, where the format has pages */
  page: number | null;
  /** heading level, 1 = largest */
  level?: number;
  /** position in an ordered list (1-based), for list items */
  listIndex?: number;
}

export type MediaType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'text/html'
  | 'text/markdown'
  | 'text/plain';

export interface Extracted {
  mediaType: MediaType;
  pages: number | null;
  blocks: Block[];
}

/** A line of a paged, line-based source (PDF or plain text) before it is made into blocks. */
export interface Line {
  text: string;
  page: number;
  /** vertical distance from the previous line on the same page, in points; null for text files */
  gap: number | null;
  /** font size in points; null for text files */
  size: number | null;
  /** a blank line came before this one (text files) */
  afterBlank: boolean;
}
