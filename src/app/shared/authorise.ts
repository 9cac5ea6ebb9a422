import type { FastifyRequest } from 'fastify';
import { can } from '../../services/policy.js';
import type { Action, Person } from '../../services/policy.js';
import { ForbiddenError, SignInRequiredError } from '../../shared/errors.js';

/** The signed-in person, if the policy lets them do `action`; 401 for a visitor, 403 for someone not allowed. */
export function authorise(
  request: FastifyRequest,
  action: Action,
  review?: { partnershipId: string | null },
): Person {
  const person = request.principal.person;
  if (!person) throw new SignInRequiredError();
  if (!can(request.principal, action, review)) throw new ForbiddenError();
  return person;
}
