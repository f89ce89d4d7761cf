import { AppError } from '../../errors.ts';
import { isAdmin, type Principal } from '../auth/principal.ts';
import type { SecretName } from '../secrets/secrets.names.ts';
import { traceHeaders } from '../../observability/trace.ts';

/**
 * How a company comes to hold a number: the platform admin (or the system, seeding) assigns
 * it, or the company proves it is in its own Twilio account.
 */
export type NumberClaim = 'assigned' | 'verify';

/** The platform admin assigns numbers; a company proves them. */
export const claimOf = (p: Principal): NumberClaim => (isAdmin(p) ? 'assigned' : 'verify');

export interface NumberProofDeps {
  /** Twilio's REST API base (TWILIO_API_BASE_URL). */
  twilioApiBaseUrl: string;
  reveal(companyId: string, name: SecretName): Promise<string | null>;
  /** Abort a Twilio request after this long. */
  timeoutMs?: number;
}

// One answer for every number a company cannot prove, whoever holds it: no existence oracle.
const notVerified = (field: string, why: string) =>
  new AppError('PHONE_NUMBER_NOT_VERIFIED', `${field} could not be verified in the company's Twilio account (${why}); the platform admin can assign it instead.`, { field });

interface IncomingNumbersPage {
  incoming_phone_numbers?: { phone_number?: string }[];
}

/**
 * Proves numbers through Twilio's REST API with the company's own credentials:
 * `GET /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json?PhoneNumber=...` lists the
 * account's numbers equal to it. Over fetch, so TWILIO_API_BASE_URL can point at a loopback stub.
 */
export function createNumberProof(deps: NumberProofDeps) {
  const timeoutMs = deps.timeoutMs ?? 10_000;

  async function inAccount(accountSid: string, authToken: string, e164: string): Promise<'yes' | 'no' | 'refused'> {
    const url = `${deps.twilioApiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/IncomingPhoneNumbers.json?PhoneNumber=${encodeURIComponent(e164)}`;
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, ...traceHeaders() },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new AppError('TWILIO_UNAVAILABLE', 'Twilio could not be reached to verify the number; try again shortly.');
    }
    if (res.status === 401 || res.status === 403 || res.status === 404) return 'refused';
    if (!res.ok) throw new AppError('TWILIO_UNAVAILABLE', `Twilio answered ${res.status} while verifying the number; try again shortly.`);
    const page = (await res.json().catch(() => ({}))) as IncomingNumbersPage;
    return (page.incoming_phone_numbers ?? []).some((n) => n.phone_number === e164) ? 'yes' : 'no';
  }

  return {
    /**
     * Passes when the claim is an assignment, or when every number is in the company's
     * Twilio account; otherwise PHONE_NUMBER_NOT_VERIFIED naming the first that is not.
     * Runs before anything looks at who holds the numbers.
     */
    async assertClaim(companyId: string, claim: NumberClaim, numbers: readonly { e164: string; field: string }[]): Promise<void> {
      if (claim === 'assigned' || numbers.length === 0) return;
      const [accountSid, authToken] = [await deps.reveal(companyId, 'twilio_account_sid'), await deps.reveal(companyId, 'twilio_auth_token')];
      for (const { e164, field } of numbers) {
        if (!accountSid || !authToken) throw notVerified(field, 'its Twilio account SID and auth token are not both set');
        const found = await inAccount(accountSid, authToken, e164);
        if (found === 'refused') throw notVerified(field, "Twilio refused the company's account SID and auth token");
        if (found === 'no') throw notVerified(field, 'the number is not in that account');
      }
    },
  };
}

export type NumberProof = ReturnType<typeof createNumberProof>;
