import type { FastifyInstance, FastifyReply } from 'fastify';
import nunjucks from 'nunjucks';
import { ENGLISH_REGIONS, NATIONS } from '../../ingestion/places.js';
import { REVIEW_TYPE_LABELS, SUBJECT_LABELS, formatBytes, formatPartialDate } from '../labels.js';
import { VIEW_DIRS } from '../paths.js';
import { ANONYMOUS, can } from '../../services/policy.js';
import type { Principal } from '../../services/policy.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a Nunjucks page with the layout's shared context. */
    page(template: string, context?: Record<string, unknown>, status?: number): FastifyReply;
    /** Renders a page once and serves it from memory while `version` stays the same. */
    cachedPage(
      key: string,
      version: string,
      template: string,
      context: () => Promise<Record<string, unknown>>,
    ): Promise<FastifyReply>;
  }
}

/** Stands in for the per-request CSP nonce in cached HTML; swapped for the real one on each send. */
const NONCE_SLOT = 'slh-nonce-slot-0d5c';
const CACHE_SIZE = 500;

export interface ViewOptions {
  uploadsEnabled: boolean;
}

const NAVIGATION: Array<{ href: string; text: string; shown?: (p: Principal, o: ViewOptions) => boolean }> = [
  { href: '/', text: 'Home' },
  { href: '/search', text: 'Search' },
  { href: '/themes', text: 'Themes' },
  { href: '/briefings', text: 'Briefings' },
  { href: '/language', text: 'Language' },
  { href: '/reviews', text: 'Reviews' },
  { href: '/upload', text: 'Upload', shown: (p, o) => o.uploadsEnabled && can(p, 'upload') },
  { href: '/admin', text: 'Admin', shown: (p) => can(p, 'manageUsers') || can(p, 'readAudit') },
  { href: '/api/v1/docs', text: 'API' },
  { href: '/account', text: 'Your account', shown: (p) => p.person !== null },
  { href: '/sign-in', text: 'Sign in', shown: (p) => p.person === null },
];

/** What a page's shared parts depend on: pages cached for one viewer are served only to the same kind. */
export function viewerKey(principal: Principal): string {
  const person = principal.person;
  return person ? `${person.role}:${[...person.partnerships].sort().join(',')}` : 'anonymous';
}

export function createViewEnvironment(): nunjucks.Environment {
  const env = nunjucks.configure(VIEW_DIRS, {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('partialDate', formatPartialDate);
  env.addFilter('bytes', formatBytes);
  env.addFilter('formatNumber', (n: number) => Number(n).toLocaleString('en-GB'));
  env.addFilter('reviewType', (code: string) => REVIEW_TYPE_LABELS[code] ?? code);
  env.addFilter('subject', (code: string | null) => (code ? (SUBJECT_LABELS[code] ?? code) : 'Not known'));
  env.addGlobal('REVIEW_TYPE_LABELS', REVIEW_TYPE_LABELS);
  env.addGlobal('ENGLISH_REGIONS', ENGLISH_REGIONS);
  env.addGlobal('NATIONS', NATIONS);
  return env;
}

export function registerViews(app: FastifyInstance, options: ViewOptions): void {
  const env = createViewEnvironment();
  const render = (
    reply: FastifyReply,
    template: string,
    context: Record<string, unknown>,
    nonce: string | undefined,
  ) => {
    const path = reply.request.url.split('?')[0] ?? '/';
    const principal = reply.request.principal ?? ANONYMOUS;
    const navigation = NAVIGATION.filter((n) => !n.shown || n.shown(principal, options)).map((n) => ({
      href: n.href,
      text: n.text,
      active: n.href === '/' ? path === '/' : path.startsWith(n.href),
    }));
    return env.render(template, {
      serviceName: 'Safeguarding Learning Hub',
      serviceUrl: '/',
      navigation,
      cspNonce: nonce,
      currentPath: path,
      signedIn: principal.person !== null,
      ...context,
    });
  };
  // Pages that only change when the library does (a review's page) are rendered once per version.
  const cache = new Map<string, { version: string; html: string }>();
  app.decorateReply(
    'page',
    function page(this: FastifyReply, template: string, context: Record<string, unknown> = {}, status = 200) {
      return this.status(status)
        .type('text/html; charset=utf-8')
        .send(render(this, template, context, this.cspNonce?.script));
    },
  );
  app.decorateReply(
    'cachedPage',
    async function cachedPage(
      this: FastifyReply,
      key: string,
      version: string,
      template: string,
      context: () => Promise<Record<string, unknown>>,
    ) {
      // The navigation differs by kind of viewer, and so may the page (what they may see).
      key = `${key}|${viewerKey(this.request.principal ?? ANONYMOUS)}`;
      let entry = cache.get(key);
      if (!entry || entry.version !== version) {
        entry = { version, html: render(this, template, await context(), NONCE_SLOT) };
        cache.delete(key);
        if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(key, entry);
      }
      return this.status(200)
        .type('text/html; charset=utf-8')
        .send(entry.html.replaceAll(NONCE_SLOT, this.cspNonce?.script ?? ''));
    },
  );
}
