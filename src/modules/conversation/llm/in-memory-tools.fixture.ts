import type { AgentProfile, AgentTools, BookingSummary, CallInfo, SlotOffer, TurnInput } from '../types.ts';
import { initialState } from '../types.ts';

/**
 * For unit tests of the engine's loop only: a company and an in-memory AgentTools that keeps
 * bookings the way the real adapter promises (holds idempotent by key, confirm only a hold).
 * Tests through the real adapter and database live in the .db suites.
 */
export const NOW = new Date('2026-06-01T14:00:00Z'); // Monday 09:00 in Chicago
export const SERVICE_ID = 'svc-leak';

export function testProfile(overrides: Partial<AgentProfile> = {}): AgentProfile {
  const day = [{ start: '08:00', end: '17:00' }];
  return {
    companyId: 'company-1', companyName: 'Rapid Rooter', timeZone: 'America/Chicago', agentName: 'Alex',
    greeting: 'Thanks for calling Rapid Rooter.', instructions: 'Always mention our 90-day warranty.', tone: 'friendly',
    businessDescription: 'Family plumbing company in Chicago.', language: 'en-US',
    collectBeforeBooking: ['name', 'phone', 'address', 'zip'],
    transferNumbers: { main: '+13125550100', emergencyOnCall: '+13125550199' },
    transferWhen: { callerAsksForPerson: true, emergency: true, afterMisunderstandings: 0 },
    afterHours: 'take_message', isOpenNow: true, maxCallSeconds: 600,
    services: [{ id: SERVICE_ID, name: 'Leak repair', description: 'Fix leaking pipes and fixtures.', priceText: '$149 to $249', durationMinutes: 60, emergency: false }],
    openHours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day },
    onCallSurchargeNote: null,
    facts: { holidays: [], shortDays: [], serviceArea: [], arrivalWindows: [] },
    ...overrides,
  };
}

export const testCall = (callerNumber: string | null = '+13125550123'): CallInfo => ({ id: 'call-1', callSid: 'CA0001', callerNumber, channel: 'phone', startedAt: NOW });

export function turnInput(text: string | null, seq: number, state = initialState(), profile = testProfile()): TurnInput {
  return { profile, call: testCall(), state, utterance: text === null ? null : { text, confidence: 0.9 }, seq, now: NOW };
}

const SLOTS: SlotOffer[] = [
  { start: '2026-06-02T13:00:00-05:00', localDate: '2026-06-02', localStartTime: '13:00', arrivalWindow: { start: '12:00', end: '16:00' } },
  { start: '2026-06-02T15:00:00-05:00', localDate: '2026-06-02', localStartTime: '15:00' },
];

export interface MemoryTools extends AgentTools {
  bookings: Map<string, BookingSummary & { key: string; phone: string }>;
  messages: Array<{ name: string; callbackNumber: string; body: string; urgent: boolean; key: string }>;
  calls: Array<{ tool: string; args: unknown }>;
  unanswered: string[];
}

export function memoryTools(): MemoryTools {
  const bookings: MemoryTools['bookings'] = new Map();
  const messages: MemoryTools['messages'] = [];
  const calls: MemoryTools['calls'] = [];
  const unanswered: string[] = [];
  const log = (tool: string, args: unknown) => calls.push({ tool, args });
  const summary = ({ key: _k, phone: _p, ...b }: BookingSummary & { key: string; phone: string }): BookingSummary => ({ ...b });
  return {
    bookings, messages, calls, unanswered,
    async searchKnowledge(question) {
      log('searchKnowledge', question);
      return /warranty/i.test(question)
        ? { answerable: true, answer: 'Every repair has a 90-day warranty.', question: 'Do you offer a warranty?', score: 0.9 }
        : { answerable: false, answer: null, question: null, score: 0.1 };
    },
    async detectEmergency(text) {
      log('detectEmergency', text);
      return /gas/i.test(text) ? { key: 'gas_leak', name: 'Gas leak', instruction: 'Leave the house now and call the gas company from outside.' } : null;
    },
    async recordUnanswered(question) { unanswered.push(question); },
    async findSlots(query) {
      log('findSlots', query);
      return query.zip === '99999' ? { ok: false, code: 'OUT_OF_SERVICE_AREA', message: 'We do not serve that ZIP code.' } : { ok: true, slots: SLOTS };
    },
    async holdSlot(request) {
      log('holdSlot', request);
      const existing = [...bookings.values()].find((b) => b.key === request.key);
      if (existing) return { ok: true, booking: summary(existing) };
      const slot = SLOTS.find((s) => s.start === request.start);
      if (!slot) return { ok: false, code: 'SLOT_TAKEN', message: 'That time was just taken.', alternatives: SLOTS };
      const id = `booking-${bookings.size + 1}`;
      bookings.set(id, {
        id, status: 'held', serviceId: request.serviceId, serviceName: 'Leak repair', start: slot.start, localDate: slot.localDate, localStartTime: slot.localStartTime,
        arrivalWindow: slot.arrivalWindow ?? null, surchargeNote: null, customerName: request.name, address: request.address ?? null, key: request.key, phone: request.phone,
      });
      return { ok: true, booking: summary(bookings.get(id)!) };
    },
    async confirmBooking(id) {
      log('confirmBooking', id);
      const b = bookings.get(id);
      if (!b || (b.status !== 'held' && b.status !== 'confirmed')) return { ok: false, code: 'HOLD_EXPIRED', message: 'The hold has expired.' };
      b.status = 'confirmed';
      return { ok: true, booking: summary(b) };
    },
    async findCallerBookings(phone) {
      log('findCallerBookings', phone);
      return [...bookings.values()].filter((b) => b.phone === phone && (b.status === 'held' || b.status === 'confirmed')).map(summary);
    },
    async cancelBooking(id, reason) {
      log('cancelBooking', { id, reason });
      const b = bookings.get(id);
      if (!b) return { ok: false, code: 'NOT_FOUND', message: 'No such booking.' };
      b.status = 'cancelled';
      return { ok: true, booking: summary(b) };
    },
    async rescheduleBooking(id, start) {
      log('rescheduleBooking', { id, start });
      const b = bookings.get(id);
      const slot = SLOTS.find((s) => s.start === start);
      if (!b || !slot) return { ok: false, code: 'SLOT_TAKEN', message: 'That time is taken.', alternatives: SLOTS };
      Object.assign(b, { start: slot.start, localDate: slot.localDate, localStartTime: slot.localStartTime, arrivalWindow: slot.arrivalWindow ?? null });
      return { ok: true, booking: summary(b) };
    },
    async takeMessage(message) {
      log('takeMessage', message);
      const existing = messages.findIndex((m) => m.key === message.key);
      if (existing >= 0) return { id: `message-${existing + 1}` };
      messages.push(message);
      return { id: `message-${messages.length}` };
    },
  };
}

export const SLOT_STARTS = SLOTS.map((s) => s.start);
