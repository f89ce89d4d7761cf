import type { BookingsService } from '../booking/bookings.service.ts';
import type { CallsService } from '../calls/calls.service.ts';
import type { MessagesService } from '../calls/messages.service.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import type { KnowledgeService } from '../knowledge/knowledge.service.ts';
import { companyPeriods, type Span } from '../../time/company-days.ts';

const OUTCOMES = ['booked', 'answered', 'message', 'transferred', 'emergency', 'abandoned'] as const;
const NEXT_BOOKINGS = 5;

type Summary = Awaited<ReturnType<CallsService['summarize']>>[number];

function periodOf(span: Span, s: Summary) {
  const outcomes = { booked: 0, answered: 0, message: 0, transferred: 0, emergency: 0, abandoned: 0, inProgress: 0 };
  for (const { outcome, count } of s.outcomes) {
    if (outcome && (OUTCOMES as readonly string[]).includes(outcome)) outcomes[outcome] += count;
    else outcomes.inProgress += count;
  }
  const calls = s.outcomes.reduce((n, o) => n + o.count, 0);
  return { ...span, calls, outcomes, emergencies: s.emergencies, bookingsMade: s.bookings };
}

/**
 * The company's day at a glance: today's and this week's calls (company-local), what waits for
 * a person, the next visits. Read through each module's service.
 */
export function createOverviewService(deps: { companies: CompaniesService; calls: CallsService; messages: MessagesService; knowledge: KnowledgeService; bookings: BookingsService }) {
  return {
    async get(companyId: string, now: Date) {
      const timeZone = await deps.companies.timeZoneOf(companyId);
      const { today, week } = companyPeriods(now, timeZone);
      const [todays, weeks] = await deps.calls.summarize(companyId, [today, week]);
      const waiting = await deps.messages.countWaiting(companyId);
      const unansweredQuestions = await deps.knowledge.countUnanswered(companyId);
      const next = await deps.bookings.list(companyId, { from: now, status: 'confirmed' }, { limit: NEXT_BOOKINGS, offset: 0 });
      return {
        timeZone,
        today: periodOf(today, todays!),
        week: periodOf(week, weeks!),
        messagesWaiting: waiting.waiting,
        urgentMessagesWaiting: waiting.urgent,
        unansweredQuestions,
        nextBookings: next.items.map((b) => ({
          id: b.id, start: b.start, end: b.end, label: b.label, customerName: b.customerName, serviceName: b.serviceName, technicianName: b.technicianName, emergency: b.emergency, callId: b.callId,
        })),
      };
    },
  };
}

export type OverviewService = ReturnType<typeof createOverviewService>;
