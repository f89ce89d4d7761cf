/** SQLSTATEs the services turn into their own answers (a 409, a retry), rather than a 500. */
const codeOf = (err: unknown) => (err as { code?: string } | null)?.code;

export const isUniqueViolation = (err: unknown): boolean => codeOf(err) === '23505';
export const isExclusionViolation = (err: unknown): boolean => codeOf(err) === '23P01';
/** A row naming another that is not there: a request's id (a call, a contact) of nothing of the company's. */
export const isForeignKeyViolation = (err: unknown): boolean => codeOf(err) === '23503';
