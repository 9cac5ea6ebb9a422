import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn } from '../../test/support/auth.js';
import type { TestSession } from '../../test/support/auth.js';
import { BACKENDS, testEnv } from '../../test/support/services.js';
import type { TestEnv } from '../../test/support/services.js';
import type { Role } from '../services/policy.js';
import { OPERATOR_ACCESS } from '../services/review-service.js';
import { createApp } from './create-app.js';

/**
 * The authorisation matrix: every kind of caller × each kind of review × every route that shows a
 * review or its text. Each review carries a made-up word found nowhere else, so any leak of its
 * text (a page, a snippet, a count, a feed entry) shows up as that word or its id in a response.
 */
type Caller = 'anonymous' | Exclude<Role, 'editor'> | 'editor-own' | 'editor-other';
const CALLERS: Caller[] = [
  'anonymous',
  'practitioner',
  'editor-own',
  'editor-other',
  'analyst',
  'inspector',
  'admin',
];

interface Fixture {
  key: string;
  word: string;
  visibility: 'public' | 'registered' | 'restricted';
  status: 'published' | 'draft';
  owner: 'north' | 'south';
  /** who may see it */
  seenBy: Caller[];
}

const ALL_SIGNED_IN: Caller[] = [
  'practitioner',
  'editor-own',
  'editor-other',
  'analyst',
  'inspector',
  'admin',
];
const FIXTURES: Fixture[] = [
  {
    key: 'public',
    word: 'quillfeather',
    visibility: 'public',
    status: 'published',
    owner: 'north',
    seenBy: CALLERS,
  },
  {
    key: 'registered',
    word: 'marrowglen',
    visibility: 'registered',
    status: 'published',
    owner: 'north',
    seenBy: ALL_SIGNED_IN,
  },
  {
    key: 'restricted',
    word: 'thistledown',
    visibility: 'restricted',
    status: 'published',
    owner: 'north',
    seenBy: ['editor-own', 'inspector', 'admin'],
  },
  {
    key: 'draft',
    word: 'brackenfold',
    visibility: 'public',
    status: 'draft',
    owner: 'north',
    seenBy: ['editor-own', 'admin'],
  },
  {
    key: 'restricted-south',
    word: 'saltmarshy',
    visibility: 'restricted',
    status: 'published',
    owner: 'south',
    seenBy: ['editor-other', 'inspector', 'admin'],
  },
];

const report = (f: Fixture) => `# Child Safeguarding Practice Review: Child ${f.key}

FICTIONAL TEST DOCUMENT: invented for the authorisation tests.

Published by the Test Safeguarding Partnership, March 2024

## Findings

1.1 The chronology shows that the ${f.word} plan was discussed at every strategy meeting for Child ${f.key}.

1.2 The mother told the health visitor that her partner had hit her and checked her phone, and the health visitor did not share this with children's social care.

## Recommendations

1. The partnership should make sure that the ${f.word} plan is shared with every agency.
`;

describe.each(BACKENDS)('who sees what, on %s', (backend) => {
  let t: TestEnv;
  let app: FastifyInstance;
  const ids = new Map<string, string>();
  const documents = new Map<string, string>();
  const sessions = new Map<Caller, TestSession | null>();

  beforeAll(async () => {
    t = await testEnv(backend);
    app = await createApp(t.services);
    const north = await t.services.accounts.ensurePartnership('Northshire Safeguarding Children Partnership');
    const south = await t.services.accounts.ensurePartnership('Southshire Safeguarding Children Partnership');
    for (const f of FIXTURES) {
      const result = await t.services.importer.importBytes(Buffer.from(report(f)), `${f.key}.md`, {
        visibility: f.visibility,
        status: f.status,
        partnership: f.owner === 'north' ? north : south,
      });
      if (result.kind !== 'imported') throw new Error(`fixture ${f.key} not imported`);
      ids.set(f.key, result.id);
      const detail = await t.services.reviews.get(result.id, OPERATOR_ACCESS);
      documents.set(f.key, detail.documents[0]?.id ?? '');
    }
    sessions.set('anonymous', null);
    for (const caller of CALLERS.filter((c) => c !== 'anonymous')) {
      const role: Role = caller.startsWith('editor') ? 'editor' : (caller as Role);
      const partnerships = caller === 'editor-own' ? [north] : caller === 'editor-other' ? [south] : [];
      sessions.set(caller, await signIn(app, t.services, { role, partnerships }));
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const get = (caller: Caller, url: string) => {
    const session = sessions.get(caller);
    return app.inject(session ? as(session, { url }) : { url });
  };

  /** Everything a response must not hold about a fixture the caller may not see. */
  const leaks = (body: string, f: Fixture) => body.includes(f.word) || body.includes(ids.get(f.key) ?? '@');

  for (const f of FIXTURES) {
    for (const caller of CALLERS) {
      const allowed = f.seenBy.includes(caller);
      it(`${caller} ${allowed ? 'reads' : 'gets a plain 404 for'} the ${f.key} review on the page, the API, similar and the download`, async () => {
        const id = ids.get(f.key) ?? '';
        const urls = [
          `/reviews/${id}`,
          `/api/v1/reviews/${id}`,
          `/api/v1/reviews/${id}/similar`,
          `/api/v1/reviews/${id}/readability`,
          `/api/v1/reviews/${id}/language`,
          `/reviews/${id}/documents/${documents.get(f.key)}`,
        ];
        for (const url of urls) {
          const res = await get(caller, url);
          expect(res.statusCode, `${caller} ${url}`).toBe(allowed ? 200 : 404);
          if (!allowed) {
            expect(res.body, `${caller} ${url}`).not.toContain(f.word);
            // The same answer as for a review that does not exist (an error may repeat the id asked for).
            const missing = await get(caller, url.replace(id, 'zzzzzzzzzz'));
            const plain = (body: string) => body.replace(id, 'zzzzzzzzzz').replace(/nonce="[^"]*"/g, 'nonce');
            expect(plain(res.body), url).toBe(plain(missing.body));
          }
        }
      });
    }
  }

  for (const caller of CALLERS) {
    it(`${caller} finds in search, lists, feeds and themes only the reviews they may see`, async () => {
      const visible = FIXTURES.filter((f) => f.seenBy.includes(caller));
      const hidden = FIXTURES.filter((f) => !f.seenBy.includes(caller));
      // A word every fixture shares, so that snippets, counts and facets would show any leak.
      const probes = [
        '/search?q=chronology',
        '/search?q=chronology&view=passages',
        '/api/v1/search?q=chronology',
        '/api/v1/search?q=chronology&view=passages',
        '/api/v1/search?q=plan+shared',
        '/reviews',
        '/api/v1/reviews',
        '/feeds/reviews.atom?q=chronology',
        '/',
        '/themes',
        '/themes/emerging',
        '/api/v1/themes',
      ];
      for (const url of probes) {
        const res = await get(caller, url);
        expect(res.statusCode, url).toBe(200);
        for (const f of hidden) expect(leaks(res.body, f), `${caller} ${url} shows ${f.key}`).toBe(false);
      }
      const api = (await get(caller, '/api/v1/search?q=chronology')).json<{
        total: number;
        results: Array<{ id: string }>;
      }>();
      expect(api.total).toBe(visible.length);
      expect(api.results.map((r) => r.id).sort()).toEqual(visible.map((f) => ids.get(f.key)).sort());
      // A search for a hidden review's own word finds nothing, not even a count.
      for (const f of hidden) {
        const res = (await get(caller, `/api/v1/search?q=${f.word}`)).json<{
          total: number;
          facets: Record<string, unknown[]>;
        }>();
        expect(res.total, `${caller} ${f.word}`).toBe(0);
        expect(Object.values(res.facets).flat()).toEqual([]);
      }
      // Theme pages list reviews and the evidence for each theme.
      const slugs = await t.services.db.kysely
        .selectFrom('review_themes')
        .select('slug')
        .distinct()
        .execute();
      expect(slugs.length).toBeGreaterThan(0);
      for (const { slug } of slugs) {
        for (const url of [`/themes/${slug}`, `/api/v1/themes/${slug}`, `/themes/${slug}/data.csv`]) {
          const res = await get(caller, url);
          expect(res.statusCode, url).toBe(200);
          for (const f of hidden) expect(leaks(res.body, f), `${caller} ${url} shows ${f.key}`).toBe(false);
        }
      }
    });
  }

  it('logs every view and download of protected material with who and from where, and not public views', async () => {
    const newest = async () => (await t.services.audit.search({}, 1, 1)).entries[0]?.id ?? 0;
    const since = await newest();
    await get('inspector', `/reviews/${ids.get('restricted')}`);
    await get('inspector', `/api/v1/reviews/${ids.get('restricted')}`);
    await get('inspector', `/reviews/${ids.get('restricted')}/documents/${documents.get('restricted')}`);
    await get('admin', `/reviews/${ids.get('draft')}`);
    await get('inspector', `/reviews/${ids.get('public')}`);
    await get('anonymous', `/reviews/${ids.get('restricted')}`);
    const entries = (await t.services.audit.search({}, 1, 100)).entries.filter((e) => e.id > since).reverse();
    const inspector = sessions.get('inspector')?.person.email;
    const admin = sessions.get('admin')?.person.email;
    expect(entries.map((e) => [e.action, e.actor_email, e.target_id])).toEqual([
      ['review.view', inspector, ids.get('restricted')],
      ['review.view', inspector, ids.get('restricted')],
      ['review.download', inspector, ids.get('restricted')],
      ['review.view', admin, ids.get('draft')],
    ]);
    expect(entries.every((e) => e.ip === '127.0.0.1')).toBe(true);
    // Search snippets and feed summaries of protected reviews are access too.
    const beforeSearch = await newest();
    await get('anonymous', '/api/v1/search?q=chronology');
    await get('practitioner', '/search?q=chronology');
    await get('inspector', '/api/v1/search?q=chronology');
    await get('editor-own', '/feeds/reviews.atom?q=chronology');
    const searches = (await t.services.audit.search({ action: 'review.search' }, 1, 100)).entries
      .filter((e) => e.id > beforeSearch)
      .reverse();
    expect(searches.map((e) => e.actor_email)).toEqual([inspector, sessions.get('editor-own')?.person.email]);
    const shown = (e: (typeof searches)[number] | undefined) =>
      (JSON.parse(e?.detail ?? '{}') as { reviews: string[] }).reviews.sort();
    expect(shown(searches[0])).toEqual([ids.get('restricted'), ids.get('restricted-south')].sort());
    expect(shown(searches[1])).toEqual([ids.get('restricted'), ids.get('draft')].sort());
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toMatchObject({
      visibility: 'restricted',
      status: 'published',
    });
  });
});
