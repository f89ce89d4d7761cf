/** An API answer that was not a success, with the server's stable error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Field name (without the `body.` prefix) → what is wrong with it, from VALIDATION_FAILED. */
  readonly fields: Record<string, string>;
  /** The error's `details` as the server sent them (e.g. an import's bad rows), for pages that show more. */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, details: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }

  static from(status: number, body: unknown): ApiError {
    const error = (body as { error?: { code?: unknown; message?: unknown; details?: { fields?: unknown } } } | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : status >= 500 ? 'SERVER_ERROR' : 'REQUEST_FAILED';
    const message = typeof error?.message === 'string' ? error.message : '';
    const fields: Record<string, string> = {};
    // One field named by a rule the service checks (details.field: "weeklyHours.monday[0].end").
    const one = (error?.details as { field?: unknown } | undefined)?.field;
    if (typeof one === 'string') fields[one.replace(/^(body|query|params)\./, '')] = message || 'is invalid';
    if (Array.isArray(error?.details?.fields)) {
      for (const f of error.details.fields as { field?: unknown; message?: unknown }[]) {
        if (typeof f.field === 'string') fields[f.field.replace(/^(body|query|params)\./, '')] = typeof f.message === 'string' ? f.message : 'is invalid';
      }
    }
    const details = typeof error?.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
    return new ApiError(status, code, message, fields, details);
  }
}

// The API's error codes in words, in one place. A code not listed falls back to the server's
// own message (written for people), never to raw JSON.
const WORDS: Record<string, string> = {
  INVALID_CREDENTIALS: 'That email and password do not match an account.',
  LOGIN_THROTTLED: 'Too many attempts. Wait a little and try again.',
  WRONG_PASSWORD: 'Your current password is not correct.',
  CROSS_SITE_REQUEST: 'This request came from another site and was refused. Open the dashboard directly and try again.',
  TOKEN_SCOPE: 'This API token is read-only.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  FORBIDDEN: 'Your role cannot do this. Ask an owner of the company.',
  NOT_FOUND: 'This page or record does not exist, or it belongs to another company.',
  CONFLICT: 'Someone changed this while you were editing. Reload to see their change, then try again.',
  VALIDATION_FAILED: 'Some fields need attention.',
  SLOT_TAKEN: 'That time was just taken. Pick another slot.',
  HOLD_EXPIRED: 'The time you picked is no longer held. Pick it again.',
  OUT_OF_SERVICE_AREA: 'That zip code is outside the service area.',
  NO_QUALIFIED_TECHNICIAN: 'No technician with the right skills covers that zip code.',
  UNKNOWN_SERVICE: 'That service does not exist any more.',
  BOOKING_NOT_ACTIVE: 'This booking is already cancelled or finished.',
  EMAIL_TAKEN: 'That email cannot be used for a new user.',
  EMAIL_UNAVAILABLE: 'That email cannot be used for a new user.',
  LAST_OWNER: 'A company needs at least one owner.',
  SERVICE_NAME_TAKEN: 'Another service already has that name.',
  SLUG_TAKEN: 'Another company already uses that short name.',
  CONTACT_PHONE_EXISTS: 'Another contact already has that phone number.',
  PHONE_NUMBER_TAKEN: 'That phone number cannot be added.',
  INVALID_PHONE_NUMBER: 'That is not a valid phone number.',
  INVALID_ZIP: 'That is not a valid zip code.',
  INVALID_TIME_ZONE: 'That time zone is not known.',
  RANGE_TOO_LONG: 'Pick a shorter date range.',
  INVALID_DATE_RANGE: 'Pick a start date on or before the end date.',
  RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
  DATABASE_UNAVAILABLE: 'The service is briefly unavailable. Try again in a few seconds.',
  DATABASE_BUSY: 'The service is busy. Try again in a few seconds.',
  ANALYTICS_RECOMPUTING: 'The figures are being counted again for your new time zone or hours. Try again in a few seconds.',
  PHONE_NUMBER_NOT_VERIFIED: 'That number is not in your Twilio account. Add your Twilio account SID and auth token in Settings, or ask the platform admin to assign it.',
  TWILIO_UNAVAILABLE: 'Twilio did not answer. Try again in a minute.',
  WIDGET_ORIGIN_NOT_ALLOWED: 'That website is not on the list of sites allowed to use your chat.',
  COMPANY_SUSPENDED: 'This company is suspended: its data can be read but not changed.',
  SERVER_ERROR: 'Something went wrong on our side. Try again.',
  NETWORK_ERROR: 'Cannot reach the server. Check your connection.',
  SECRET_UNREADABLE: 'A stored key can no longer be read. Set it again.',
  PAYLOAD_TOO_LARGE: 'That file is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'That kind of file cannot be read here.',
  INVALID_TEXT: 'The text contains characters that cannot be stored.',
  BAD_REQUEST: 'The request could not be understood.',
};

/** What to tell a person about a failure. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return WORDS[error.code] ?? (error.message || 'The request failed.');
  return WORDS.NETWORK_ERROR!;
}
