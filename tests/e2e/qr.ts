import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Reads the QR code in a screenshot as a phone would (jsQR), or throws. */
export function readQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  // jsqr is CommonJS with its function on `default` as well.
  const code = jsQR.default(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  if (!code) throw new Error('no readable QR code in the screenshot');
  return code.data;
}
