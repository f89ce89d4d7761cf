import { Type } from 'typebox';
import { DateTime, InstantInput, Nullable, PageQuery, Uuid } from '../../http/common-schemas.ts';
import { Zip } from './settings.schemas.ts';

const LocalInstant = Type.String({ description: 'ISO 8601 instant written in company-local time with its offset', examples: ['2026-03-19T14:00:00-05:00'] });

export const Slot = Type.Object({
  start: LocalInstant,
  end: LocalInstant,
  localDate: Type.String(),
  localStartTime: Type.String(),
  localEndTime: Type.String(),
  label: Type.String({ description: "Spoken form, e.g. 'Thursday, March 19 at 2:00 PM CDT'" }),
  arrivalWindow: Type.Optional(Type.Object({ start: Type.String(), end: Type.String(), remaining: Type.Integer() })),
  onCall: Type.Optional(Type.Object({ surchargeNote: Type.String() })),
  technicianIds: Type.Array(Uuid),
});

export const AvailabilityQuery = Type.Object(
  {
    serviceId: Uuid,
    zip: Zip,
    from: Type.Optional(InstantInput({ description: 'Default: now' })),
    to: Type.Optional(InstantInput({ description: 'Default: from + 7 days; at most 31 days after from' })),
    technicianId: Type.Optional(Uuid),
    emergency: Type.Optional(Type.Boolean({ description: 'Include on-call hours for services allowed then' })),
  },
  { additionalProperties: false },
);

export const Availability = Type.Object({ timeZone: Type.String(), serviceId: Uuid, zip: Type.String(), slots: Type.Array(Slot) });

export const BookingStatus = Type.Union([Type.Literal('held'), Type.Literal('confirmed'), Type.Literal('cancelled'), Type.Literal('expired'), Type.Literal('completed')]);

export const Booking = Type.Object({
  id: Uuid,
  status: BookingStatus,
  serviceId: Uuid,
  serviceName: Type.String(),
  technicianId: Uuid,
  technicianName: Type.String(),
  contactId: Nullable(Uuid),
  customerName: Type.String(),
  customerPhone: Nullable(Type.String()),
  callId: Nullable(Uuid),
  start: LocalInstant,
  end: LocalInstant,
  localDate: Type.String(),
  localStartTime: Type.String(),
  localEndTime: Type.String(),
  label: Type.String(),
  arrivalWindow: Nullable(Type.Object({ start: Type.String(), end: Type.String() })),
  zip: Type.String(),
  address: Nullable(Type.String()),
  notes: Type.String(),
  emergency: Type.Boolean(),
  surchargeNote: Nullable(Type.String()),
  source: Type.Union([Type.Literal('api'), Type.Literal('dashboard'), Type.Literal('phone')]),
  holdExpiresAt: Nullable(DateTime),
  confirmedAt: Nullable(DateTime),
  cancelledAt: Nullable(DateTime),
  cancelReason: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const CreateBookingBody = Type.Object(
  {
    serviceId: Uuid,
    start: InstantInput({ description: 'The start of an offered slot (for an arrival window, its start)' }),
    zip: Zip,
    contact: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), phone: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
    technicianId: Type.Optional(Uuid),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    notes: Type.Optional(Type.String({ maxLength: 5000 })),
    hold: Type.Optional(Type.Boolean({ description: "Hold the slot for the company's hold time; confirm it with POST …/confirm" })),
    emergency: Type.Optional(Type.Boolean()),
    callId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Retrying with the same key returns the same booking and writes nothing new' })),
});

export const ListBookingsQuery = Type.Object(
  {
    ...PageQuery,
    from: Type.Optional(InstantInput()),
    to: Type.Optional(InstantInput()),
    technicianId: Type.Optional(Uuid),
    contactId: Type.Optional(Uuid),
    status: Type.Optional(BookingStatus),
  },
  { additionalProperties: false },
);

export const BookingParams = Type.Object({ companyId: Uuid, bookingId: Uuid });
export const RescheduleBody = Type.Object(
  { start: InstantInput(), technicianId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const CancelBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
