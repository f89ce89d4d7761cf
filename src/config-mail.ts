// The outgoing-mail settings (the daily digest's email); pure, they report into `problems`.

/** How nodemailer reaches the SMTP server. The password is a secret: never logged. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (smtps, usually port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  /** The From of every email, e.g. 'ClientsVia <digest@example.com>'. */
  from: string;
}

type Read = (name: string) => string | undefined;

/**
 * SMTP_URL (smtp://user:password@host:587, smtps://... for TLS) or SMTP_HOST with SMTP_PORT,
 * SMTP_SECURE, SMTP_USER and SMTP_PASSWORD; SMTP_FROM, else no-reply at PUBLIC_URL's host.
 * Neither SMTP_URL nor SMTP_HOST: no email is sent (undefined).
 */
export function parseSmtp(str: Read, publicUrl: string, problems: string[]): SmtpConfig | undefined {
  const url = str('SMTP_URL');
  const host = str('SMTP_HOST');
  if (url === undefined && host === undefined) return undefined;
  let fromHost = 'localhost';
  try {
    fromHost = new URL(publicUrl).hostname;
  } catch {
    // PUBLIC_URL is reported by its own check.
  }
  const from = str('SMTP_FROM') ?? `ClientsVia <no-reply@${fromHost}>`;
  if (!/@/.test(from)) problems.push(`SMTP_FROM must be an email address, optionally with a name: 'Name <address>' (got "${from}")`);
  if (url !== undefined) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
      return undefined;
    }
    if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') {
      problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
      return undefined;
    }
    const secure = u.protocol === 'smtps:';
    return {
      host: u.hostname, port: u.port ? Number(u.port) : secure ? 465 : 587, secure,
      user: u.username ? decodeURIComponent(u.username) : undefined, password: u.password ? decodeURIComponent(u.password) : undefined, from,
    };
  }
  const portRaw = str('SMTP_PORT') ?? '587';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`SMTP_PORT must be an integer between 1 and 65535 (got "${portRaw}")`);
  const secureRaw = str('SMTP_SECURE')?.toLowerCase();
  if (secureRaw !== undefined && !['true', 'false'].includes(secureRaw)) problems.push(`SMTP_SECURE must be true or false (got "${secureRaw}")`);
  return { host: host!, port, secure: secureRaw === undefined ? port === 465 : secureRaw === 'true', user: str('SMTP_USER'), password: str('SMTP_PASSWORD'), from };
}
