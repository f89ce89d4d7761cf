-- Media Streams (issue 12): a company's calls may also be carried as 'stream', our own speech
-- pipeline over a Twilio <Connect><Stream> (Deepgram recognition, ElevenLabs stream-input voice,
-- μ-law frames both ways). call_turns.transport already allows 'stream' (migration 015).
ALTER TABLE voice_settings DROP CONSTRAINT voice_settings_mode_check;
ALTER TABLE voice_settings ADD CONSTRAINT voice_settings_mode_check CHECK (mode IN ('default', 'gather', 'relay', 'stream'));
