import { describe, expect, it } from 'vitest';
import { canDrawChart, chartTable, pointsWithData } from '../../../components/chart-table';
import { formatCount } from '../../../components/format';
import { isNoFilter, NO_FILTER } from '../../../components/post-filter';

const DAY = 86_400;

describe('when a chart may be drawn (issue 12: empty charts with a time axis running to 2029)', () => {
  it('draws nothing for no points, a lone point, or points whose values are all unknown', () => {
    expect(canDrawChart([[], [], []])).toBe(false);
    expect(canDrawChart([])).toBe(false);
    // The case: posts captured on one day, one rollup, one x.
    expect(canDrawChart([[1_800_000_000], [0], [0]])).toBe(false);
    expect(
      canDrawChart([
        [1, 2, 3],
        [null, null, null],
      ]),
    ).toBe(false);
    expect(
      canDrawChart([
        [1, 2, 3],
        [null, 5, null],
      ]),
    ).toBe(false);
  });

  it('draws a line through two or more points that have a value in any series', () => {
    expect(
      canDrawChart([
        [1, 2],
        [0, 0],
      ]),
    ).toBe(true);
    expect(
      canDrawChart([
        [1, 2, 3],
        [null, 5, null],
        [4, null, null],
      ]),
    ).toBe(true);
    expect(
      pointsWithData([
        [1, 2, 3],
        [null, 5, null],
        [4, null, Number.NaN],
      ]),
    ).toBe(2);
  });
});

describe('chart numbers as a table', () => {
  const format = (y: number | null) => formatCount(y, 'en');
  const day = (x: number) => `d${x / DAY}`;

  it('has a header for the x column and each series, one row per point with a value', () => {
    const table = chartTable(
      [
        [DAY, 2 * DAY, 3 * DAY],
        [1200, null, 3400],
        [7, null, null],
      ],
      ['View gain', 'Engagement gain'],
      'Date',
      day,
      format,
    );
    expect(table.head).toEqual(['Date', 'View gain', 'Engagement gain']);
    expect(table.rows).toEqual([
      { key: DAY, cells: ['d1', '1,200', '7'] },
      { key: 3 * DAY, cells: ['d3', '3,400', '—'] },
    ]);
  });

  it('formats the numbers in the chosen language', () => {
    const table = chartTable(
      [
        [DAY, 2 * DAY],
        [12_345, 0.5],
      ],
      ['粉丝'],
      '日期',
      day,
      (y) => formatCount(y, 'zh-CN'),
    );
    expect(table.head).toEqual(['日期', '粉丝']);
    expect(table.rows.map((r) => r.cells[1])).toEqual(['12,345', '0.5']);
  });

  it('is empty for a chart with no data', () => {
    expect(chartTable([[], []], ['Followers'], 'Date', day, format).rows).toEqual([]);
  });
});

describe('posts filter: nothing filtered out', () => {
  it('tells an untouched filter from one that hides posts', () => {
    expect(isNoFilter(NO_FILTER)).toBe(true);
    expect(isNoFilter({ ...NO_FILTER, text: '  ' })).toBe(true);
    expect(isNoFilter({ ...NO_FILTER, text: 'rust' })).toBe(false);
    expect(isNoFilter({ ...NO_FILTER, ownership: 'mine' })).toBe(false);
    expect(isNoFilter({ ...NO_FILTER, from: '2026-01-01' })).toBe(false);
    expect(isNoFilter({ ...NO_FILTER, format: 'video' })).toBe(false);
  });
});
