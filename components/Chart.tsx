import 'uplot/dist/uPlot.min.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { type ChartData, canDrawChart, chartTable } from './chart-table';
import { dateFormat, formatCount } from './format';
import type { Translator } from './hooks';

export interface ChartSeries {
  label: string;
  /** Index into the theme palette (CSS --chart-N). */
  color?: number;
  /** Plot on the right-hand axis (a second scale). */
  right?: boolean;
}

/**
 * A day key (YYYY-MM-DD) as the chart's x: local midnight of that day, since uPlot labels times in the
 * browser's zone. UTC midnight would be labelled the day before west of Greenwich.
 */
export function dayToChartX(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime() / 1000;
}

const cssVar = (name: string, fallback: string): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

interface ChartProps {
  data: Array<Array<number | null>>;
  series: ChartSeries[];
  label: string;
  /** Said instead of the chart when there are fewer than two points to draw. */
  empty: string;
  tr: Translator;
  /** The x values are local days (dayToChartX) rather than instants. */
  days?: boolean;
  height?: number;
  testId?: string;
}

/**
 * A uPlot line chart that follows the theme, with its numbers as a table below it; with nothing to
 * draw, the caller's message and no axes.
 */
export function Chart(props: ChartProps) {
  if (!canDrawChart(props.data)) return <p class="empty">{props.empty}</p>;
  return (
    <div class="chart-block">
      <Plot {...props} />
      <ChartNumbers {...props} />
    </div>
  );
}

/**
 * The plot itself: colours come from CSS variables (light and dark), so a scheme change redraws it.
 * The x axis is time in seconds (uPlot's convention).
 */
function Plot(props: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let plot: uPlot | undefined;
    const build = () => {
      plot?.destroy();
      const fg = cssVar('--muted', '#64748b');
      const grid = cssVar('--line', '#e2e8f0');
      const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      // Compact tick labels ("12K", "1.2万") in the page's language, wide enough not to clip.
      const compact = new Intl.NumberFormat(document.documentElement.lang || 'en', { notation: 'compact' });
      const yAxis = {
        ...axis,
        size: 60,
        values: (_u: uPlot, ticks: number[]) => ticks.map((v) => compact.format(v)),
      };
      const hasRight = props.series.some((s) => s.right);
      plot = new uPlot(
        {
          width: Math.max(280, el.clientWidth || 600),
          height: props.height ?? 220,
          scales: { x: { time: true } },
          axes: [
            axis,
            { ...yAxis, scale: 'y' },
            ...(hasRight ? [{ ...yAxis, scale: 'r', side: 1 as const }] : []),
          ],
          series: [
            { label: props.tr.t('a11yChartWhen') },
            ...props.series.map((s, i) => ({
              label: s.label,
              scale: s.right ? 'r' : 'y',
              stroke: cssVar(`--chart-${(s.color ?? i) % 4}`, '#0f766e'),
              width: 2,
              spanGaps: true,
            })),
          ],
        },
        props.data as uPlot.AlignedData,
        el,
      );
    };
    build();
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', build);
    return () => {
      scheme.removeEventListener('change', build);
      plot?.destroy();
    };
  }, [props.data, JSON.stringify(props.series), props.height]);
  return <div class="chart" role="img" aria-label={props.label} ref={host} data-testid={props.testId} />;
}

/** The chart's numbers as a real table, built only once it is opened (a post's history can be long). */
function ChartNumbers({ data, series, label, tr, days }: ChartProps) {
  const [open, setOpen] = useState(false);
  const table = useMemo(() => {
    if (!open) return null;
    const when = dateFormat(
      tr.tag,
      days ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
    );
    return chartTable(
      data as ChartData,
      series.map((s) => s.label),
      tr.t('a11yChartWhen'),
      (x) => when.format(new Date(x * 1000)),
      (y) => formatCount(y, tr.tag),
    );
  }, [open, data, JSON.stringify(series), tr.tag, days]);
  return (
    <details class="chart-numbers" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{tr.t('a11yChartNumbers')}</summary>
      {table && (
        <table class="data">
          <caption>{label}</caption>
          <thead>
            <tr>
              {table.head.map((h, i) => (
                <th scope="col" key={h} class={i > 0 ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.cells[0]}</th>
                {row.cells.slice(1).map((cell, i) => (
                  <td class="num" key={series[i]?.label ?? i}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
