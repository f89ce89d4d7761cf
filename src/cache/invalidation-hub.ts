/**
 * Per-process caches subscribe here. Two kinds of change:
 *  - a company's data changed (a successful write to a company through the API, see
 *    routes.ts): caches of its settings forget it;
 *  - who may act changed (a sign-out, a disabled user, a new role or password, a suspended
 *    company): cached sessions are dropped before the next request.
 * With a transport attached (PostgreSQL LISTEN/NOTIFY, see invalidation-transport.ts) every
 * change is also told to, and heard from, the other app processes on the same database.
 */
export type AccessChange = { sessionId: string } | { userId: string } | { companyId: string } | { everyone: true };

export type HubMessage = { company: string } | { access: AccessChange };

/** The longest a response waits for its changes to reach the other processes. */
const SETTLE_MAX_MS = 1_000;

export function createInvalidationHub() {
  const companyListeners: ((companyId: string) => void)[] = [];
  const accessListeners: ((change: AccessChange) => void)[] = [];
  let publish: ((message: HubMessage) => Promise<void> | void) | null = null;
  // Messages on their way to the other processes (see `settled`).
  const inFlight = new Set<Promise<void>>();
  // Without a transport this process is the only one (PGlite locks its data directory).
  let connected = true;

  const deliver = (message: HubMessage): void => {
    if ('company' in message) {
      for (const forget of companyListeners) forget(message.company);
      // A write to the company may have changed its users or its status.
      for (const forget of accessListeners) forget({ companyId: message.company });
    } else {
      for (const forget of accessListeners) forget(message.access);
    }
  };
  const send = (message: HubMessage): void => {
    deliver(message);
    const sent = publish?.(message);
    if (!sent) return;
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
  };

  return {
    register(forget: (companyId: string) => void): void {
      companyListeners.push(forget);
    },
    invalidate(companyId: string): void {
      send({ company: companyId });
    },
    onAccessChange(forget: (change: AccessChange) => void): void {
      accessListeners.push(forget);
    },
    accessChanged(change: AccessChange): void {
      send({ access: change });
    },
    /**
     * Whether every other process's changes reach this one now. While they may not (the
     * transport's connection is down), caches of access must not answer from memory.
     */
    hearsEveryProcess: (): boolean => connected,
    /**
     * Resolves once every change sent so far has reached the other processes (or failed, or
     * `maxMs` passed): a request that changed something is answered only then, so the client's
     * next request, whichever process serves it, already sees the change.
     */
    settled(maxMs = SETTLE_MAX_MS): Promise<void> {
      if (inFlight.size === 0) return Promise.resolve();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)));
      return Promise.race([Promise.allSettled([...inFlight]).then(() => {}), late]).finally(() => clearTimeout(timer));
    },
    /** The transport: `publish` tells other processes; it calls `deliver` with what they tell. */
    attach(transport: { publish(message: HubMessage): Promise<void> | void }) {
      publish = (m) => transport.publish(m);
      return {
        deliver,
        setConnected(up: boolean): void {
          if (up === connected) return;
          connected = up;
          // Changes may have been missed while the transport was down: start afresh.
          for (const forget of accessListeners) forget({ everyone: true });
        },
        detach: () => void (publish = null),
      };
    },
  };
}

export type InvalidationHub = ReturnType<typeof createInvalidationHub>;

/** How long a process trusts cached company settings that another process may have changed. */
export const COMPANY_CACHE_TTL_MS = 5_000;
