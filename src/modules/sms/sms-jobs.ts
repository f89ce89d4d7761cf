/** The booking confirmation SMS job's queue name; its handler lives in src/jobs/handlers/send-booking-sms.ts. */
export const BOOKING_SMS_JOB = 'sms.booking-confirmation';
