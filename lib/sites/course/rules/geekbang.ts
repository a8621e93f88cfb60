/**
 * 极客时间 (time.geekbang.org). Column records of its APIs carry column_title, author_name, sub_count
 * (subscribers), column_unit ("45讲") and prices in fen: column_price_sale / column_price (what a buyer
 * pays) and column_price_market (the list price). Course URLs use the sku: /column/intro/<sku>.
 * Fixture: test/fixtures/courses/cpselvis__geektime-webpack-course/geekbang_column_list.data.json.
 */

import { fromMinorUnits } from '../../../parse/price';
import type { CourseRecord } from '../../../records';
import { coursesInBody, int, text, toRecord } from '../record';
import type { CourseFields, CourseRule } from '../types';

const ORIGIN = 'https://time.geekbang.org';

export function geekbangColumn(c: Record<string, unknown>): CourseRecord | null {
  const id = int(c.column_sku) ?? int(c.id);
  const title = text(c.column_title);
  if (id === undefined || !title) return null;
  const url = `${ORIGIN}/column/intro/${id}`;
  const sale = int(c.column_price_sale) ?? int(c.column_price);
  const market = int(c.column_price_market);
  const fields: CourseFields = {
    url,
    title,
    provider: '极客时间',
    instructor: text(c.author_name),
    price: sale === undefined ? undefined : fromMinorUnits(sale, 'CNY'),
    currency: sale === undefined ? undefined : 'CNY',
    listPrice: market === undefined ? undefined : fromMinorUnits(market, 'CNY'),
    students: int(c.sub_count),
    // A number is tried from its first digit only, and is at most 6 digits: `(\d+)\s*讲` alone was
    // quadratic on a long run of digits with no 讲 (found hanging the mutated-body property test).
    lessons: int(/(?<!\d)(\d{1,6})\s*讲/.exec(text(c.column_unit) ?? '')?.[1]),
  };
  return toRecord(fields, 'site', url);
}

function json(_url: string, body: unknown): CourseRecord[] | null {
  return coursesInBody(body, (v) => 'column_title' in v, geekbangColumn);
}

export const geekbang: CourseRule = {
  id: 'geekbang',
  name: '极客时间',
  currency: 'CNY',
  matches: (url) => /(^|\.)geekbang\.org$/.test(url.hostname),
  isCourseUrl: (url) => /^\/(column|course)\/(intro\/)?\d+/.test(url.pathname),
  json,
};
