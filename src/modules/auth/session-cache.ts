import type { AccessChange, InvalidationHub } from '../../cache/invalidation-hub.ts';
import { createTtlCache } from '../../cache/ttl-cache.ts';
import type { Principal } from './principal.ts';

type SessionPrincipal = Extract<Principal, { kind: 'user' }>;

interface Entry {
  principal: SessionPrincipal;
  expiresAt: number;
}

/** An upper bound only: every change of access drops entries at once, in every process. */
const SESSION_CACHE_TTL_MS = 60_000;

/**
 * Signed-in users by session id, so a request does not read its session, user and company
 * from the database each time. An entry is dropped when the hub tells of a sign-out, a change
 * to the user (role, password, disabled) or to its company (any write, a suspension), and is
 * never used past the session's expiry. While the hub cannot hear other processes, the cache
 * answers nothing from memory.
 */
export function createSessionCache(hub: InvalidationHub, now: () => number = Date.now) {
  const cache = createTtlCache<Entry>({ ttlMs: SESSION_CACHE_TTL_MS, maxEntries: 10_000, now });
  hub.onAccessChange((change: AccessChange) => {
    if ('sessionId' in change) cache.delete(change.sessionId);
    else if ('userId' in change) cache.deleteWhere((e) => e.principal.userId === change.userId);
    else if ('companyId' in change) cache.deleteWhere((e) => e.principal.companyId === change.companyId);
    else cache.clear();
  });

  return {
    /** The principal of a live session, from memory or through `load` (null: no such session). */
    async resolve(sessionId: string, load: () => Promise<Entry | null>): Promise<SessionPrincipal | null> {
      if (hub.hearsEveryProcess()) {
        const hit = cache.get(sessionId);
        if (hit && hit.expiresAt > now()) return hit.principal;
      }
      const generation = cache.generation();
      const entry = await load();
      if (entry && hub.hearsEveryProcess()) cache.set(sessionId, entry, generation);
      return entry?.principal ?? null;
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
