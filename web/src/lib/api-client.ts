import createClient from 'openapi-fetch';
import type { paths } from './api-schema.ts';
import { ApiError } from './api-error.ts';

export type { paths };

type Listener = () => void;
const sessionExpiredListeners = new Set<Listener>();

/** Called when a signed-in request answers 401: the router sends the person to sign in. */
export function onSessionExpired(listener: Listener): () => void {
  sessionExpiredListeners.add(listener);
  return () => void sessionExpiredListeners.delete(listener);
}

/** The typed client over the server's own OpenAPI document (same origin, session cookie). */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

api.use({
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/')) {
      for (const listener of sessionExpiredListeners) listener();
    }
    return response;
  },
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer; otherwise throws an ApiError carrying the server's code. */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the server.');
  }
  if (!result.response.ok) throw ApiError.from(result.response.status, result.error);
  return result.data as T;
}
