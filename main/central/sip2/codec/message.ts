/** A SIP2 message as data: what the decoder returns and the encoder takes. */
export interface SipField {
  readonly id: string;
  readonly value: string;
}

export interface SipMessage {
  /** Two-digit command identifier ("63", "64", ...). */
  readonly code: string;
  /** Fixed-length fields by name (see spec.ts), values exactly as on the wire. */
  readonly fixed: Readonly<Record<string, string>>;
  /** Variable fields in wire order; repeated and unknown ids are kept. */
  readonly fields: readonly SipField[];
}

export interface DecodedMessage extends SipMessage {
  /** Name of the command ("Checkout Response"), or "Unknown". */
  readonly name: string;
  /** AY sequence number, when error detection was on. */
  readonly sequence?: number;
  /** AZ checksum as sent. */
  readonly checksum?: string;
  /** Whether the AZ checksum matched the bytes; absent when no checksum was sent. */
  readonly checksumValid?: boolean;
  /** The checksum the bytes actually have (for diagnostics). */
  readonly expectedChecksum?: string;
  /** Decoded text without terminator. */
  readonly text: string;
}

/** The first value of a field, or undefined. */
export function fieldValue(msg: SipMessage, id: string): string | undefined {
  for (const f of msg.fields) if (f.id === id) return f.value;
  return undefined;
}

/** Every value of a (repeatable) field, in order. */
export function fieldValues(msg: SipMessage, id: string): string[] {
  const values: string[] = [];
  for (const f of msg.fields) if (f.id === id) values.push(f.value);
  return values;
}
