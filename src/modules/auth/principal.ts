import type { ApiTokenScope, UserRole } from '../../db/schema.ts';

/**
 * Who is calling. Services take it first; routes never look at raw credentials.
 * `companySuspended` is read with the credential on every request (the access plugin enforces it).
 */
export type Principal =
  | { kind: 'user'; userId: string; email: string; role: UserRole; companyId: string | null; sessionId: string; companySuspended?: boolean }
  | { kind: 'api_token'; tokenId: string; tokenName: string; companyId: string; role: 'staff'; scope: ApiTokenScope; companySuspended?: boolean };

/** Who changed something, as the audit log records it. */
export interface Actor {
  type: 'user' | 'api_token' | 'system';
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'system' };

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.userId, label: principal.email }
    : { type: 'api_token', id: principal.tokenId, label: `token:${principal.tokenName}` };
}

export const isAdmin = (p: Principal | null): boolean => p?.kind === 'user' && p.role === 'admin';
