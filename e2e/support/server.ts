import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app/create-app.js';
import { loadDemoIfEmpty } from '../../src/services/demo-service.js';
import { testEnv } from '../../test/support/services.js';

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  baseUrl: string;
  app: FastifyInstance;
  /** a partnership editor who may upload: sign in with these */
  editor: { email: string; password: string };
  close(): Promise<void>;
}

const EDITOR = { email: 'editor@example.org', password: 'a long fictional passphrase' };

/**
 * The real app in this process, on a fresh SQLite folder with the fictional demo corpus loaded, on a
 * free loopback port. In-process (not `npm start`) so journeys need no build step and each test file
 * gets a store of its own.
 */
export async function startTestServer(): Promise<TestServer> {
  const env = await testEnv('sqlite');
  let app: FastifyInstance | undefined;
  let port: number;
  try {
    const outcome = await loadDemoIfEmpty(env.services.reviews, env.services.importer);
    if (outcome && outcome.failed.length > 0) {
      const first = outcome.failed[0];
      throw new Error(
        `e2e: the demo corpus did not load cleanly: ${outcome.failed.length} file(s) failed, ` +
          `first ${first?.file}: ${first?.error} (${first?.code})`,
      );
    }
    await env.services.accounts.addUser({
      ...EDITOR,
      name: 'Test Editor',
      role: 'editor',
      partnerships: [await env.services.accounts.ensurePartnership('Cornwall Safeguarding Adults Board')],
    });
    app = await createApp(env.services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string')
      throw new Error('e2e: the test server has no TCP address');
    port = address.port;
  } catch (err) {
    await app?.close();
    await env.cleanup();
    throw err;
  }
  const started = app;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app: started,
    editor: EDITOR,
    async close() {
      await started.close();
      await env.cleanup();
    },
  };
}
