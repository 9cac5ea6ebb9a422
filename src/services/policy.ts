import type { AccessScope } from '../repositories/access.js';
import { STATUSES, VISIBILITIES } from './review-metadata.js';

/**
 * The one place that decides who may see and do what. Pages, the API, search, feeds, exports and
 * the CLI ask here; repositories and the search index turn the answer (an AccessScope) into SQL.
 *
 * Visibility of a review is two things: its status (draft, published, withdrawn) and, once
 * published, its visibility (public: anyone; registered: anyone signed in; restricted: inspectors,
 * administrators and the owning partnership). A partnership's editors see all of its own reviews,
 * drafts included.
 */
export const ROLES = ['practitioner', 'editor', 'analyst', 'inspector', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  practitioner: 'Practitioner',
  editor: 'Partnership editor',
  analyst: 'National analyst',
  inspector: 'Inspector',
  admin: 'Administrator',
};

export interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** ids of the partnerships this person belongs to */
  partnerships: readonly string[];
}

/** Who is asking: a signed-in person, or nobody (a public visitor). */
export type Principal = { person: Person } | { person: null };

export const ANONYMOUS: Principal = { person: null };

export { STATUSES, VISIBILITIES } from './review-metadata.js';

/** What a principal may read. */
export function scopeOf(principal: Principal): AccessScope {
  const person = principal.person;
  if (!person) return { visibilities: ['public'], statuses: ['published'] };
  switch (person.role) {
    case 'admin':
      return { visibilities: VISIBILITIES, statuses: STATUSES };
    case 'inspector':
      return { visibilities: VISIBILITIES, statuses: ['published', 'withdrawn'] };
    case 'editor':
      return {
        visibilities: ['public', 'registered'],
        statuses: ['published'],
        partnerships: person.partnerships,
      };
    case 'analyst':
    case 'practitioner':
      return { visibilities: ['public', 'registered'], statuses: ['published'] };
  }
}

/** Things a person may do, beyond reading. */
export type Action =
  /** add a review to the library (for one of their partnerships) */
  | 'upload'
  /** change, publish or withdraw a particular review */
  | 'manageReview'
  /** confirm, reject and add theme codes; edit the taxonomy; retrain */
  | 'codeThemes'
  /** accounts, roles and partnerships */
  | 'manageUsers'
  /** read and export the audit log */
  | 'readAudit'
  /** keep, edit, publish and withdraw 7-minute briefings */
  | 'editBriefings';

export function can(
  principal: Principal,
  action: Action,
  review?: { partnershipId: string | null },
): boolean {
  const person = principal.person;
  if (!person) return false;
  if (person.role === 'admin') return true;
  switch (action) {
    case 'upload':
      return person.role === 'editor' && person.partnerships.length > 0;
    case 'manageReview':
      return (
        person.role === 'editor' &&
        review !== undefined &&
        review.partnershipId !== null &&
        person.partnerships.includes(review.partnershipId)
      );
    case 'codeThemes':
      return person.role === 'analyst';
    case 'editBriefings':
      return person.role === 'editor' || person.role === 'analyst';
    case 'manageUsers':
    case 'readAudit':
      return false;
  }
}

/** Material whose every view and download goes to the audit log. */
export function isProtected(review: { visibility: string; status: string }): boolean {
  return review.visibility === 'restricted' || review.status !== 'published';
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
