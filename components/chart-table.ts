/**
 * What a chart shows, as text: the rule for when a chart may be drawn at all, and the rows of the
 * table that carries its numbers for screen readers and keyboard users (WCAG 1.1.1).
 */
export type ChartData = ReadonlyArray<ReadonlyArray<number | null>>;

const hasValue = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The x positions where at least one series has a value. */
export function pointsWithData(data: ChartData): number {
  const [xs = [], ...series] = data;
  let points = 0;
  for (let i = 0; i < xs.length; i++) if (series.some((s) => hasValue(s[i]))) points++;
  return points;
}

/**
 * A line needs two points: with fewer, uPlot draws bare axes around nothing (a lone day stretches the
 * time axis over years), so no chart is drawn and the caller says what is missing instead.
 */
export const canDrawChart = (data: ChartData): boolean => pointsWithData(data) >= 2;

export interface ChartTable {
  head: string[];
  rows: Array<{ key: number; cells: string[] }>;
}

/** One row per x that has a value, in the order of the chart; unknown values as the formatter says. */
export function chartTable(
  data: ChartData,
  seriesLabels: readonly string[],
  xLabel: string,
  formatX: (x: number) => string,
  formatY: (y: number | null) => string,
): ChartTable {
  const [xs = [], ...series] = data;
  const rows: ChartTable['rows'] = [];
  xs.forEach((x, i) => {
    if (x === null || !series.some((s) => hasValue(s[i]))) return;
    rows.push({
      key: x,
      cells: [
        formatX(x),
        ...series.map((s) => {
          const y = s[i];
          return formatY(hasValue(y) ? y : null);
        }),
      ],
    });
  });
  return { head: [xLabel, ...seriesLabels], rows };
}
