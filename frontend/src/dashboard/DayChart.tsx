import { useId, useState } from "react";

export interface ChartPoint {
  /** ISO date (yyyy-mm-dd). */
  day: string;
  value: number;
}

const dayLabel = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
export const formatDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dayLabel.format(d);
};

/**
 * A bar per day in plain SVG. Screen readers get the title and a summary; everyone can open the
 * same numbers as a table.
 */
export function DayChart({ title, unit, one, points, tone = "primary" }: {
  title: string;
  /** What is counted, plural ("orders") and singular ("order"). */
  unit: string;
  one: string;
  points: ChartPoint[];
  tone?: "primary" | "accent";
}) {
  const titleId = useId();
  const descId = useId();
  const [asTable, setAsTable] = useState(false);
  const total = points.reduce((sum, p) => sum + p.value, 0);
  const max = Math.max(1, ...points.map((p) => p.value));
  const width = 320;
  const height = 120;
  const gap = 2;
  const barWidth = points.length ? (width - gap * (points.length - 1)) / points.length : width;
  const busiest = points.reduce<ChartPoint | undefined>((best, p) => (!best || p.value > best.value ? p : best), undefined);
  const summary =
    total === 0
      ? `No ${unit} in the last ${points.length} days.`
      : `${total} ${total === 1 ? one : unit} in the last ${points.length} days; most on ${formatDay(busiest!.day)} (${busiest!.value}).`;

  return (
    <figure className="chart">
      <figcaption className="chart-head">
        <span className="chart-title" id={titleId}>
          {title}
        </span>
        <span className="chart-total">{total}</span>
      </figcaption>
      <svg
        className={`chart-svg chart-${tone}`}
        viewBox={`0 0 ${width} ${height + 16}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        preserveAspectRatio="none"
      >
        <desc id={descId}>{summary}</desc>
        <line x1="0" x2={width} y1={height} y2={height} className="chart-axis" />
        {points.map((p, i) => {
          const h = p.value === 0 ? 0 : Math.max(2, (p.value / max) * (height - 8));
          return (
            <rect key={p.day} x={i * (barWidth + gap)} y={height - h} width={barWidth} height={h} className="chart-bar" rx="1.5">
              <title>{`${formatDay(p.day)}: ${p.value}`}</title>
            </rect>
          );
        })}
        {points.length > 0 && (
          <>
            <text x="0" y={height + 13} className="chart-label">
              {formatDay(points[0].day)}
            </text>
            <text x={width} y={height + 13} className="chart-label" textAnchor="end">
              {formatDay(points[points.length - 1].day)}
            </text>
          </>
        )}
      </svg>
      <p className="muted small chart-summary">{summary}</p>
      <button
        type="button"
        className="btn btn-link btn-small"
        aria-expanded={asTable}
        aria-label={`${asTable ? "Hide the numbers" : "Show as a table"} (${title})`}
        onClick={() => setAsTable((v) => !v)}
      >
        {asTable ? "Hide the numbers" : "Show as a table"}
      </button>
      {asTable && (
        <div className="table-wrap">
          <table className="table table-compact" aria-label={title}>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">{unit.charAt(0).toUpperCase() + unit.slice(1)}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.day}>
                  <td>
                    <time dateTime={p.day}>{formatDay(p.day)}</time>
                  </td>
                  <td>{p.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
