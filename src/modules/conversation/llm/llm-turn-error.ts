import type { DialogState } from '../types.ts';

export type LlmTurnFailure =
  | 'no_speech' | 'timeout' | 'network' | 'rate_limited' | 'unauthorized' | 'rejected' | 'server_error' | 'malformed'
  | 'empty_reply' | 'too_many_rounds';

/**
 * The model could not answer this turn. `state` is where the turn got to by the server's
 * account (what the caller told us, holds made), for the engine that answers instead.
 */
export class LlmTurnError extends Error {
  readonly reason: LlmTurnFailure;
  readonly state: DialogState;
  constructor(reason: LlmTurnFailure, state: DialogState) {
    super(`language model turn failed: ${reason}`);
    this.name = 'LlmTurnError';
    this.reason = reason;
    this.state = state;
  }
}
