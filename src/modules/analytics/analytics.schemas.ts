import { Type } from 'typebox';
import { Nullable } from '../../http/common-schemas.ts';

const Count = Type.Integer({ minimum: 0 });
const LocalDateParam = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', examples: ['2026-11-30'], description: 'A company-local date (YYYY-MM-DD)' });

export const AnalyticsQuery = Type.Object({
  from: LocalDateParam,
  to: { ...LocalDateParam, description: 'The last company-local date of the range (inclusive); at most 366 days after from' },
});

const Range = Type.Object({ from: Type.String(), to: Type.String(), days: Count });
const Ranked = Type.Array(Type.Object({ question: Type.String(), count: Count }));

const Period = Type.Object({
  calls: Count,
  outcomes: Type.Object({ booked: Count, answered: Count, message: Count, transferred: Count, emergency: Count, abandoned: Count, inProgress: Count }),
  channels: Type.Object({ phone: Count, web: Count, widget: Count }),
  answered: Type.Integer({ minimum: 0, description: 'Calls that reached an outcome other than abandoned' }),
  abandoned: Type.Integer({ minimum: 0, description: 'Calls the caller left before anything was reached (or that never connected)' }),
  inProgress: Count,
  afterHours: Type.Integer({ minimum: 0, description: "Calls that started outside the company's hours as configured (weekly hours, date overrides, holidays)" }),
  afterHoursShare: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  leads: Type.Integer({ minimum: 0, description: "Calls with intent to hire, by the rule the leads list uses: on the phone or the widget, the caller answered the agent, and a booking attempt (a booking, a service named, a booking step reached), an emergency, or a message with the problem described" }),
  bookingRate: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Leads with a booking that stands, divided by leads' })),
  bookings: Type.Object({
    booked: Type.Integer({ minimum: 0, description: 'Bookings the agent made on these calls that stand (confirmed or completed)' }),
    cancelled: Type.Integer({ minimum: 0, description: 'Bookings the agent made on these calls, cancelled since (not in the value)' }),
    afterHours: Type.Integer({ minimum: 0, description: 'Standing bookings made on after-hours calls' }),
    valueLow: Type.Number({ minimum: 0, description: "Sum of the low end of each booked service's price, as its price text reads today" }),
    valueHigh: Type.Number({ minimum: 0 }),
    unpriced: Type.Integer({ minimum: 0, description: 'Standing bookings whose service has no amount in its price text' }),
  }),
  emergencies: Type.Object({
    total: Count,
    booked: Count,
    transferred: Count,
    message: Count,
    other: Type.Integer({ minimum: 0, description: 'Ended with the safety instruction and nothing more' }),
  }),
  transfers: Type.Integer({ minimum: 0, description: 'Calls handed to a person' }),
  messages: Type.Integer({ minimum: 0, description: 'Messages taken on these calls' }),
  averageCallSeconds: Nullable(Type.Integer({ minimum: 0 })),
  heatmap: Type.Array(Type.Array(Count), { description: 'Calls by company-local weekday (0 = Monday) and hour started (0-23)' }),
  topQuestions: Ranked,
  knowledgeGaps: { ...Ranked, description: 'Questions the agent could not answer from its knowledge, most asked first' },
});

const Day = Type.Object({
  date: Type.String(),
  calls: Count,
  leads: Count,
  bookings: Count,
  turns: Type.Integer({ minimum: 0, description: "The caller's turns (the greeting aside)" }),
  engineP50: Nullable(Type.Integer()),
  engineP95: Nullable(Type.Integer()),
  speechP50: Nullable(Type.Integer()),
  speechP95: Nullable(Type.Integer()),
});

export const Analytics = Type.Object({
  timeZone: Type.String(),
  range: Range,
  previousRange: Range,
  current: Period,
  previous: Period,
  daily: Type.Array(Day, { description: 'Per company-local day of the range; latency in ms (nearest rank)' }),
});
