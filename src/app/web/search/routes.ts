import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services/index.js';
import { recordProtectedResults } from '../../shared/audit.js';
import type { SearchResponse, Snippet } from '../../../services/search-service.js';
import { AGE_BAND_LABELS, REVIEW_TYPE_LABELS } from '../../labels.js';
import { FILTER_PARAMS } from '../../shared/review-query.js';
import { searchFilter, searchQuerySchema } from '../../shared/search-query.js';
import type { SearchQuery } from '../../shared/search-query.js';

/** The query parameters the page reads; anything else in the URL is ignored. */
const KNOWN = new Set([...FILTER_PARAMS, 'q', 'view', 'sort']);

/** Snippet text split into plain and highlighted parts; the template escapes each part. */
function parts(s: Snippet): Array<{ text: string; mark: boolean }> {
  const out: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const [a, b] of s.highlights) {
    if (a > at) out.push({ text: s.text.slice(at, a), mark: false });
    out.push({ text: s.text.slice(a, b), mark: true });
    at = b;
  }
  if (at < s.text.length) out.push({ text: s.text.slice(at), mark: false });
  return out;
}

function searchUrl(q: SearchQuery, change: Partial<SearchQuery>): string {
  const merged: Record<string, unknown> = { ...q, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (
      value === undefined ||
      value === '' ||
      (key === 'page' && value === 1) ||
      (key === 'pageSize' && value === 20) ||
      (key === 'view' && value === 'reviews') ||
      (key === 'sort' && value === 'relevance')
    )
      continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  return `/search?${params.toString()}`;
}

/** The Atom feed that follows this search: same words and filters, without paging or view. */
function feedUrl(raw: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) {
    if (['page', 'pageSize', 'view', 'sort'].includes(k)) continue;
    for (const x of Array.isArray(v) ? v : [v]) params.append(k, String(x));
  }
  return `/feeds/reviews.atom?${params.toString()}`;
}

export function searchPages(app: FastifyInstance, services: Services): void {
  app.get('/search', async (request, reply) => {
    const raw = Object.fromEntries(
      Object.entries(request.query as Record<string, unknown>).filter(([k, v]) => KNOWN.has(k) && v !== ''),
    );
    const parsed = searchQuerySchema.safeParse(raw);
    const errorList = parsed.success
      ? []
      : [{ text: 'Some filters were not understood and have been left out', href: '#q' }];
    const q = parsed.success
      ? parsed.data
      : searchQuerySchema.parse({ q: typeof raw['q'] === 'string' ? raw['q'].slice(0, 500) : '' });
    const response = q.q
      ? await services.search.search(
          { q: q.q, filter: searchFilter(q), view: q.view, sort: q.sort, page: q.page, pageSize: q.pageSize },
          request.access,
        )
      : null;
    if (response)
      await recordProtectedResults(
        services,
        request,
        'search',
        response.results.map((r) => r.id),
      );
    const themeLabels = new Map((await services.themes.themes()).map((t) => [t.slug, t.label]));
    const ticked = (values: readonly string[] | undefined, v: string) => (values ?? []).includes(v);
    const facetItems = (
      field: keyof SearchResponse['facets'],
      chosen: readonly string[] | undefined,
      label: (v: string) => string,
    ) => {
      const estimated = response?.estimated ?? false;
      const listed = (response?.facets[field] ?? []).map((f) => ({
        value: f.value,
        text: `${label(f.value)} (${estimated ? `about ${f.count.toLocaleString('en-GB')}` : f.count})`,
        checked: ticked(chosen, f.value),
      }));
      // A chosen value stays on the list (to be unticked) though nothing, or nothing in the sample, has it.
      const missing = (chosen ?? [])
        .filter((v) => !listed.some((f) => f.value === v))
        .map((v) => ({ value: v, text: `${label(v)} (${estimated ? 'fewer than 50' : 0})`, checked: true }));
      return [...listed, ...missing];
    };
    const pages = response ? Math.max(1, Math.ceil(response.total / q.pageSize)) : 1;
    return reply.page('search/search.njk', {
      pageTitle: q.q ? `Search: ${q.q}` : 'Search',
      feedUrl: q.q ? feedUrl(raw) : null,
      errorList,
      q,
      response,
      results: (response?.results ?? []).map((r) => ({
        ...r,
        snippets: r.snippets.map((s) => ({ ...s, parts: parts(s) })),
      })),
      facets: {
        type: facetItems('type', q.type, (v) => REVIEW_TYPE_LABELS[v] ?? v),
        subject: facetItems('subject', q.subject, (v) => (v === 'child' ? 'Child' : 'Adult')),
        nation: facetItems('nation', q.nation, (v) => v),
        region: facetItems('region', q.region, (v) => v),
        age: facetItems('age', q.age, (v) => AGE_BAND_LABELS[v] ?? v),
        area: facetItems('area', q.area, (v) => v),
        theme: facetItems('theme', q.theme, (v) => themeLabels.get(v) ?? v),
        agency: facetItems('agency', q.agency, (v) => v.charAt(0).toUpperCase() + v.slice(1)),
      },
      views: [
        { value: 'reviews', text: 'Reviews', checked: q.view === 'reviews' },
        { value: 'passages', text: 'Every matching paragraph', checked: q.view === 'passages' },
      ],
      sorts: [
        { value: 'relevance', text: 'Most relevant', selected: q.sort === 'relevance' },
        { value: 'date', text: 'Newest first', selected: q.sort === 'date' },
      ],
      pagination:
        pages > 1
          ? {
              ...(q.page > 1 ? { previous: { href: searchUrl(q, { page: q.page - 1 }) } } : {}),
              ...(q.page < pages ? { next: { href: searchUrl(q, { page: q.page + 1 }) } } : {}),
              items: Array.from({ length: pages }, (_, i) => i + 1)
                .filter((p) => p === 1 || p === pages || Math.abs(p - q.page) <= 1)
                .map((p) => ({ number: p, href: searchUrl(q, { page: p }), current: p === q.page })),
            }
          : null,
    });
  });
}
