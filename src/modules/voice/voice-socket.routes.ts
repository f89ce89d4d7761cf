import websocket from '@fastify/websocket';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { createFailureWindow } from '../../rate-limits/failure-window.ts';
import { BOOKING_SMS_JOB } from '../sms/sms-jobs.ts';
import { ENGINE_SHARE } from './call-flow.ts';
import { createRelaySession } from './relay-session.ts';
import { createMediaSession } from './stream/media-session.ts';
import { createDeepgram, type SpeechToText } from './stream/speech-to-text.ts';
import { createElevenLabsStreaming } from './stream/text-to-speech.ts';
import { socketBase, socketTargetOf, type SocketKind, type SocketTarget } from './socket-url.ts';
import { signatureIsValid } from './twilio-signature.ts';
import { createTwilioTokenCache } from './twilio-tokens.ts';
import { BAD_SIGNATURES_PER_MINUTE } from './webhook-gate.ts';

/**
 * The WebSockets Twilio opens for a streaming call (ConversationRelay, Media Streams). Public, but a handshake
 * is upgraded only when both hold, else it is refused with 403 before any socket exists:
 * - the URL is one we minted for this company and call (our MAC, see socket-url.ts);
 * - Twilio's X-Twilio-Signature over that URL verifies with the platform's auth token or the
 *   company's own.
 * A socket so opened reaches only that call of that company.
 */
const MAX_MESSAGE_BYTES = 64 * 1024;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, services } = app.ctx;
  const { runner } = app.ctx.agent;
  const twilioToken = createTwilioTokenCache(app);
  const failures = createFailureWindow(app.ctx.rateLimits, 'refused-voice-socket', { max: BAD_SIGNATURES_PER_MINUTE, windowMs: 60_000 });
  await app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });

  async function authorise(req: FastifyRequest, kind: SocketKind): Promise<SocketTarget> {
    if (await failures.blocked(req.ip)) throw new AppError('RATE_LIMITED', 'Too many refused handshakes; retry later.');
    // Relay names its call in the query, a Media Stream in the path (Twilio drops a <Stream> URL's query).
    const target = socketTargetOf(config.sessionSecret, kind, (kind === 'relay' ? req.query : req.params) as Record<string, unknown>);
    const header = req.headers['x-twilio-signature'];
    const signature = typeof header === 'string' && header ? header : undefined;
    const signedBy = (token: string | null | undefined) =>
      signatureIsValid({ signature, publicUrl: socketBase(config.publicUrl), path: req.url, params: {}, tokens: [token] });
    if (target && signature && (signedBy(config.twilioAuthToken) || signedBy(await twilioToken(target.companyId)))) return target;
    await failures.fail(req.ip);
    req.log.warn({ kind, minted: Boolean(target), hasSignature: Boolean(signature) }, 'voice socket refused: not minted by us or not signed by Twilio');
    throw new AppError('FORBIDDEN', 'Invalid voice socket URL or Twilio signature');
  }

  const socketRoute = (kind: SocketKind) => ({
    websocket: true,
    config: { access: 'public', rateLimit: false },
    preValidation: async (req: FastifyRequest) => {
      (req as FastifyRequest & { socketTarget?: SocketTarget }).socketTarget = await authorise(req, kind);
    },
  }) as const;
  const targetOf = (req: FastifyRequest) => (req as FastifyRequest & { socketTarget?: SocketTarget }).socketTarget!;
  const turnDeps = (req: FastifyRequest) => ({
    calls: services.calls,
    runner,
    logger: req.log,
    engineBudgetMs: Math.round(config.turnBudgetMs * ENGINE_SHARE),
    onBooked: (companyId: string, bookingId: string) => app.ctx.jobs.send(BOOKING_SMS_JOB, { companyId, bookingId }, { singletonKey: bookingId }),
  });

  app.get('/relay', socketRoute('relay'), (socket, req) => {
    const session = createRelaySession(turnDeps(req), targetOf(req), {
      send: (message) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      },
      close: (code, reason) => socket.close(code, reason),
    });
    socket.on('message', (data, isBinary) => {
      if (!isBinary) session.receive(data.toString());
    });
    socket.on('error', (err) => req.log.warn({ err }, 'relay socket error'));
  });

  // Media Streams: our own speech pipeline. Without a Deepgram key no call is answered in this
  // mode (voice-mode.ts); a stream that arrives anyway fails to start and falls back.
  const stt: SpeechToText = config.deepgramApiKey
    ? createDeepgram({ apiKey: config.deepgramApiKey, baseUrl: config.deepgramBaseUrl, endpointingMs: config.deepgramEndpointingMs })
    : { open: () => Promise.reject(new Error('DEEPGRAM_API_KEY is not set')) };
  const tts = createElevenLabsStreaming({ baseUrl: config.elevenLabsBaseUrl, platformKey: config.elevenLabsApiKey });
  const { runtime } = app.ctx.agent;
  async function speechFor(companyId: string) {
    const profile = await runtime.profileFor(companyId, runner.clock());
    const [keywords, { profile: voice }] = await Promise.all([runtime.hintsFor(companyId, profile), app.ctx.resolveVoice(companyId)]);
    if (!voice) throw new Error('the company speaks through Twilio <Say>: no streaming voice');
    return { language: profile.language, keywords, voice };
  }

  app.get('/stream/:company/:call/:sig', socketRoute('stream'), (socket, req) => {
    const session = createMediaSession({ ...turnDeps(req), stt, tts, speechFor, silenceMs: config.streamSilenceMs }, targetOf(req), {
      send: (message) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      },
      close: (code, reason) => socket.close(code, reason),
    });
    socket.on('message', (data, isBinary) => {
      if (!isBinary) session.receive(data.toString());
    });
    socket.on('close', () => session.closedByPeer());
    socket.on('error', (err) => req.log.warn({ err }, 'media stream socket error'));
  });
};

export default routes;
