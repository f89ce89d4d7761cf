import { createServer, type Server } from 'node:http';

/**
 * Twilio's REST API on loopback, as far as the platform uses it: POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json with basic auth (AccountSid:AuthToken) and a
 * form body (To, From, Body); answers 201 with the message resource, 401 with Twilio's error
 * JSON for bad credentials, 400 (code 21211) for a bad To. Records every message accepted.
 * Also GET /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json?PhoneNumber=... : the
 * account's numbers equal to PhoneNumber, as Twilio's list resource pages them. Accounts other
 * than the first are added with `addAccount`, numbers with `ownNumber`.
 */
export interface SentSms {
  accountSid: string;
  to: string;
  from: string;
  body: string;
  sid: string;
  /** The W3C trace context the request carried, if any. */
  traceparent: string | null;
}

export interface TwilioRestStub {
  url: string;
  sent: SentSms[];
  /** Answer the next N requests with this status (e.g. 500, 429). */
  failNext(times: number, status: number): void;
  addAccount(credentials: { accountSid: string; authToken: string }): void;
  /** Puts a number (E.164) in an account, as buying it on Twilio would. */
  ownNumber(accountSid: string, e164: string): void;
  /** Every IncomingPhoneNumbers lookup answered, by account. */
  numberLookups: { accountSid: string; phoneNumber: string; traceparent: string | null }[];
  close(): Promise<void>;
}

export async function startTwilioRestStub(credentials: { accountSid: string; authToken: string }): Promise<TwilioRestStub> {
  const sent: SentSms[] = [];
  const accounts = new Map<string, { authToken: string; numbers: Set<string> }>([[credentials.accountSid, { authToken: credentials.authToken, numbers: new Set() }]]);
  const numberLookups: { accountSid: string; phoneNumber: string; traceparent: string | null }[] = [];
  let failures: { times: number; status: number } = { times: 0, status: 500 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url ?? '/', 'http://stub');
      const traceparent = typeof req.headers.traceparent === 'string' ? req.headers.traceparent : null;
      const m = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|IncomingPhoneNumbers)\.json$/.exec(url.pathname);
      const resource = m?.[2];
      if (!m || (resource === 'Messages' ? req.method !== 'POST' : req.method !== 'GET')) return reply(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      const accountSid = decodeURIComponent(m[1]!);
      const account = accounts.get(accountSid);
      const expected = account && `Basic ${Buffer.from(`${accountSid}:${account.authToken}`).toString('base64')}`;
      if (!account || req.headers.authorization !== expected) return reply(401, { code: 20003, message: 'Authenticate', status: 401 });
      if (failures.times > 0) {
        failures = { ...failures, times: failures.times - 1 };
        return reply(failures.status, { code: 20500, message: 'Internal Server Error', status: failures.status });
      }
      if (resource === 'IncomingPhoneNumbers') {
        const phoneNumber = url.searchParams.get('PhoneNumber') ?? '';
        numberLookups.push({ accountSid, phoneNumber, traceparent });
        const found = [...account.numbers].filter((n) => !phoneNumber || n === phoneNumber);
        const uri = `${url.pathname}?${url.searchParams.toString()}`;
        return reply(200, {
          incoming_phone_numbers: found.map((n, i) => ({ sid: `PN${String(i + 1).padStart(32, '0')}`, account_sid: accountSid, phone_number: n, friendly_name: n, capabilities: { voice: true, sms: true } })),
          page: 0, page_size: 50, first_page_uri: uri, next_page_uri: null, previous_page_uri: null, uri,
        });
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To') ?? '';
      if (!/^\+[1-9]\d{6,14}$/.test(to)) return reply(400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
      const sms: SentSms = { accountSid, to, from: form.get('From') ?? '', body: form.get('Body') ?? '', sid: `SM${String(sent.length + 1).padStart(32, '0')}`, traceparent };
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
    addAccount(c) {
      accounts.set(c.accountSid, { authToken: c.authToken, numbers: new Set() });
    },
    ownNumber(accountSid, e164) {
      accounts.get(accountSid)!.numbers.add(e164);
    },
    numberLookups,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
