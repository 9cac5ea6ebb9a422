import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../../services/index.js';
import { openApiDocument } from '../openapi.js';

interface Operation {
  summary?: string;
  description?: string;
  parameters?: Array<{
    name: string;
    in: string;
    description?: string;
    required?: boolean;
    schema?: Record<string, unknown>;
  }>;
  responses?: Record<string, { description: string }>;
}

/** The OpenAPI document, and a plain server-rendered page to browse it (no script needed). */
export function docsApi(app: FastifyInstance, services: Services): void {
  const document = openApiDocument(services.config.uploadsEnabled);
  app.get('/api/v1/openapi.json', async () => document);
  app.get('/api/v1/docs', async (_request, reply) => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({
        id: `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, ''),
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        description: op.description ?? '',
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          where: p.in,
          required: p.required ?? false,
          description: p.description ?? '',
          type: JSON.stringify(p.schema ?? {})
            .replace(/[{}"]/g, '')
            .replace(/,/g, ', '),
        })),
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({
          status,
          description: r.description,
        })),
      })),
    );
    return reply.page('api-docs.njk', { pageTitle: 'API', operations, info: document.info });
  });
}
