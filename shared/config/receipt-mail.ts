import * as z from 'zod';

/**
 * The library's outgoing mail relay, for "send my receipt to my e-mail".
 * Without this section the choice is never offered; with it, it is offered
 * only to a patron for whom the central system gave an e-mail address
 * (SIP2 Patron Information, field BE). The login is read from a file
 * (`credentialsFile`), never written in this config and never logged.
 */
export const receiptMailSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  /**
   * tls: TLS from the first byte (usually port 465); starttls: the relay must
   * upgrade to TLS before the login (usually 587); none: plain text, for a
   * relay on the branch's own network only.
   */
  security: z.enum(['tls', 'starttls', 'none']).default('starttls'),
  /** PEM file with the CA that signed the relay's certificate (else the system's CAs). */
  caFile: z.string().min(1).optional(),
  /** The sender patrons see, e.g. "Västerås stadsbibliotek <noreply@vasteras.se>". */
  from: z.string().min(3),
  /** YAML file with `user:` and `password:` for the relay; leave out for a relay that takes mail without login. */
  credentialsFile: z.string().min(1).optional(),
  /** How long to wait for the relay before telling the patron the receipt could not be sent. */
  timeoutMs: z.number().int().min(1000).max(60_000).default(15_000),
});

export type ReceiptMailConfig = z.infer<typeof receiptMailSchema>;
