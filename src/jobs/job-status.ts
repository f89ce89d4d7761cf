import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { JOBS_SCHEMA } from './queue.ts';

export interface JobStatus {
  available: boolean;
  counts: Record<string, number>;
  failed: Array<{ id: string; name: string; error: string; failedAt: Date | null }>;
}

const FAILED_SHOWN = 50;

/** What the queue holds, by state, and its latest failures with their errors (platform view). */
export async function readJobStatus(db: Db): Promise<JobStatus> {
  const present = await sql<{ t: string | null }>`SELECT to_regclass(${`${JOBS_SCHEMA}.job`})::text AS t`.execute(db);
  if (!present.rows[0]?.t) return { available: false, counts: {}, failed: [] };
  const job = sql.table(`${JOBS_SCHEMA}.job`);
  const counts = await sql<{ state: string; n: number }>`SELECT state::text AS state, count(*)::int AS n FROM ${job} GROUP BY state`.execute(db);
  const failed = await sql<{ id: string; name: string; output: unknown; completed_on: Date | null }>`
    SELECT id::text AS id, name, output, completed_on FROM ${job}
    WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT ${FAILED_SHOWN}`.execute(db);
  return {
    available: true,
    counts: Object.fromEntries(counts.rows.map((r) => [r.state, r.n])),
    failed: failed.rows.map((r) => ({ id: r.id, name: r.name, error: describeOutput(r.output), failedAt: r.completed_on })),
  };
}

// pg-boss stores a thrown error as {message, stack, ...}; the stack stays out of the answer.
function describeOutput(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output && typeof output.message === 'string') return output.message;
  return output == null ? 'failed without an error message' : JSON.stringify(output).slice(0, 500);
}
