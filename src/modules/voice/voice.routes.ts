import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { createCallFlow, FALLBACK_TWIML, SUSPENDED_TWIML, UNKNOWN_NUMBER_TWIML, type CallFlow, type TwilioCallParams } from './call-flow.ts';
import { BOOKING_SMS_JOB } from '../sms/sms-jobs.ts';
import { createSocketFlow, type SocketActionParams } from './socket-flow.ts';
import { createSpeaker } from './speaker.ts';
import { createTwilioTokenCache } from './twilio-tokens.ts';
import { voiceModeOf } from './voice-mode.ts';
import { registerWebhookGate } from './webhook-gate.ts';

/**
 * Twilio's voice webhooks. Public (Twilio holds no session) but signed: every request must be a
 * form carrying a valid X-Twilio-Signature from the platform's auth token or the called
 * company's, checked before anything else reads it (webhook-gate.ts). The general per-IP rate
 * limit does not apply (Twilio calls from shared addresses); bad signatures are limited per address. Nothing here answers Twilio with an error status once
 * the request is authentic: a failure becomes spoken words.
 */
const tags = ['twilio'];
// Twilio only posts forms (anything else is 415, see webhook-gate.ts); the OpenAPI says so.
const consumes = ['application/x-www-form-urlencoded'];
const webhook = { access: 'public', rateLimit: false } as const;
const TwilioForm = Type.Object({ CallSid: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: true });
const TurnQuery = Type.Object({ seq: Type.Integer({ minimum: 1, maximum: 1000 }) });

interface Resolved {
  companyId: string | null;
  status: 'active' | 'suspended' | null;
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, services } = app.ctx;
  const { runtime, runner } = app.ctx.agent;
  const flow: CallFlow = createCallFlow({
    config,
    calls: services.calls,
    runner,
    runtime,
    speaker: createSpeaker(app.ctx.resolveVoice, services.speech),
    async modeOf(companyId) {
      const { settings } = await services.voiceSettings.get(companyId);
      return { mode: voiceModeOf(settings, config), voice: settings };
    },
    sockets: createSocketFlow({ config, calls: services.calls, runtime, resolveVoice: app.ctx.resolveVoice }),
    logger: app.log,
    onBooked: (companyId, bookingId) => app.ctx.jobs.send(BOOKING_SMS_JOB, { companyId, bookingId }, { singletonKey: bookingId }),
  });

  const twilioToken = createTwilioTokenCache(app);

  const { metrics } = app.ctx.telemetry;
  registerWebhookGate(app, {
    metrics,
    counters: app.ctx.rateLimits,
    publicUrl: config.publicUrl,
    platformToken: config.twilioAuthToken,
    async companyToken(calledNumber) {
      const route = await services.phoneNumbers.lookup(calledNumber);
      return route ? twilioToken(route.companyId) : null;
    },
  });

  /** The company the call is for, by the called number (the request is already authentic). */
  async function resolve(req: FastifyRequest): Promise<Resolved> {
    const to = (req.body as Record<string, string>).To;
    const route = to ? await services.phoneNumbers.lookup(to) : null;
    return { companyId: route?.companyId ?? null, status: route?.companyStatus ?? null };
  }

  const twiml = (reply: FastifyReply, body: string) => reply.type('text/xml; charset=utf-8').send(body);
  /** The incoming call's first answer, timed from the webhook's arrival (signature check included). */
  const firstTwiml = (reply: FastifyReply, outcome: 'answered' | 'unknown_number' | 'suspended' | 'apology', body: string) => {
    metrics.callFirstTwimlSeconds.observe({ outcome }, reply.elapsedTime / 1000);
    return twiml(reply, body);
  };

  app.post('/voice', {
    schema: { tags, consumes, summary: 'Twilio: an incoming call (answers with the greeting and listens)', body: TwilioForm },
    config: webhook,
  }, async (req, reply) => {
    const who = await resolve(req);
    const params = req.body as TwilioCallParams;
    if (!who.companyId) {
      req.log.info({ to: params.To }, 'call to an unknown number');
      return firstTwiml(reply, 'unknown_number', UNKNOWN_NUMBER_TWIML);
    }
    if (who.status !== 'active') return firstTwiml(reply, 'suspended', SUSPENDED_TWIML);
    try {
      return firstTwiml(reply, 'answered', await flow.incoming(who.companyId, params));
    } catch (err) {
      return firstTwiml(reply, 'apology', flow.apology(err, { companyId: who.companyId, callSid: params.CallSid, seq: 0 }));
    }
  });

  app.post('/turn', {
    schema: { tags, consumes, summary: "Twilio: the caller's answer to a <Gather> (speech, or nothing)", querystring: TurnQuery, body: TwilioForm },
    config: webhook,
  }, async (req, reply) => {
    const who = await resolve(req);
    const params = req.body as TwilioCallParams;
    if (!who.companyId) return twiml(reply, UNKNOWN_NUMBER_TWIML);
    if (who.status !== 'active') return twiml(reply, SUSPENDED_TWIML);
    try {
      return twiml(reply, await flow.turn(who.companyId, params, req.query.seq));
    } catch (err) {
      return twiml(reply, flow.apology(err, { companyId: who.companyId, callSid: params.CallSid, seq: req.query.seq }));
    }
  });

  /** Twilio posts a <Connect> action when the socket session ended (ConversationRelay and Media Streams alike). */
  const socketAction = (summary: string) => ({ schema: { tags, consumes, summary, body: TwilioForm }, config: webhook });
  const socketEnded = async (req: FastifyRequest, reply: FastifyReply) => {
    const who = await resolve(req);
    const params = req.body as SocketActionParams;
    if (!who.companyId) return twiml(reply, UNKNOWN_NUMBER_TWIML);
    try {
      return twiml(reply, await flow.socketEnded(who.companyId, params));
    } catch (err) {
      return twiml(reply, flow.apology(err, { companyId: who.companyId, callSid: params.CallSid, socket: true }));
    }
  };
  app.post('/relay-action', socketAction('Twilio: a ConversationRelay session ended (the <Connect> action): the transfer, the goodbye, or the call carries on turn by turn'), socketEnded);
  app.post('/stream-action', socketAction('Twilio: a Media Stream ended (the <Connect> action): the transfer, the goodbye, or the call carries on turn by turn'), socketEnded);

  app.post('/status', {
    schema: { tags, consumes, summary: 'Twilio: call status callback (completed, busy, no-answer, failed) closes the call record', body: TwilioForm },
    config: webhook,
  }, async (req, reply) => {
    const who = await resolve(req);
    if (who.companyId) {
      try {
        await flow.status(who.companyId, req.body as TwilioCallParams);
      } catch (err) {
        req.log.error({ err, companyId: who.companyId }, 'could not close a call record');
      }
    }
    return reply.status(204).send();
  });

  app.post('/fallback', {
    schema: { tags, consumes, summary: "Twilio: the number's fallback URL, used when the voice webhook failed: always a short apology" },
    config: webhook,
  }, async (req, reply) => {
    const params = req.body as Record<string, string>;
    req.log.warn({ callSid: params.CallSid, errorCode: params.ErrorCode }, 'Twilio used the fallback URL');
    return twiml(reply, FALLBACK_TWIML);
  });
};

export default routes;
