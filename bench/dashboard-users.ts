import type { DashboardUser } from './call-load.ts';

/** What an open dashboard reads of its company, in the order its pages ask for it. */
function readsOf(url: string, companyId: string, today: string): string[] {
  const c = `${url}/api/companies/${companyId}`;
  return [
    `${url}/api/auth/me`, `${c}/overview`, `${c}/calls?limit=20`, `${c}/bookings?limit=20`,
    `${c}/contacts?limit=20`, `${c}/messages?limit=20`, `${c}/analytics?from=${today}&to=${today}`, c,
  ];
}

/**
 * `count` signed-in dashboard users of the given accounts (taken in turn, a session each),
 * signed in over HTTP as the dashboard does, each with its company's reads (rotated, so the
 * users are not all on one page at once). Every read is tried once: a URL that does not answer
 * 200 stops the run before any load, naming it.
 */
export async function signInDashboardUsers(url: string, accounts: { email: string; password: string }[], count: number): Promise<DashboardUser[]> {
  const today = new Date().toISOString().slice(0, 10);
  const users: DashboardUser[] = [];
  for (let i = 0; i < count; i++) {
    const account = accounts[i % accounts.length]!;
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('cv_session='))?.split(';')[0];
    if (login.status !== 200 || !cookie) throw new Error(`sign-in of ${account.email} answered ${login.status}: ${await login.text()}`);
    const companyId = ((await login.json()) as { companyId: string | null }).companyId;
    if (!companyId) throw new Error(`${account.email} belongs to no company`);
    const reads = readsOf(url, companyId, today);
    const shift = i % reads.length;
    users.push({ cookie, urls: [...reads.slice(shift), ...reads.slice(0, shift)] });
  }
  for (const [i, user] of users.slice(0, accounts.length).entries()) {
    for (const read of user.urls) {
      const res = await fetch(read, { headers: { cookie: user.cookie } });
      if (res.status !== 200) throw new Error(`dashboard read GET ${new URL(read).pathname} (user ${i}) answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    }
  }
  return users;
}
