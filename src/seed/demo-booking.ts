import type { Actor } from '../modules/auth/principal.ts';
import type { BookingSettingsInput, ServiceInput, TechnicianInput } from '../modules/booking/settings.schemas.ts';
import type { Services } from '../services.ts';

/**
 * Booking configurations of the demo companies: real-looking hours, services with prices a
 * caller would hear, technicians with skills and areas, and on-call rules, so availability
 * answers as soon as the platform starts.
 */
type Hours = NonNullable<BookingSettingsInput['weeklyHours']>;
type DemoService = ServiceInput & { name: string; durationMinutes: number; onCall?: true };

interface DemoBooking {
  settings: Omit<BookingSettingsInput, 'onCall'>;
  onCall: { weeklyHours: Hours; surchargeNote: string };
  services: DemoService[];
  technicians: (TechnicianInput & { name: string })[];
}

const weekdays = (ranges: { start: string; end: string }[]): Hours =>
  Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, ranges]));

/** Every night, plus the weekend daytime the office is closed. */
const nightsAndWeekends = (weekdayClose: string, saturdayClose: string): Hours => {
  const night = { start: weekdayClose, end: '07:00' };
  return { ...weekdays([night]), saturday: [{ start: saturdayClose, end: weekdayClose }, night], sunday: [{ start: '07:00', end: weekdayClose }, night] };
};

const holidays = [
  { date: '2026-11-26', name: 'Thanksgiving Day' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2027-01-01', name: "New Year's Day" },
  { date: '2027-05-31', name: 'Memorial Day' },
  { date: '2027-07-05', name: 'Independence Day (observed)' },
  { date: '2027-09-06', name: 'Labor Day' },
];

export const DEMO_BOOKING: Record<string, DemoBooking> = {
  'rapid-rooter-plumbing': {
    settings: {
      weeklyHours: { ...weekdays([{ start: '07:00', end: '18:00' }]), saturday: [{ start: '08:00', end: '14:00' }] },
      overrides: [{ date: '2026-12-24', ranges: [{ start: '08:00', end: '12:00' }] }, { date: '2026-12-31', ranges: [{ start: '07:00', end: '14:00' }] }],
      holidays,
      serviceArea: ['60601', '60602', '60603', '60604', '60605', '60606', '60607', '60608', '60610', '60611', '60612', '60613', '60614', '60616', '60618', '60622', '60625', '60640', '60647', '60657'],
      minNoticeMinutes: 120,
      horizonDays: 30,
      maxJobsPerTechnicianPerDay: 6,
      holdMinutes: 5,
      smsConfirmations: true,
    },
    onCall: { weeklyHours: nightsAndWeekends('18:00', '14:00'), surchargeNote: 'After-hours emergency visits carry a $150 surcharge on top of the regular price.' },
    services: [
      { name: 'Drain cleaning', durationMinutes: 60, priceText: '$149 to $249', requiredSkills: ['drains'], bufferAfterMinutes: 15, description: 'Clogged sinks, tubs, toilets and main lines.' },
      { name: 'Leak repair', durationMinutes: 90, priceText: '$175 to $350', requiredSkills: ['plumbing'], bufferAfterMinutes: 15, description: 'Leaking pipes, faucets, valves and fixtures.', onCall: true },
      { name: 'Water heater repair', durationMinutes: 120, priceText: '$200 to $450', requiredSkills: ['water_heaters'], bufferAfterMinutes: 30, description: 'No hot water, pilot or thermostat trouble, leaking tank.' },
      { name: 'Water heater replacement', durationMinutes: 240, priceText: '$1,400 to $2,600 installed', requiredSkills: ['water_heaters'], bufferBeforeMinutes: 30, slotIntervalMinutes: 60, description: '40 or 50 gallon gas or electric tank, haul-away included.' },
      { name: 'Emergency: burst pipe or flooding', durationMinutes: 120, priceText: '$295 call-out plus parts', requiredSkills: ['plumbing'], emergency: true, description: 'Water that will not stop. Shut the main valve first.', onCall: true },
    ],
    technicians: [
      { name: 'Mike Kowalski', phone: '+1 312 555 0151', skills: ['plumbing', 'drains', 'water_heaters'] },
      { name: 'Sarah Chen', phone: '+1 312 555 0152', skills: ['plumbing', 'drains'], zips: ['60610', '60611', '60613', '60614', '60618', '60625', '60640', '60647', '60657'] },
      {
        name: 'Luis Ortega', phone: '+1 312 555 0153', skills: ['plumbing', 'water_heaters'],
        weeklyHours: { tuesday: [{ start: '07:00', end: '18:00' }], wednesday: [{ start: '07:00', end: '18:00' }], thursday: [{ start: '07:00', end: '18:00' }], friday: [{ start: '07:00', end: '18:00' }], saturday: [{ start: '08:00', end: '14:00' }] },
      },
    ],
  },
  'polar-air-hvac': {
    settings: {
      weeklyHours: { ...weekdays([{ start: '08:00', end: '17:00' }]), saturday: [{ start: '09:00', end: '13:00' }] },
      holidays,
      serviceArea: ['80202', '80203', '80204', '80205', '80206', '80207', '80209', '80210', '80211', '80212', '80218', '80219', '80220', '80223', '80226', '80231', '80237', '80246'],
      minNoticeMinutes: 180,
      horizonDays: 30,
      maxJobsPerTechnicianPerDay: 5,
      arrivalWindows: [{ start: '08:00', end: '12:00', capacity: 3 }, { start: '12:00', end: '16:00', capacity: 3 }],
      holdMinutes: 5,
    },
    onCall: { weeklyHours: nightsAndWeekends('17:00', '13:00'), surchargeNote: 'Emergency visits outside business hours add a $125 surcharge.' },
    services: [
      { name: 'AC tune-up', durationMinutes: 60, priceText: '$89', requiredSkills: ['cooling'], description: 'Seasonal cooling check and cleaning.' },
      { name: 'Furnace tune-up', durationMinutes: 60, priceText: '$89', requiredSkills: ['heating'], description: 'Seasonal heating safety check and cleaning.' },
      { name: 'AC repair', durationMinutes: 90, priceText: '$99 diagnostic; repairs quoted on site', requiredSkills: ['cooling'], bufferAfterMinutes: 15 },
      { name: 'Furnace repair', durationMinutes: 90, priceText: '$99 diagnostic; repairs quoted on site', requiredSkills: ['heating'], bufferAfterMinutes: 15 },
      { name: 'No heat emergency', durationMinutes: 120, priceText: '$189 emergency call-out', requiredSkills: ['heating'], emergency: true, onCall: true },
      { name: 'New system estimate', durationMinutes: 60, priceText: 'Free', requiredSkills: ['sales'] },
    ],
    technicians: [
      { name: 'Jenna Park', phone: '+1 303 555 0161', skills: ['cooling', 'heating'] },
      { name: 'Omar Haddad', phone: '+1 303 555 0162', skills: ['heating', 'cooling'] },
      { name: 'Ben Carter', phone: '+1 303 555 0163', skills: ['sales', 'cooling'], zips: ['80202', '80203', '80205', '80206', '80209', '80210', '80218', '80220'] },
    ],
  },
};

/** Writes one demo company's booking configuration through the booking service, as its owner would. */
export async function seedDemoBooking(services: Services, actor: Actor, companyId: string, slug: string): Promise<void> {
  const demo = DEMO_BOOKING[slug];
  if (!demo) return;
  const onCallServiceIds: string[] = [];
  for (const { onCall, ...service } of demo.services) {
    const created = await services.bookingConfig.createService(actor, companyId, service);
    if (onCall) onCallServiceIds.push(created.id);
  }
  for (const technician of demo.technicians) await services.bookingConfig.createTechnician(actor, companyId, technician);
  await services.bookingConfig.putSettings(actor, companyId, { ...demo.settings, onCall: { ...demo.onCall, serviceIds: onCallServiceIds } });
}
