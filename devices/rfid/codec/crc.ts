/**
 * The three CRC-16 flavours the RFID stack meets. All are table-free
 * bit loops: frames are short and clarity beats speed here.
 */

/** CRC-16/CCITT-FALSE (poly 0x1021, preset 0xFFFF, MSB first): ISO 28560-3 basic block. */
export function crc16Ccitt(data: Uint8Array, preset = 0xffff): number {
  let crc = preset;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** FEIG ISO-host: poly 0x8408 (0x1021 reflected), preset 0xFFFF, LSB first, no final xor. */
export function crc16Feig(data: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of data) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return crc;
}

/** 3M / bibliotheca 810: CCITT with preset 0xFFFF and the result inverted (CRC-16/GENIBUS). */
export function crc16ThreeM(data: Uint8Array): number {
  return crc16Ccitt(data) ^ 0xffff;
}
