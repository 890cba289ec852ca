import { readFile } from 'node:fs/promises';
import type { ReceiptMailConfig } from '../../shared/config/receipt-mail.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { readMailCredentials } from './credentials.ts';

export interface ReceiptMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends one receipt; resolves only once the relay accepted it for the patron's address (SMTP 250). */
export interface ReceiptMailer {
  send(mail: ReceiptMail): Promise<void>;
}

/** SMTP reply codes and nodemailer error codes that mean "the relay refused this login". */
const isAuthFailure = (e: { code?: string; responseCode?: number }) => e.code === 'EAUTH' || e.responseCode === 535;

/**
 * The library's relay through nodemailer. One connection per receipt (a
 * kiosk sends a few a day); the credentials are read at each send, so a
 * changed password file needs no restart. Logs say which relay and why it
 * failed, never the patron's address or the login.
 */
export function createReceiptMailer(config: ReceiptMailConfig, logger: Logger): ReceiptMailer {
  const log = logger.child({ subsystem: 'mail', relay: `${config.host}:${config.port}` });
  return {
    async send(mail) {
      const auth = config.credentialsFile ? await readMailCredentials(config.credentialsFile) : undefined;
      const ca = config.caFile ? await readFile(config.caFile, 'utf8') : undefined;
      // Loaded at the first receipt, not at start: most sessions never send one.
      const { createTransport } = await import('nodemailer');
      const transport = createTransport({
        host: config.host,
        port: config.port,
        secure: config.security === 'tls',
        requireTLS: config.security === 'starttls',
        ignoreTLS: config.security === 'none',
        ...(auth ? { auth: { user: auth.user, pass: auth.password } } : {}),
        ...(ca ? { tls: { ca } } : {}),
        connectionTimeout: config.timeoutMs,
        greetingTimeout: config.timeoutMs,
        socketTimeout: config.timeoutMs,
        logger: false,
      });
      try {
        const info = await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
        const accepted = info.accepted as readonly (string | { address: string })[];
        if (!accepted.some((a) => (typeof a === 'string' ? a : a.address) === mail.to))
          throw new OpenBranchError('mail.rejected', 'the relay did not accept the recipient');
        log.info('receipt e-mailed');
      } catch (e) {
        const failure = asMailError(e);
        log.warn({ code: failure.code, smtp: (e as { responseCode?: number }).responseCode }, 'receipt not e-mailed');
        throw failure;
      } finally {
        transport.close();
      }
    },
  };
}

function asMailError(e: unknown): OpenBranchError {
  if (e instanceof OpenBranchError) return e;
  const err = e as { code?: string; responseCode?: number };
  if (isAuthFailure(err)) return new OpenBranchError('mail.auth', 'the relay refused the login');
  // A reply from the relay (4xx/5xx to MAIL, RCPT or DATA) is a refusal; anything else is the way there.
  if (typeof err.responseCode === 'number') return new OpenBranchError('mail.rejected', `the relay answered ${err.responseCode}`);
  return new OpenBranchError('mail.unreachable', `the relay could not be reached (${err.code ?? 'unknown'})`);
}
