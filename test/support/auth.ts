import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Services } from '../../src/services/index.js';
import type { Person, Role } from '../../src/services/policy.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestSession {
  person: Person;
  /** the Cookie header: session and CSRF secret */
  cookie: string;
  csrf: string;
}

let counter = 0;

/** Makes an account (an editor of a test partnership unless told otherwise) and signs it in through the API. */
export async function signIn(
  app: FastifyInstance,
  services: Services,
  options: { role?: Role; partnerships?: string[]; email?: string } = {},
): Promise<TestSession> {
  const role = options.role ?? 'editor';
  const partnerships =
    options.partnerships ??
    (role === 'editor' ? [await services.accounts.ensurePartnership('Test Safeguarding Partnership')] : []);
  const email = options.email ?? `${role}${++counter}-${process.pid}@example.org`;
  await services.accounts.addUser({
    email,
    role,
    partnerships,
    password: TEST_PASSWORD,
    name: `Test ${role}`,
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 201) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const body = res.json() as { person: Person; csrfToken: string };
  return { person: body.person, cookie, csrf: body.csrfToken };
}

/** A request as that session: its cookies and CSRF header added to the request's own headers. */
export function as(session: TestSession, request: InjectOptions): InjectOptions {
  return {
    ...request,
    headers: { ...(request.headers ?? {}), cookie: session.cookie, 'x-csrf-token': session.csrf },
  };
}
