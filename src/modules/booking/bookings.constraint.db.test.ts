import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany } from '../../../test/helpers/factories.ts';
import { withTenant } from '../../db/tenant.ts';

/**
 * The database's own guarantee, with the service (and its lock) out of the way: rows written
 * straight into `bookings` as the restricted role can never give one technician two active
 * jobs whose buffered times overlap, and a window counter can never pass its capacity.
 */
let t: TestApp;
let companyId: string;
let serviceId: string;
const techs = { a: randomUUID(), b: randomUUID() };
const EXCLUSION_VIOLATION = '23P01';
const CHECK_VIOLATION = '23514';

beforeAll(async () => {
  t = await createTestApp({ poolMax: 4 });
  companyId = (await createCompany(t.app)).id;
  serviceId = randomUUID();
  await withTenant(t.database.db, companyId, async (tx) => {
    await tx.insertInto('booking_services').values({ company_id: companyId, id: serviceId, name: 'Repair', duration_minutes: 60 }).execute();
    await tx.insertInto('technicians').values([{ company_id: companyId, id: techs.a, name: 'A' }, { company_id: companyId, id: techs.b, name: 'B' }]).execute();
  });
});
afterAll(async () => t?.close());

interface Row { tech?: string; start: string; end: string; before?: number; after?: number; status?: 'held' | 'confirmed' | 'cancelled' }

function insert(row: Row) {
  const start = new Date(row.start);
  const end = new Date(row.end);
  return withTenant(t.database.db, companyId, (tx) => tx.insertInto('bookings').values({
    company_id: companyId,
    service_id: serviceId,
    technician_id: row.tech ?? techs.a,
    status: row.status ?? 'confirmed',
    start_at: start,
    end_at: end,
    blocked_from: new Date(start.getTime() - (row.before ?? 0) * 60_000),
    blocked_to: new Date(end.getTime() + (row.after ?? 0) * 60_000),
    zip: '60601',
    hold_expires_at: row.status === 'held' ? new Date(Date.now() + 300_000) : null,
  }).returning('id').executeTakeFirstOrThrow());
}

const errorCode = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);

describe('the exclusion constraint on bookings', () => {
  it('refuses a second active job overlapping a technician, counting buffers, and nothing else', async () => {
    await insert({ start: '2031-03-03T15:00:00Z', end: '2031-03-03T16:00:00Z', after: 30 });
    expect(await errorCode(insert({ start: '2031-03-03T15:30:00Z', end: '2031-03-03T16:30:00Z' }))).toBe(EXCLUSION_VIOLATION);
    // Starts when the job ends, but inside its 30-minute buffer.
    expect(await errorCode(insert({ start: '2031-03-03T16:00:00Z', end: '2031-03-03T17:00:00Z' }))).toBe(EXCLUSION_VIOLATION);
    expect(await errorCode(insert({ start: '2031-03-03T14:00:00Z', end: '2031-03-03T15:00:00Z', status: 'held' }))).toBe('ok');
    expect(await errorCode(insert({ start: '2031-03-03T16:30:00Z', end: '2031-03-03T17:30:00Z' }))).toBe('ok');
    expect(await errorCode(insert({ tech: techs.b, start: '2031-03-03T15:00:00Z', end: '2031-03-03T16:00:00Z' }))).toBe('ok');
    expect(await errorCode(insert({ start: '2031-03-03T15:00:00Z', end: '2031-03-03T16:00:00Z', status: 'cancelled' }))).toBe('ok');
  });

  it('lets exactly one of many concurrent overlapping inserts commit', async () => {
    const attempts = Array.from({ length: 8 }, (_, i) => insert({ start: `2031-04-07T15:${String(i * 5).padStart(2, '0')}:00Z`, end: '2031-04-07T16:30:00Z' }));
    const codes = await Promise.all(attempts.map(errorCode));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === EXCLUSION_VIOLATION)).toHaveLength(7);
  });

  it('refuses a window counter above its capacity', async () => {
    const set = (booked: number) => withTenant(t.database.db, companyId, (tx) =>
      tx.insertInto('booking_window_counts').values({ company_id: companyId, window_key: `2031-05-05@08:00#${booked}`, booked, capacity: 3 }).execute());
    expect(await errorCode(set(3))).toBe('ok');
    expect(await errorCode(set(4))).toBe(CHECK_VIOLATION);
  });
});
