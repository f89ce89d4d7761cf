import { readTwiml, type Verb } from '../../cli/call/twiml-reader.ts';

/** What a recorded turn's answer did besides its words: the clips it played and where it sent the caller. */
export interface TurnEffects {
  /** Same-origin paths of the ElevenLabs clips the caller heard, in order (none: Twilio's voice read the text). */
  clips: string[];
  /** The number the caller was connected to, when the turn transferred. */
  transferTo: string | null;
}

const pathOf = (url: string): string | null => {
  try {
    return new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return null;
  }
};

function walk(verbs: Verb[], out: TurnEffects): void {
  for (const v of verbs) {
    if (v.kind === 'gather') walk(v.children, out);
    else if (v.kind === 'play') {
      const path = pathOf(v.url);
      // Only our own clips: the dashboard plays them from its origin whatever PUBLIC_URL is.
      if (path?.startsWith('/api/speech/')) out.clips.push(path);
    } else if (v.kind === 'dial' && !out.transferTo) out.transferTo = v.number || null;
  }
}

/**
 * Reads a turn's stored response: TwiML on the phone, the chat reply (JSON) on the web. Pure;
 * an answer in neither shape has no effects.
 */
export function turnEffects(response: string): TurnEffects {
  const out: TurnEffects = { clips: [], transferTo: null };
  const text = response.trimStart();
  if (text.startsWith('{')) {
    try {
      const reply = JSON.parse(text) as { transferTo?: unknown };
      if (typeof reply.transferTo === 'string') out.transferTo = reply.transferTo;
    } catch {
      // Not a chat reply: nothing to read.
    }
    return out;
  }
  walk(readTwiml(text), out);
  return out;
}
