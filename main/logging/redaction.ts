/**
 * Keys whose values never reach a log: PINs, passwords, tokens, patron
 * identifiers. Applied at any depth up to two levels by pino's redact;
 * SIP2 frames are redacted field by field by the SIP2 codec's own helper.
 */
const SECRET_KEYS = ['pin', 'password', 'token', 'cardNumber', 'card', 'patron', 'patronId', 'holdPatron', 'holdPatronName', 'name'];

export const redactPaths: string[] = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export const REDACTED = '[redacted]';
