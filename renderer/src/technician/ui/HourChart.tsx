import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  /** Fill colour; each series also has its own pattern, so colour is never the only difference. */
  readonly color: string;
  readonly pattern: 'solid' | 'stripes' | 'dots' | 'cross';
}

export interface ChartHour {
  /** The hour as shown ("06"). */
  readonly label: string;
  /** One value per series, in the series' order. */
  readonly values: readonly number[];
}

const LEFT = 44;
const TOP = 22;
const PLOT = 180;
const BOTTOM = 30;

/** The element's width in CSS pixels, followed as it changes (the chart is drawn 1:1, so its text keeps its size). */
function useWidth<E extends HTMLElement>(fallback: number): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(320, Math.floor(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** The axis: round steps (1, 2 or 5 times a power of ten), about four of them, from 0 to at least the largest value. */
export function axisTicks(max: number): number[] {
  const raw = Math.max(max, 1) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw);
  return Array.from({ length: Math.ceil(Math.max(max, 1) / step) + 1 }, (_, i) => i * step);
}

/**
 * Bars per hour, drawn by hand in SVG from the data (no chart library):
 * stacked when there are several series. A summary sentence and a table
 * of the same figures go with it for those who do not see the bars.
 */
export function HourChart({
  title,
  hours,
  series,
  format,
  hourHeader,
}: {
  title: string;
  hours: readonly ChartHour[];
  series: readonly ChartSeries[];
  format: (n: number) => string;
  hourHeader: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [frame, width] = useWidth<HTMLDivElement>(900);
  const SLOT = (width - LEFT - 8) / Math.max(hours.length, 1);
  const BAR = Math.max(4, SLOT * 0.7);
  const every = SLOT < 26 ? 3 : SLOT < 34 ? 2 : 1;
  const totals = hours.map((h) => h.values.reduce((a, b) => a + b, 0));
  const total = totals.reduce((a, b) => a + b, 0);
  const max = Math.max(0, ...totals);
  const peakIndex = totals.indexOf(max);
  const ticks = axisTicks(max);
  const top = ticks.at(-1)!;
  const y = (v: number) => TOP + PLOT - (v / top) * PLOT;
  const height = TOP + PLOT + BOTTOM;
  return (
    <figure className="hour-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <p className="chart-summary" id={`${id}-summary`}>
        {t('technician.report.summary', { total: format(total) })}{' '}
        {max > 0 && t('technician.report.peak', { hour: hours[peakIndex]?.label, count: format(max) })}
      </p>
      <div ref={frame} className="chart-frame">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-summary`}
        >
          <title>{title}</title>
          <defs>
            {series.map((s) => (
              <Pattern key={s.id} id={`${id}-${s.id}`} series={s} />
            ))}
          </defs>
          {ticks.map((v) => (
            <g key={v} className="tick">
              <line x1={LEFT} x2={width - 4} y1={y(v)} y2={y(v)} />
              <text x={LEFT - 6} y={y(v) + 5} textAnchor="end">
                {format(v)}
              </text>
            </g>
          ))}
          {hours.map((h, i) => {
            const x = LEFT + i * SLOT + (SLOT - BAR) / 2;
            let base = 0;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a DST day repeats an hour label; the position is the identity
              <g key={i}>
                {h.values.map((v, s) => {
                  if (v === 0) return null;
                  const rect = (
                    <rect
                      key={series[s]!.id}
                      x={x}
                      width={BAR}
                      y={y(base + v)}
                      height={y(base) - y(base + v)}
                      fill={`url(#${id}-${series[s]!.id})`}
                    />
                  );
                  base += v;
                  return rect;
                })}
                {totals[i]! > 0 && SLOT >= 22 && (
                  <text className="value" x={x + BAR / 2} y={y(totals[i]!) - 5} textAnchor="middle">
                    {format(totals[i]!)}
                  </text>
                )}
                {i % every === 0 && (
                  <text className="hour" x={x + BAR / 2} y={TOP + PLOT + 20} textAnchor="middle">
                    {h.label}
                  </text>
                )}
              </g>
            );
          })}
          <line className="axis" x1={LEFT} x2={width - 4} y1={y(0)} y2={y(0)} />
        </svg>
      </div>
      {series.length > 1 && (
        <ul className="legend">
          {series.map((s) => (
            <li key={s.id}>
              <svg viewBox="0 0 20 20" aria-hidden="true">
                <rect width="20" height="20" fill={`url(#${id}-${s.id})`} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('technician.report.asTable')}</summary>
        <table className="data-table chart-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{hourHeader}</th>
              {series.map((s) => (
                <th key={s.id} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hours.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <tr key={i}>
                <th scope="row">{h.label}</th>
                {h.values.map((v, s) => (
                  <td key={series[s]!.id} className="num">
                    {format(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The series' colour with white marks on it: dark enough against the page, told apart without colour. */
function Pattern({ id, series }: { id: string; series: ChartSeries }) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill={series.color} />
      {series.pattern === 'stripes' && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" strokeWidth="1.5" />}
      {series.pattern === 'dots' && <circle cx="4" cy="4" r="1.5" fill="#fff" />}
      {series.pattern === 'cross' && <path d="M0,0 L8,8 M8,0 L0,8" stroke="#fff" strokeWidth="1.2" />}
    </pattern>
  );
}
