/** The daily digest's words, for a text message and an email. Pure. */

export interface DigestFigures {
  companyName: string;
  /** The company-local day reported (yesterday), YYYY-MM-DD. */
  day: string;
  calls: number;
  bookings: number;
  value: { low: number; high: number; unpriced: number };
  emergencies: number;
  /** Messages not yet handled (whenever they came in). */
  messagesToReturn: number;
  unbookedLeads: number;
  dashboardUrl: string;
}

const dollars = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function valueText(v: DigestFigures['value']): string {
  if (v.low === 0 && v.high === 0) return v.unpriced > 0 ? 'not priced' : '$0';
  const range = v.low === v.high ? dollars(v.low) : `${dollars(v.low)}–${dollars(v.high)}`;
  return v.unpriced > 0 ? `${range} (+${plural(v.unpriced, 'job')} unpriced)` : range;
}

/** "Tue, Dec 1" for 2026-12-01. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function lines(f: DigestFigures): string[] {
  return [
    `Calls: ${f.calls}`,
    `Bookings: ${f.bookings} (value ${valueText(f.value)})`,
    `Emergencies: ${f.emergencies}`,
    `Unbooked leads: ${f.unbookedLeads}`,
    `Messages to return: ${f.messagesToReturn}`,
  ];
}

export function digestSms(f: DigestFigures): string {
  return [`${f.companyName}, ${dayLabel(f.day)}:`, ...lines(f), f.dashboardUrl].join('\n');
}

export function digestEmail(f: DigestFigures): { subject: string; text: string } {
  return {
    subject: `${f.companyName}: your day on ${dayLabel(f.day)}`,
    text: [`Good morning. Here is ${f.companyName}'s ${dayLabel(f.day)}:`, '', ...lines(f), '', `Open the dashboard: ${f.dashboardUrl}`, '', 'You get this email because you turned on the daily digest in your account settings.'].join('\n'),
  };
}
