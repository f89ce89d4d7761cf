import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { ErrorBody } from '../../http/error-schema.ts';
import { OWNER_ONLY, principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';

const tags = ['speech'];
/** A set phrase's URL names its content (a hash) and never expires: caches may keep it forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Any other clip may carry a caller's details: no cache keeps it, and its URL expires in minutes. */
const PRIVATE = 'private, no-store';

/** Documentation only: a Buffer is sent as it is, never through the JSON serializer. */
const Mp3Audio = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'MP3 audio (audio/mpeg)' });

const SpeechFileParams = Type.Object({
  companyId: Type.String({ maxLength: 64 }),
  file: Type.String({ maxLength: 128, description: '`<key>.<generation>.<expires>.<signature>.mp3`, as handed out in a call\'s <Play>' }),
});

/**
 * The audio the agent speaks, fetched by Twilio for `<Play>` without our authentication. The
 * URL is a capability: its signature binds company, clip, the company's URL generation and an
 * expiry (minutes for a clip that may carry a caller's details, none for a set phrase), so a
 * wrong signature, another company's id, an expired or revoked URL or an unknown clip is the
 * same 404 (a bad signature is refused before any database read).
 * Exempt from the API rate limit: Twilio fetches from a few shared addresses, and a request
 * with a bad signature costs one HMAC.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const speech = app.ctx.services.speech;

  app.get('/:companyId/:file', {
    schema: {
      tags,
      summary: 'Audio of something the agent says (MP3), for Twilio <Play>',
      description: "Public: the signed URL is the credential. A set phrase's URL is cacheable; any other clip's expires within minutes and is private, no-store. A wrong signature, an expired or revoked URL or an unknown clip answers 404.",
      security: [],
      params: SpeechFileParams,
      response: { 200: Mp3Audio, 404: ErrorBody },
    },
    config: { access: 'public', rateLimit: false },
  }, async (req, reply) => {
    const clip = await speech.load(req.params.companyId, req.params.file);
    if (!clip) throw new AppError('NOT_FOUND', 'Audio not found');
    return reply
      .header('content-type', clip.contentType)
      .header('cache-control', clip.cacheable ? IMMUTABLE : PRIVATE)
      // A web chat widget on a company's own site plays it too (helmet's default is same-origin).
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(clip.audio);
  });
};

export default routes;

/** The company's side: revoking every audio URL it has handed out, without touching SESSION_SECRET. */
export const speechUrlRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/revoke-urls', {
    schema: {
      tags, summary: 'Revoke every audio URL handed out so far (new calls get new ones)', params: CompanyParams,
      response: { 200: Type.Object({ generation: Type.Integer({ minimum: 2, description: 'The URL generation now signed with' }) }), ...errorResponses },
    },
    config: OWNER_ONLY,
  }, async (req) => app.ctx.services.speech.revokeUrls(actorOf(principalOf(req)), req.params.companyId));
};
