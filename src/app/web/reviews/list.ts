import { REVIEW_TYPES } from '../../../ingestion/metadata.js';
import { ENGLISH_REGIONS, NATIONS } from '../../../ingestion/places.js';
import { REVIEW_TYPE_LABELS } from '../../labels.js';
import type { ListQuery } from '../../shared/review-query.js';

/** Rebuilds a list URL from the query, changing only what is asked: filter state lives in the URL. */
export function listUrl(q: Partial<ListQuery>, change: Partial<ListQuery> = {}): string {
  const merged: Record<string, unknown> = { ...q, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (
      value === undefined ||
      value === '' ||
      (key === 'page' && value === 1) ||
      (key === 'pageSize' && value === 20) ||
      (key === 'sort' && value === 'published-desc')
    )
      continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const s = params.toString();
  return s ? `/reviews?${s}` : '/reviews';
}

export function pagination(q: ListQuery, total: number) {
  const pages = Math.max(1, Math.ceil(total / q.pageSize));
  if (pages <= 1) return null;
  const items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }> = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - q.page) <= 1)
      items.push({ number: p, href: listUrl(q, { page: p }), current: p === q.page });
    else if (items[items.length - 1]?.ellipsis !== true) items.push({ ellipsis: true });
  }
  return {
    items,
    ...(q.page > 1 ? { previous: { href: listUrl(q, { page: q.page - 1 }) } } : {}),
    ...(q.page < pages ? { next: { href: listUrl(q, { page: q.page + 1 }) } } : {}),
  };
}

/** Checkbox items for the filter panel, ticked from the query. */
export function filterItems(q: Partial<ListQuery>) {
  const ticked = (values: readonly string[] | undefined, v: string) => (values ?? []).includes(v);
  return {
    types: REVIEW_TYPES.map((t) => ({
      value: t,
      text: REVIEW_TYPE_LABELS[t] ?? t,
      checked: ticked(q.type, t),
    })),
    nations: NATIONS.map((n) => ({ value: n, text: n, checked: ticked(q.nation, n) })),
    regions: ENGLISH_REGIONS.map((r) => ({ value: r, text: r, checked: ticked(q.region, r) })),
    subjects: [
      { value: 'child', text: 'Child', checked: ticked(q.subject, 'child') },
      { value: 'adult', text: 'Adult', checked: ticked(q.subject, 'adult') },
    ],
    sorts: [
      {
        value: 'published-desc',
        text: 'Newest first',
        selected: (q.sort ?? 'published-desc') === 'published-desc',
      },
      { value: 'published-asc', text: 'Oldest first', selected: q.sort === 'published-asc' },
      { value: 'title', text: 'Title A to Z', selected: q.sort === 'title' },
      { value: 'added-desc', text: 'Recently added', selected: q.sort === 'added-desc' },
    ],
  };
}

/** Active filters as removable tags ("Region: London ×"). */
export function activeFilters(q: ListQuery) {
  const out: Array<{ label: string; href: string }> = [];
  if (q.q) out.push({ label: `Words: ${q.q}`, href: listUrl(q, { q: undefined, page: 1 }) });
  const each = <K extends 'type' | 'nation' | 'region' | 'subject'>(
    key: K,
    label: string,
    text: (v: string) => string,
  ) => {
    for (const v of (q[key] as string[] | undefined) ?? []) {
      out.push({
        label: `${label}: ${text(v)}`,
        href: listUrl(q, {
          [key]: ((q[key] as string[]) ?? []).filter((x) => x !== v),
          page: 1,
        } as Partial<ListQuery>),
      });
    }
  };
  each('type', 'Type', (v) => REVIEW_TYPE_LABELS[v] ?? v);
  each('nation', 'Nation', (v) => v);
  each('region', 'Region', (v) => v);
  each('subject', 'About', (v) => (v === 'child' ? 'a child' : 'an adult'));
  if (q.from !== undefined)
    out.push({ label: `From ${q.from}`, href: listUrl(q, { from: undefined, page: 1 }) });
  if (q.to !== undefined) out.push({ label: `To ${q.to}`, href: listUrl(q, { to: undefined, page: 1 }) });
  return out;
}
