import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config-mail.ts';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<{ messageId: string }>;
  close(): void;
}

/** Email over SMTP (nodemailer), from SMTP_FROM. One pooled transport per process. */
export function createMailer(smtp: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: smtp.from, ...message });
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}
