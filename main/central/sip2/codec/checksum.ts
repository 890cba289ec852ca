/**
 * SIP2 error detection: the checksum is the two's complement of the 16-bit
 * sum of every byte from the command code up to and including "AZ",
 * written as four upper-case hex digits. It is computed over the exact
 * bytes on the wire, so text is never normalised before checking.
 */
export function checksumValue(bytes: Uint8Array, end = bytes.length): number {
  let sum = 0;
  for (let i = 0; i < end; i++) sum += bytes[i]!;
  return -sum & 0xffff;
}

/** The checksum of bytes[0, end) as its four upper-case hex digits. */
export function checksum(bytes: Uint8Array, end = bytes.length): string {
  const v = checksumValue(bytes, end);
  return String.fromCharCode(hexDigit(v >> 12), hexDigit(v >> 8), hexDigit(v >> 4), hexDigit(v));
}

/** ASCII code of the upper-case hex digit for the low four bits of `v`. */
export const hexDigit = (v: number): number => {
  const n = v & 0xf;
  return n < 10 ? 0x30 + n : 0x37 + n;
};
