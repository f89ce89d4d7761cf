/**
 * The one error type for expected failures. `code` is stable and documented; clients branch
 * on it. Mapped to HTTP in one place (plugins/errors.ts).
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_PHONE_NUMBER: 400,
  INVALID_TIME_ZONE: 400,
  INVALID_ZIP: 400,
  INVALID_BOOKING_SETTINGS: 400,
  RANGE_TOO_LONG: 400,
  /** A date range that is not one: a date that does not exist, or `from` after `to`. */
  INVALID_DATE_RANGE: 400,
  /** Text with a NUL byte or a lone UTF-16 surrogate, anywhere in the body or query. */
  INVALID_TEXT: 400,
  /** A JSON body nested deeper than the parser allows. */
  BODY_TOO_DEEP: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  /** A browser on a site that is not in the company's widget settings (allowedOrigins). */
  WIDGET_ORIGIN_NOT_ALLOWED: 403,
  /** A read-only API token sent a request that would change something. */
  TOKEN_SCOPE: 403,
  /** A signed-in session's write that another site's page made (Origin / Sec-Fetch-Site). */
  CROSS_SITE_REQUEST: 403,
  /** Changing one's password: the current password given is not the right one. */
  WRONG_PASSWORD: 403,
  /** The caller's company is suspended: its users may only read, its API tokens nothing. */
  COMPANY_SUSPENDED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SLUG_TAKEN: 409,
  /** The email has an account somewhere on the platform (told to the platform admin only). */
  EMAIL_TAKEN: 409,
  /** An owner's answer for an email in use: it cannot be added, and where it is used is not said. */
  EMAIL_UNAVAILABLE: 409,
  PHONE_NUMBER_TAKEN: 409,
  CONTACT_PHONE_EXISTS: 409,
  LAST_OWNER: 409,
  SECRET_UNREADABLE: 409,
  SLOT_TAKEN: 409,
  HOLD_EXPIRED: 409,
  BOOKING_NOT_ACTIVE: 409,
  SERVICE_NAME_TAKEN: 409,
  IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNKNOWN_SERVICE: 422,
  UNKNOWN_TEMPLATE: 422,
  /** A destructive request whose confirmation does not name its target (deleting a company: its slug). */
  CONFIRMATION_MISMATCH: 422,
  /** A phone number the company could not prove is its own (the same answer whether or not another company holds it). */
  PHONE_NUMBER_NOT_VERIFIED: 422,
  /** An id in the request (a call, a contact) that names nothing of the company's. */
  INVALID_REFERENCE: 422,
  OUT_OF_SERVICE_AREA: 422,
  NO_QUALIFIED_TECHNICIAN: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  /** Too many failed sign-ins for this account from this address: wait `retryAfterSeconds`. */
  LOGIN_THROTTLED: 429,
  RATE_LIMITED: 429,
  ANON_CONVERSATION_LIMIT: 429,
  ANON_BOOKING_LIMIT: 429,
  INTERNAL: 500,
  /** Twilio's REST API did not answer usably (down, slow, 5xx). */
  TWILIO_UNAVAILABLE: 502,
  NOT_READY: 503,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_BUSY: 503,
  ANALYTICS_RECOMPUTING: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
