import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message as it crossed the wire: the envelope and the raw DATA. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly data: string;
  readonly user: string | undefined;
}

export interface SmtpPeer {
  readonly port: number;
  readonly received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on a free loopback port, keeping what it
 * was sent. `rejectRecipient` answers 550 to RCPT TO; `login` requires that
 * user and password (AUTH PLAIN/LOGIN over plain text, as a relay on the
 * branch network might).
 */
export async function startSmtpPeer(o: { rejectRecipient?: boolean; login?: { user: string; password: string } } = {}): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const options: SMTPServerOptions = {
    disabledCommands: o.login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !o.login,
    logger: false,
    onAuth(auth, _session, done) {
      if (o.login && auth.username === o.login.user && auth.password === o.login.password) done(null, { user: auth.username });
      else done(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, done) {
      if (o.rejectRecipient) done(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      else done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        done();
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Bytes of a quoted-printable or "Q" encoded string (RFC 2045 6.7, RFC 2047 4.2), read as UTF-8. */
function unquote(text: string, underscoreIsSpace: boolean): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (underscoreIsSpace && s[i] === '_') bytes.push(0x20);
    else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The subject and the plain-text body of a single-part message, decoded (what the patron reads). */
export function readMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
  const subject = header('Subject').replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, word: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(word, 'base64').toString('utf8') : unquote(word, true),
  );
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable' ? unquote(body, false) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { subject, text: text.replace(/\r\n/g, '\n') };
}
