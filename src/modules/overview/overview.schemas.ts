import { Type } from 'typebox';
import { DateTime, Nullable, Uuid } from '../../http/common-schemas.ts';

const Count = Type.Integer({ minimum: 0 });

/** Calls started in [from, to): the company-local day, or the week from Monday. */
const Period = Type.Object({
  from: DateTime,
  to: DateTime,
  calls: Count,
  outcomes: Type.Object({
    booked: Count,
    answered: Count,
    message: Count,
    transferred: Count,
    emergency: Count,
    abandoned: Count,
    inProgress: Type.Integer({ minimum: 0, description: 'Calls with no outcome yet' }),
  }),
  emergencies: Type.Integer({ minimum: 0, description: 'Calls where the caller reported an emergency, whatever they became' }),
  bookingsMade: Type.Integer({ minimum: 0, description: 'Bookings the agent made on these calls' }),
});

const NextBooking = Type.Object({
  id: Uuid,
  start: Type.String(),
  end: Type.String(),
  label: Type.String(),
  customerName: Type.String(),
  serviceName: Type.String(),
  technicianName: Type.String(),
  emergency: Type.Boolean(),
  callId: Nullable(Uuid),
});

export const Overview = Type.Object({
  timeZone: Type.String(),
  today: Period,
  week: Period,
  messagesWaiting: Count,
  urgentMessagesWaiting: Count,
  unansweredQuestions: Type.Integer({ minimum: 0, description: 'Groups of questions the agent could not answer' }),
  nextBookings: Type.Array(NextBooking, { description: 'The next confirmed visits, soonest first' }),
});
