import twilio from 'twilio';

/**
 * Twilio signs each webhook with the account's auth token over the URL it called (the public
 * one, as configured on the number: PUBLIC_URL plus path and query, never our Host header, so
 * TLS-terminating proxies work) and the POSTed form fields. A request passes when one of the
 * candidate tokens (the company's own, then the platform's) produced its signature.
 */
export function signatureIsValid(input: {
  signature: string | undefined;
  publicUrl: string;
  path: string;
  params: Record<string, string>;
  tokens: readonly (string | null | undefined)[];
}): boolean {
  if (!input.signature) return false;
  const url = `${input.publicUrl}${input.path}`;
  return input.tokens.some((token) => !!token && twilio.validateRequest(token, input.signature!, url, input.params));
}

/** What Twilio would send as X-Twilio-Signature: for the call simulator and tests. */
export const signAsTwilio = (token: string, url: string, params: Record<string, string>): string => twilio.getExpectedTwilioSignature(token, url, params);
