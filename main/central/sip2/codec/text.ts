import { allocBytes } from './bytes.ts';

/** Text <-> bytes in the configured wire encoding (pure: no Buffer, no I/O). */
export type Sip2Encoding = 'utf-8' | 'latin1' | 'ascii';

const utf8Encoder = new TextEncoder();
// Not fatal: a server that sends a stray byte still gets its message through (U+FFFD marks it).
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

export function encodeText(text: string, encoding: Sip2Encoding): Uint8Array {
  return encodeTextWithRoom(text, encoding, 0);
}

/** The text's bytes followed by `room` zero bytes for the caller to fill (a checksum, a terminator). */
export function encodeTextWithRoom(text: string, encoding: Sip2Encoding, room: number): Uint8Array {
  const out = allocBytes(text.length + room);
  // One byte a character: Latin-1 and ASCII always, UTF-8 as long as the text is ASCII (nearly every SIP2 message).
  const max = encoding === 'latin1' ? 0xff : 0x7f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > max) {
      if (encoding === 'utf-8') return utf8WithRoom(text, room);
      out[i] = 0x3f; // '?', as the spec's 7-bit world would
    } else out[i] = c;
  }
  return out;
}

function utf8WithRoom(text: string, room: number): Uint8Array {
  const encoded = utf8Encoder.encode(text);
  const out = allocBytes(encoded.length + room);
  out.set(encoded);
  return out;
}

export function decodeText(bytes: Uint8Array, encoding: Sip2Encoding): string {
  if (encoding === 'utf-8') return utf8Decoder.decode(bytes);
  let out = '';
  const mask = encoding === 'latin1' ? 0xff : 0x7f;
  for (let i = 0; i < bytes.length; i += 4096) {
    const slice = bytes.subarray(i, i + 4096);
    out += String.fromCharCode(...Array.from(slice, (b) => ((b & mask) === b ? b : 0x3f)));
  }
  return out;
}
