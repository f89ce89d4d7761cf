import { traceHeaders } from '../../observability/trace.ts';
/**
 * Sends one SMS through Twilio's REST API (Messages resource): a form POST with basic auth.
 * Spoken to directly over fetch, so TWILIO_API_BASE_URL can point at a loopback server in
 * tests; the `twilio` package's REST client has no base-URL setting.
 */
export interface TwilioAccount {
  baseUrl: string;
  accountSid: string;
  authToken: string;
}

export class SmsError extends Error {
  readonly status: number;
  readonly twilioCode: number | null;
  constructor(message: string, status: number, twilioCode: number | null) {
    super(message);
    this.name = 'SmsError';
    this.status = status;
    this.twilioCode = twilioCode;
  }
}

export async function sendSms(account: TwilioAccount, message: { from: string; to: string; body: string }, signal?: AbortSignal): Promise<{ sid: string }> {
  const url = `${account.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      ...traceHeaders(),
    },
    body: new URLSearchParams({ To: message.to, From: message.from, Body: message.body }).toString(),
    signal: signal ?? AbortSignal.timeout(10_000),
  });
  const json = (await res.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
  if (!res.ok || !json.sid) throw new SmsError(`Twilio refused the SMS: ${res.status} ${json.message ?? ''}`.trim(), res.status, json.code ?? null);
  return { sid: json.sid };
}
