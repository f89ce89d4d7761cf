import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import type { AppMetrics } from '../../observability/metrics.ts';
import type { CounterStore } from '../../rate-limits/counters.ts';
import { createFailureWindow } from '../../rate-limits/failure-window.ts';
import { signatureIsValid } from './twilio-signature.ts';

const FORM = 'application/x-www-form-urlencoded';
const BODY_LIMIT = 64 * 1024;
/** Bad or missing signatures one address may send per minute before it is refused unread. */
export const BAD_SIGNATURES_PER_MINUTE = 20;

export interface WebhookGateDeps {
  publicUrl: string;
  platformToken: string | undefined;
  /** The Twilio auth token of the company that holds `calledNumber`, if it has one. */
  companyToken(calledNumber: string): Promise<string | null>;
  metrics: Pick<AppMetrics, 'webhookSignatureRefusals'>;
  /** The app's shared counters: a flood spread over several processes is counted once. */
  counters: CounterStore;
}

const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The gate in front of every Twilio webhook, in this order and before anything else reads the
 * request (input guards, validation, the number lookup):
 * 1. the content type: Twilio only sends forms, anything else is 415 unparsed;
 * 2. an address that sent too many bad signatures this minute is refused (429), unread;
 * 3. the signature, checked as the body is parsed: the platform token first (no lookup), then,
 *    only for a request that carries a signature, the called company's own token.
 * Every refusal counts against the address, so a flood costs at most a few lookups a minute,
 * whichever app process it reaches (the window is in the shared counters).
 */
export function registerWebhookGate(app: FastifyInstance, deps: WebhookGateDeps): void {
  const failures = createFailureWindow(deps.counters, 'bad-webhook-signature', { max: BAD_SIGNATURES_PER_MINUTE, windowMs: 60_000 });

  app.addHook('onRequest', async (req) => {
    if (mediaType(req.headers['content-type']) !== FORM) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Twilio webhooks are sent as ${FORM}.`);
    }
    if (await failures.blocked(req.ip)) throw new AppError('RATE_LIMITED', 'Too many requests with a bad Twilio signature; retry later.');
  });

  async function verify(req: FastifyRequest, params: Record<string, string>): Promise<void> {
    const header = req.headers['x-twilio-signature'];
    const signature = typeof header === 'string' && header ? header : undefined;
    const signedBy = (token: string | null | undefined) =>
      signatureIsValid({ signature, publicUrl: deps.publicUrl, path: req.url, params, tokens: [token] });
    if (signature && signedBy(deps.platformToken)) return;
    if (signature && params.To) {
      const own = await deps.companyToken(params.To).catch((err: unknown) => {
        req.log.error({ err }, "Twilio webhook: the company's token could not be read");
        return null;
      });
      if (signedBy(own)) return;
    }
    await failures.fail(req.ip);
    deps.metrics.webhookSignatureRefusals.inc({ route: req.routeOptions.url ?? 'unmatched' });
    req.log.warn({ path: req.routeOptions.url, hasSignature: Boolean(signature) }, 'Twilio webhook refused: bad or missing signature');
    throw new AppError('FORBIDDEN', 'Invalid Twilio signature');
  }

  // Only forms are parsed here, as flat string fields, and only signed ones pass.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: BODY_LIMIT }, async (req: FastifyRequest, body: string | Buffer) => {
    const params = Object.fromEntries(new URLSearchParams(body.toString()));
    await verify(req, params);
    return params;
  });
}
