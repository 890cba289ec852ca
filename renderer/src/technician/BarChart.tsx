/** A labelled SVG bar chart (entries per hour, denials by reason); values are also given as text for screen readers. */
export function BarChart({ title, bars }: { title: string; bars: ReadonlyArray<{ label: string; value: number }> }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = 24 * Math.max(bars.length, 1);
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} 110`} role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}>
        {bars.map((b, i) => {
          const h = (b.value / max) * 90;
          return (
            <g key={b.label}>
              <rect x={i * 24 + 3} y={95 - h} width={18} height={h} fill="#0b2a4a" />
              <text x={i * 24 + 12} y={106} fontSize="7" textAnchor="middle">
                {b.label}
              </text>
              {b.value > 0 && (
                <text x={i * 24 + 12} y={92 - h} fontSize="7" textAnchor="middle">
                  {b.value}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
