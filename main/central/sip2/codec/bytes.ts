/**
 * Small byte arrays for outgoing messages, cut from a shared 8 KB slab (as
 * Node's Buffer pool does) instead of allocated one by one: a typed array
 * over 64 bytes, or one handed to a socket, otherwise costs a separate
 * allocation per message. Each array is the caller's: nothing is reused
 * while a view into it is alive, a full slab is simply left to the GC.
 */
const SLAB_SIZE = 8192;
const LARGEST_FROM_SLAB = 1024;

let slab = new ArrayBuffer(SLAB_SIZE);
let used = 0;

export function allocBytes(length: number): Uint8Array {
  if (length > LARGEST_FROM_SLAB) return new Uint8Array(length);
  if (used + length > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE);
    used = 0;
  }
  const bytes = new Uint8Array(slab, used, length);
  used += (length + 7) & ~7; // 8-byte aligned, as Buffer's pool
  return bytes;
}
