import { DateTime } from 'luxon';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { withTenant } from '../../db/tenant.ts';
import type { BookingsService } from '../booking/bookings.service.ts';
import type { CallsService } from '../calls/calls.service.ts';
import type { MessagesService } from '../calls/messages.service.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import type { LeadsService } from '../leads/leads.service.ts';
import type { PhoneNumbersService } from '../phone-numbers/phone-numbers.service.ts';
import { sendSms, SmsError } from '../sms/twilio-sms.ts';
import type { UsersService } from '../users/users.service.ts';
import { digestEmail, digestSms, type DigestFigures } from './digest-message.ts';
import { digestRepository as repo, type DigestChannel } from './digest.repository.ts';
import type { Mailer } from './mailer.ts';

/** Why a send failed, without the address or number it went to (it lands in the job's output). */
function failureOf(err: unknown): string {
  if (err instanceof SmsError) return `Twilio answered ${err.status}${err.twilioCode ? ` (code ${err.twilioCode})` : ''}`;
  const e = err as { code?: unknown; responseCode?: unknown } | null;
  if (e && (typeof e.code === 'string' || typeof e.responseCode === 'number')) return `SMTP ${String(e.code ?? '')} ${String(e.responseCode ?? '')}`.trim();
  return 'send failed';
}

/** Tries of one message (the job's retries and later scans together) before it is given up. */
const MAX_ATTEMPTS = 5;
/** A day claimed this long ago and not yet sent is queued again by the next scan. */
const STALE_CLAIM_MS = 15 * 60_000;

export interface DigestDeps {
  companies: CompaniesService;
  users: UsersService;
  calls: CallsService;
  bookings: BookingsService;
  messages: MessagesService;
  leads: LeadsService;
  phoneNumbers: PhoneNumbersService;
  config: Pick<Config, 'publicUrl' | 'digestLocalHour' | 'twilioAccountSid' | 'twilioAuthToken' | 'twilioApiBaseUrl'>;
  /** Undefined when no SMTP server is configured: no email is sent. */
  mailer: Mailer | undefined;
  now: () => Date;
}

/**
 * The daily digest: once a company's local time has passed DIGEST_LOCAL_HOUR, the day's digest
 * row is claimed (a primary key on company and local day, so one process wins however many
 * scan), then each opted-in owner's email and text is claimed as a delivery before it is sent.
 * A failed send fails the job, which is retried; a retry sends only what failed.
 */
export function createDigestService(db: Db, deps: DigestDeps) {
  const { companies, config, now } = deps;

  async function figuresFor(companyId: string, day: string, timeZone: string): Promise<DigestFigures> {
    const start = DateTime.fromISO(day, { zone: timeZone }).startOf('day');
    const span = { from: start.minus({ days: 1 }).toJSDate(), to: start.toJSDate() };
    const [summary] = await deps.calls.summarize(companyId, [span]);
    const made = await deps.bookings.madeIn(companyId, span);
    return {
      companyName: (await companies.get(companyId)).name,
      day: start.minus({ days: 1 }).toISODate()!,
      calls: summary!.outcomes.reduce((n, o) => n + o.count, 0),
      bookings: made.count,
      value: made.value,
      emergencies: summary!.emergencies,
      messagesToReturn: (await deps.messages.countWaiting(companyId)).waiting,
      unbookedLeads: await deps.leads.countUnbooked(companyId, span),
      dashboardUrl: `${config.publicUrl}/companies/${companyId}/overview`,
    };
  }

  /** How each channel goes out for this company, or why it cannot. */
  async function senders(companyId: string, figures: DigestFigures) {
    const twilio = config.twilioAccountSid && config.twilioAuthToken ? { baseUrl: config.twilioApiBaseUrl, accountSid: config.twilioAccountSid, authToken: config.twilioAuthToken } : undefined;
    const from = twilio ? (await deps.phoneNumbers.list(companyId, { limit: 1, offset: 0 })).items[0]?.number : undefined;
    const mailer = deps.mailer;
    const email = digestEmail(figures);
    return {
      email: mailer ? (to: string) => mailer.send({ to, ...email }) : undefined,
      sms: twilio && from ? (to: string) => sendSms(twilio, { from, to, body: digestSms(figures) }) : undefined,
    };
  }

  return {
    /** Companies whose digest for today is due (claimed now, or claimed and not yet all sent). */
    async scan(): Promise<{ companyId: string; day: string }[]> {
      const due: { companyId: string; day: string }[] = [];
      for (const companyId of await companies.listIds()) {
        if ((await companies.statusOf(companyId)) !== 'active') continue;
        const local = DateTime.fromJSDate(now(), { zone: await companies.timeZoneOf(companyId) });
        if (local.hour < config.digestLocalHour) continue;
        const day = local.toISODate()!;
        const isDue = await withTenant(db, companyId, async (tx) => {
          const existing = await repo.findDay(tx, companyId, day);
          // Claimed by a process that has not finished it (its job failed for good, or it died before queueing): queued again.
          if (existing) return existing.sent_at === null && existing.claimed_at.getTime() < now().getTime() - STALE_CLAIM_MS;
          if ((await repo.activeSubscriptions(tx, companyId)).length === 0) return false;
          return repo.claimDay(tx, companyId, day, now());
        });
        if (isDue) due.push({ companyId, day });
      }
      return due;
    },

    /** Sends the claimed digest of `day` to every opted-in owner; throws (to be retried) when a send failed. */
    async send(companyId: string, day: string): Promise<{ sent: number; skipped: string[] }> {
      const digest = await withTenant(db, companyId, (tx) => repo.findDay(tx, companyId, day));
      if (!digest) return { sent: 0, skipped: ['no digest claimed for the day'] };
      if (digest.sent_at) return { sent: 0, skipped: ['already sent'] };
      const subscriptions = await withTenant(db, companyId, (tx) => repo.activeSubscriptions(tx, companyId));
      const owners = new Map((await deps.users.list(companyId, { limit: 200, offset: 0 })).items.filter((u) => u.role === 'owner' && !u.disabled).map((u) => [u.id, u.email]));
      const send = await senders(companyId, await figuresFor(companyId, day, await companies.timeZoneOf(companyId)));
      const skipped: string[] = [];
      const failed: string[] = [];
      let sent = 0;
      for (const sub of subscriptions) {
        const email = owners.get(sub.user_id);
        if (!email) continue;
        const wanted: [DigestChannel, string | null][] = [['email', sub.by_email ? email : null], ['sms', sub.by_sms ? sub.sms_number : null]];
        for (const [channel, to] of wanted) {
          if (!to) continue;
          const deliver = send[channel];
          if (!deliver) {
            skipped.push(channel === 'email' ? 'email: no SMTP server configured' : 'sms: no Twilio account or company number');
            continue;
          }
          if (!(await withTenant(db, companyId, (tx) => repo.claimDelivery(tx, companyId, day, sub.user_id, channel, MAX_ATTEMPTS)))) continue;
          try {
            await deliver(to);
            sent += 1;
            await withTenant(db, companyId, (tx) => repo.settleDelivery(tx, companyId, day, sub.user_id, channel, { status: 'sent' }));
          } catch (err) {
            const error = failureOf(err);
            failed.push(`${channel}: ${error}`);
            await withTenant(db, companyId, (tx) => repo.settleDelivery(tx, companyId, day, sub.user_id, channel, { status: 'failed', error }));
          }
        }
      }
      if (failed.length > 0) throw new Error(`The digest of ${day} could not be sent to everyone (${failed.length} failed): ${failed.join('; ')}`);
      await withTenant(db, companyId, (tx) => repo.markDaySent(tx, companyId, day, now()));
      return { sent, skipped: [...new Set(skipped)] };
    },
  };
}

export type DigestService = ReturnType<typeof createDigestService>;
