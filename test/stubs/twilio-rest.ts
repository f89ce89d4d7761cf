import { createServer, type Server } from 'node:http';

/**
 * Twilio's REST API on loopback, as far as the platform uses it: POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json with basic auth (AccountSid:AuthToken) and a
 * form body (To, From, Body); answers 201 with the message resource, 401 with Twilio's error
 * JSON for bad credentials, 400 (code 21211) for a bad To. Records every message accepted.
 */
export interface SentSms {
  accountSid: string;
  to: string;
  from: string;
  body: string;
  sid: string;
}

export interface TwilioRestStub {
  url: string;
  sent: SentSms[];
  /** Answer the next N requests with this status (e.g. 500, 429). */
  failNext(times: number, status: number): void;
  close(): Promise<void>;
}

export async function startTwilioRestStub(credentials: { accountSid: string; authToken: string }): Promise<TwilioRestStub> {
  const sent: SentSms[] = [];
  let failures: { times: number; status: number } = { times: 0, status: 500 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) return reply(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      const expected = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
      if (req.headers.authorization !== expected || m[1] !== credentials.accountSid) return reply(401, { code: 20003, message: 'Authenticate', status: 401 });
      if (failures.times > 0) {
        failures = { ...failures, times: failures.times - 1 };
        return reply(failures.status, { code: 20500, message: 'Internal Server Error', status: failures.status });
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To') ?? '';
      if (!/^\+[1-9]\d{6,14}$/.test(to)) return reply(400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
      const sms: SentSms = { accountSid: m[1]!, to, from: form.get('From') ?? '', body: form.get('Body') ?? '', sid: `SM${String(sent.length + 1).padStart(32, '0')}` };
      sent.push(sms);
      return reply(201, { sid: sms.sid, account_sid: sms.accountSid, to: sms.to, from: sms.from, body: sms.body, status: 'queued', num_segments: '1', direction: 'outbound-api', api_version: '2010-04-01' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    sent,
    failNext(times, status) {
      failures = { times, status };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
