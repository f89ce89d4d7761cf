import { Gauge, type Registry } from 'prom-client';

/** A daily backup older than this makes /ready warn (a missed day plus slack), without failing. */
export const BACKUP_WARN_AFTER_HOURS = 26;

export const LAST_BACKUP_METRIC = 'clientsvia_last_backup_success_seconds';

/** The warning /ready gives for the last verified backup's time, if any. Pure. */
export function backupWarning(last: Date | undefined, now: Date): string | undefined {
  if (!last) return 'no verified backup yet';
  const hours = (now.getTime() - last.getTime()) / 3_600_000;
  if (hours <= BACKUP_WARN_AFTER_HOURS) return undefined;
  return `the last verified backup is ${Math.floor(hours)} hours old (more than ${BACKUP_WARN_AFTER_HOURS})`;
}

/** Read from the database at each scrape, so every process reports the same, restarts included. 0: never. */
export function registerBackupGauge(registry: Registry, lastSuccessAt: () => Promise<Date | undefined>): void {
  new Gauge({
    name: LAST_BACKUP_METRIC,
    help: 'Unix time (seconds) of the last backup that was written and verified; 0 when there is none',
    registers: [registry],
    async collect() {
      // A scrape must answer while the database does not: the last value stands.
      const at = await lastSuccessAt().catch(() => null);
      if (at !== null) this.set(at ? at.getTime() / 1000 : 0);
    },
  });
}
