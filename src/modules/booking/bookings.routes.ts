import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, dateOrUndefined, errorResponses, Page, pageOf } from '../../http/common-schemas.ts';
import { principalOf } from '../../plugins/access.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import {
  Availability, AvailabilityQuery, Booking, BookingParams, CancelBody, CreateBookingBody, IdempotencyHeaders, ListBookingsQuery, RescheduleBody,
} from './bookings.schemas.ts';

const tags = ['booking'];
const sourceOf = (p: Principal) => (p.kind === 'api_token' ? 'api' : 'dashboard');

export const availabilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const bookings = app.ctx.services.bookings;
  app.get('/', {
    schema: { tags, summary: 'Bookable slots for a service at a zip, soonest first', params: CompanyParams, querystring: AvailabilityQuery, response: { 200: Availability, ...errorResponses } },
  }, async (req) => bookings.availability(req.params.companyId, req.query));
};

// Staff and API tokens may use every booking route (the access defaults).
export const bookingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const bookings = app.ctx.services.bookings;

  app.get('/', {
    schema: { tags, summary: 'List bookings by start time, filtered by time range, technician, contact or status', params: CompanyParams, querystring: ListBookingsQuery, response: { 200: Page(Booking), ...errorResponses } },
  }, async (req) => {
    const { from, to, technicianId, contactId, status } = req.query;
    return bookings.list(req.params.companyId, { from: dateOrUndefined(from), to: dateOrUndefined(to), technicianId, contactId, status }, pageOf(req.query));
  });

  app.post('/', {
    schema: {
      tags,
      summary: 'Book (or hold) an offered slot; the slot is re-checked as it is written',
      description: 'Send an Idempotency-Key header: a retry with the same key returns the same booking (Idempotent-Replayed: true) and writes nothing. A slot taken meanwhile answers 409 SLOT_TAKEN with details.alternatives.',
      params: CompanyParams,
      headers: IdempotencyHeaders,
      body: CreateBookingBody,
      response: { 201: Booking, ...errorResponses },
    },
  }, async (req, reply) => {
    const principal = principalOf(req);
    const { booking, replayed } = await bookings.create(actorOf(principal), req.params.companyId, req.body, {
      idempotencyKey: req.headers['idempotency-key'],
      source: sourceOf(principal),
    });
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send(booking);
  });

  app.get('/:bookingId', {
    schema: { tags, summary: 'Read a booking', params: BookingParams, response: { 200: Booking, ...errorResponses } },
  }, async (req) => bookings.get(req.params.companyId, req.params.bookingId));

  app.post('/:bookingId/confirm', {
    schema: { tags, summary: 'Confirm a held slot while the hold lasts', params: BookingParams, response: { 200: Booking, ...errorResponses } },
  }, async (req) => bookings.confirm(actorOf(principalOf(req)), req.params.companyId, req.params.bookingId));

  app.post('/:bookingId/reschedule', {
    schema: { tags, summary: 'Move a booking to another offered slot', params: BookingParams, body: RescheduleBody, response: { 200: Booking, ...errorResponses } },
  }, async (req) => bookings.reschedule(actorOf(principalOf(req)), req.params.companyId, req.params.bookingId, req.body));

  app.post('/:bookingId/cancel', {
    schema: { tags, summary: 'Cancel a booking and free its slot', params: BookingParams, body: CancelBody, response: { 200: Booking, ...errorResponses } },
  }, async (req) => bookings.cancel(actorOf(principalOf(req)), req.params.companyId, req.params.bookingId, req.body ?? {}));
};
