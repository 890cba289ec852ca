/**
 * SIP2 error detection: the checksum is the two's complement of the 16-bit
 * sum of every byte from the command code up to and including "AZ",
 * written as four upper-case hex digits. It is computed over the exact
 * bytes on the wire, so text is never normalised before checking.
 */
export function checksum(bytes: Uint8Array, end = bytes.length): string {
  let sum = 0;
  for (let i = 0; i < end; i++) sum = (sum + bytes[i]!) & 0xffff;
  return (-sum & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}
