/** Text <-> bytes in the configured wire encoding (pure: no Buffer, no I/O). */
export type Sip2Encoding = 'utf-8' | 'latin1' | 'ascii';

const utf8Encoder = new TextEncoder();
// Not fatal: a server that sends a stray byte still gets its message through (U+FFFD marks it).
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

export function encodeText(text: string, encoding: Sip2Encoding): Uint8Array {
  if (encoding === 'utf-8') return utf8Encoder.encode(text);
  const max = encoding === 'latin1' ? 0xff : 0x7f;
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c <= max ? c : 0x3f; // '?', as the spec's 7-bit world would
  }
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
