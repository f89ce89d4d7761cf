import type { Config } from '../../config.ts';
import { bookingConfirmationText } from '../../modules/sms/booking-confirmation.ts';
import { sendSms } from '../../modules/sms/twilio-sms.ts';
import type { Services } from '../../services.ts';

export { BOOKING_SMS_JOB } from '../../modules/sms/sms-jobs.ts';

export interface BookingSmsData {
  companyId: string;
  bookingId: string;
}

type Deps = Pick<Services, 'bookingConfig' | 'bookings' | 'companies' | 'phoneNumbers'>;

/**
 * Texts the caller a confirmation of a booking the agent made, when the company has SMS
 * confirmations on and the platform has a Twilio account. Sent from the company's first
 * number. Sent as a job, once per booking (the sender uses the booking id as singleton key),
 * so a slow SMS never holds up the call.
 */
export function sendBookingSms(services: Deps, config: Pick<Config, 'twilioAccountSid' | 'twilioAuthToken' | 'twilioApiBaseUrl'>) {
  return async ({ companyId, bookingId }: BookingSmsData): Promise<{ sid?: string; skipped?: string }> => {
    if (!config.twilioAccountSid || !config.twilioAuthToken) return { skipped: 'no Twilio account configured' };
    if (!(await services.bookingConfig.getSettings(companyId)).smsConfirmations) return { skipped: 'SMS confirmations are off' };
    const booking = await services.bookings.get(companyId, bookingId);
    if (booking.status !== 'confirmed' || !booking.customerPhone) return { skipped: `booking is ${booking.status}` };
    const from = (await services.phoneNumbers.list(companyId, { limit: 1, offset: 0 })).items[0]?.number;
    if (!from) return { skipped: 'the company has no phone number' };
    const company = await services.companies.get(companyId);
    const body = bookingConfirmationText({ companyName: company.name, serviceName: booking.serviceName, label: booking.label, address: booking.address, companyPhone: from });
    const { sid } = await sendSms({ baseUrl: config.twilioApiBaseUrl, accountSid: config.twilioAccountSid, authToken: config.twilioAuthToken }, { from, to: booking.customerPhone, body });
    return { sid };
  };
}
