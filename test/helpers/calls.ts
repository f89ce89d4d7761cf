import { DateTime } from 'luxon';
import type { App } from '../../src/app.ts';
import { createSimulatedCall, type WebhookTransport } from '../../src/cli/call/simulated-call.ts';
import type { Config } from '../../src/config.ts';

/** Posts webhooks into the app in process, exactly as they would arrive over HTTP. */
export function injectTransport(app: App, config: Pick<Config, 'publicUrl'>): WebhookTransport {
  return {
    async post(url, params, signature) {
      const path = url.startsWith(config.publicUrl) ? url.slice(config.publicUrl.length) : url;
      const res = await app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
        payload: new URLSearchParams(params).toString(),
      });
      return { status: res.statusCode, body: res.body };
    },
  };
}

/** A call from `from` to a company number, signed with the platform's auth token. */
export function phoneCall(app: App, config: Pick<Config, 'publicUrl' | 'twilioAuthToken'>, to: string, from = '+13125550177', authToken = config.twilioAuthToken!) {
  return createSimulatedCall({ publicUrl: config.publicUrl, authToken, transport: injectTransport(app, config), from, to });
}

/** 10:00 on the next given weekday (1 = Monday) at least `daysAhead` days out, in the zone. */
export function businessMorning(timeZone: string, weekday = 2, daysAhead = 7, hour = 10): Date {
  let day = DateTime.now().setZone(timeZone).startOf('day').plus({ days: daysAhead });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day.set({ hour }).toJSDate();
}
