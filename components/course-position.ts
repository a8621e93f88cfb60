/** Where the user's own course sits among competitors' prices: same currency only, never converted. */
import { median } from '@/lib/metrics/stats';

export interface PricedCourse {
  url: string;
  price: number | null;
  currency: string | null;
  mine?: boolean;
}

export interface PricePosition {
  url: string;
  currency: string;
  price: number;
  /** Competitor courses priced in the same currency. */
  compared: number;
  cheaper: number;
  dearer: number;
  median: number | null;
  /** Share of compared courses priced below this one, 0–1; null when there are none. */
  percentile: number | null;
}

export function pricePositions(courses: readonly PricedCourse[]): PricePosition[] {
  const priced = courses.filter((c) => typeof c.price === 'number' && c.currency);
  return priced
    .filter((c) => c.mine)
    .map((mine) => {
      const others = priced
        .filter((c) => !c.mine && c.currency === mine.currency)
        .map((c) => c.price as number)
        .sort((a, b) => a - b);
      const price = mine.price as number;
      const mid = median(others);
      const cheaper = others.filter((p) => p < price).length;
      return {
        url: mine.url,
        currency: mine.currency as string,
        price,
        compared: others.length,
        cheaper,
        dearer: others.filter((p) => p > price).length,
        median: mid,
        percentile: others.length ? cheaper / others.length : null,
      };
    });
}

export interface RankedCourse extends PricedCourse {
  provider: string;
  status?: string;
  students?: number;
  rating?: number;
}

/** Where a value ranks among others: 1 for the highest; null when the course lacks the value. */
export interface Rank {
  rank: number;
  of: number;
}

export interface CategoryPosition {
  url: string;
  /** The platform or school both sell on: the category the listings of this codebase carry. */
  category: string;
  currency: string;
  price: number;
  /** Competitor courses in the category priced in the same currency. */
  compared: number;
  cheaper: number;
  median: number | null;
  students: Rank | null;
  rating: Rank | null;
}

const rankAmong = (value: number | undefined, others: ReadonlyArray<number | undefined>): Rank | null => {
  if (value === undefined) return null;
  const known = others.filter((v): v is number => v !== undefined);
  return { rank: 1 + known.filter((v) => v > value).length, of: known.length + 1 };
};

/**
 * The user's course in each category it competes in (its provider: Udemy, 极客时间, a school's site)
 * against the saved competitor courses there in the same currency: price, and rank by students and by
 * rating. A category with no competitor course in it is left out (there is nothing to be placed among).
 */
export function categoryPositions(courses: readonly RankedCourse[]): CategoryPosition[] {
  const competing = courses.filter((c) => !c.mine && c.status === 'saved');
  return courses
    .filter((c) => c.mine && typeof c.price === 'number' && c.currency && c.provider)
    .flatMap((mine) => {
      const others = competing.filter((c) => c.provider === mine.provider && c.currency === mine.currency);
      const prices = others
        .map((c) => c.price)
        .filter((p): p is number => typeof p === 'number')
        .sort((a, b) => a - b);
      if (prices.length === 0) return [];
      const price = mine.price as number;
      return [
        {
          url: mine.url,
          category: mine.provider,
          currency: mine.currency as string,
          price,
          compared: prices.length,
          cheaper: prices.filter((p) => p < price).length,
          median: median(prices),
          students: rankAmong(
            mine.students,
            others.map((c) => c.students),
          ),
          rating: rankAmong(
            mine.rating,
            others.map((c) => c.rating),
          ),
        },
      ];
    });
}
