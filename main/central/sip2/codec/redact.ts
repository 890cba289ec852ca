import { SECRET_FIELDS } from './fields.ts';
import { MESSAGES } from './spec.ts';

/**
 * Makes a message safe to log: the values of AD (PIN), CO (password), AA
 * (patron id) and the other personal fields are replaced by "***". Works on
 * text so it can be used on anything that looks like SIP2, valid or not.
 */
export function redactText(text: string): string {
  const spec = MESSAGES.get(text.slice(0, 2));
  const head = 2 + (spec ? spec.fixed.reduce((n, f) => n + f.width, 0) : 0);
  const fixed = text.slice(0, head);
  const rest = text.slice(head);
  return fixed + rest.split('|').map(redactField).join('|');
}

function redactField(part: string): string {
  return SECRET_FIELDS.has(part.slice(0, 2)) && part.length > 2 ? `${part.slice(0, 2)}***` : part;
}

/** Hex of the redacted text, for trace logs (never of the raw bytes). */
export function redactedHex(text: string): string {
  return Array.from(new TextEncoder().encode(redactText(text)), (b) => b.toString(16).padStart(2, '0')).join(' ');
}
