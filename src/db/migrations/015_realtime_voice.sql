-- Real-time voice (issue 12). A company chooses how its calls are carried: 'gather' (a TwiML
-- <Gather> round trip per turn) or 'relay' (Twilio ConversationRelay: Twilio's speech recognition
-- and voices, text with us over a WebSocket); 'default' follows the platform's VOICE_MODE_DEFAULT.
-- A turn's transport may also be 'stream', for the Media Streams transport still to come.
ALTER TABLE voice_settings
  ADD COLUMN mode text NOT NULL DEFAULT 'default' CHECK (mode IN ('default', 'gather', 'relay'));

-- A turn is the same row whatever carried it, plus how it was heard on a streaming call:
-- first_sent_ms: the caller's end of speech (the final transcript) to the first text token or
--   audio frame we sent; null on <Gather> calls, where Twilio speaks the whole answer.
-- first_heard_ms: to the first of our audio the caller heard (a Media Streams mark); null when unknown.
-- interrupted / heard_text: the caller cut in, and what of the answer they heard before.
ALTER TABLE call_turns
  ADD COLUMN transport      text CHECK (transport IN ('gather', 'relay', 'stream')),
  ADD COLUMN first_sent_ms  integer CHECK (first_sent_ms >= 0),
  ADD COLUMN first_heard_ms integer CHECK (first_heard_ms >= 0),
  ADD COLUMN interrupted    boolean NOT NULL DEFAULT false,
  ADD COLUMN heard_text     text;
