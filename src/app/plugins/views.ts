import type { FastifyInstance, FastifyReply } from 'fastify';
import nunjucks from 'nunjucks';
import { ENGLISH_REGIONS, NATIONS } from '../../ingestion/places.js';
import { REVIEW_TYPE_LABELS, SUBJECT_LABELS, formatBytes, formatPartialDate } from '../labels.js';
import { VIEW_DIRS } from '../paths.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a Nunjucks page with the layout's shared context. */
    page(template: string, context?: Record<string, unknown>, status?: number): FastifyReply;
  }
}

export interface ViewOptions {
  uploadsEnabled: boolean;
}

const NAVIGATION = [
  { href: '/', text: 'Home' },
  { href: '/search', text: 'Search' },
  { href: '/reviews', text: 'Reviews' },
  { href: '/upload', text: 'Upload', uploads: true },
  { href: '/api/v1/docs', text: 'API' },
];

export function createViewEnvironment(): nunjucks.Environment {
  const env = nunjucks.configure(VIEW_DIRS, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  env.addFilter('partialDate', formatPartialDate);
  env.addFilter('bytes', formatBytes);
  env.addFilter('reviewType', (code: string) => REVIEW_TYPE_LABELS[code] ?? code);
  env.addFilter('subject', (code: string | null) => (code ? (SUBJECT_LABELS[code] ?? code) : 'Not known'));
  env.addGlobal('REVIEW_TYPE_LABELS', REVIEW_TYPE_LABELS);
  env.addGlobal('ENGLISH_REGIONS', ENGLISH_REGIONS);
  env.addGlobal('NATIONS', NATIONS);
  return env;
}

export function registerViews(app: FastifyInstance, options: ViewOptions): void {
  const env = createViewEnvironment();
  app.decorateReply('page', function page(this: FastifyReply, template: string, context: Record<string, unknown> = {}, status = 200) {
    const path = this.request.url.split('?')[0] ?? '/';
    const navigation = NAVIGATION.filter((n) => !n.uploads || options.uploadsEnabled).map((n) => ({
      href: n.href,
      text: n.text,
      active: n.href === '/' ? path === '/' : path.startsWith(n.href),
    }));
    const html = env.render(template, {
      serviceName: 'Safeguarding Learning Hub',
      serviceUrl: '/',
      navigation,
      cspNonce: this.cspNonce?.script,
      currentPath: path,
      ...context,
    });
    return this.status(status).type('text/html; charset=utf-8').send(html);
  });
}
