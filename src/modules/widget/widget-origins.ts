import { AppError } from '../../errors.ts';

/**
 * Which web pages may talk to a company's widget: exact origins, as browsers send them in the
 * `Origin` header (`https://www.example.com`, `http://localhost:8080`). No wildcards: a
 * subdomain the company does not control must not be able to use its widget. Pure.
 */
export const MAX_ALLOWED_ORIGINS = 20;

/** The origin a site address stands for, or why it is not one. */
function originOf(input: string): { origin: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { problem: 'is not an address such as https://www.example.com' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'must start with https:// (or http://)' };
  if (url.username || url.password) return { problem: 'must not carry a user name or password' };
  if (url.pathname !== '/' || url.search || url.hash) {
    return { problem: 'must be an origin only (scheme://host[:port]), without a path, query or #' };
  }
  return { origin: url.origin };
}

/** The list as stored: normalised (lower-case host, default port dropped), without repeats. */
export function normalizeOrigins(inputs: readonly string[], field = 'allowedOrigins'): string[] {
  const problems = inputs.flatMap((input, i) => {
    const r = originOf(input);
    return 'problem' in r ? [{ field: `${field}[${i}]`, message: r.problem }] : [];
  });
  if (inputs.length > MAX_ALLOWED_ORIGINS) problems.push({ field, message: `must hold at most ${MAX_ALLOWED_ORIGINS} origins` });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field} ${p.message}`).join('; '), { fields: problems });
  return [...new Set(inputs.map((input) => (originOf(input) as { origin: string }).origin))];
}

/** Whether a request's `Origin` header is one of the listed origins (browsers send it normalised; "null" never is). */
export const isAllowedOrigin = (allowed: readonly string[], header: string): boolean => allowed.includes(header);
