export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  updated: string;
  published: string | null;
  summary: string;
  category: string;
}

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Stable entry ids: the same review is the same entry whatever host serves the feed. */
export function entryId(reviewId: string): string {
  return `tag:safeguarding-learning-hub,2026:review/${reviewId}`;
}

/** An Atom 1.0 feed (RFC 4287) of reviews. */
export function atomFeed(feed: {
  id: string;
  title: string;
  selfUrl: string;
  htmlUrl: string;
  updated: string;
  entries: AtomEntry[];
}): string {
  const entries = feed.entries
    .map(
      (e) => `  <entry>
    <id>${xml(e.id)}</id>
    <title>${xml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>
    <updated>${xml(e.updated)}</updated>${e.published ? `\n    <published>${xml(e.published)}</published>` : ''}
    <category term="${xml(e.category)}"/>
    <summary type="text">${xml(e.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(feed.id)}</id>
  <title>${xml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.htmlUrl)}"/>
  <updated>${xml(feed.updated)}</updated>
  <author><name>Safeguarding Learning Hub</name></author>
${entries}
</feed>
`;
}
