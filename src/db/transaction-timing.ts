import type { Db } from './connect.ts';

export type TransactionKind = 'tenant' | 'platform';
export type TransactionObserver = (kind: TransactionKind, seconds: number, committed: boolean) => void;

// Per database handle (each app has its own), so two apps in one process keep separate counts.
const observers = new WeakMap<Db, TransactionObserver>();

/** Reports how long each withTenant / withPlatform transaction on `db` took, and how it ended. */
export function observeTransactions(db: Db, observer: TransactionObserver): void {
  observers.set(db, observer);
}

/** A timer around one transaction: two clock reads, no per-statement work. */
export function timedTransaction<T>(db: Db, kind: TransactionKind, run: () => Promise<T>): Promise<T> {
  const observer = observers.get(db);
  if (!observer) return run();
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  return run().then(
    (value) => {
      observer(kind, seconds(), true);
      return value;
    },
    (err: unknown) => {
      observer(kind, seconds(), false);
      throw err;
    },
  );
}
