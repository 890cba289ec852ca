import { encode } from 'uqr';

/**
 * A QR code drawn as SVG (uqr computes the modules): one path of unit
 * squares, with the quiet zone the standard asks for, so any phone camera
 * reads it off the screen.
 */
export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const { data } = encode(text, { ecc: 'M', border: 4 });
  const n = data.length;
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${n} ${n}`} shapeRendering="crispEdges">
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
