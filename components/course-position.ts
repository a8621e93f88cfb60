/** Where the user's own course sits among competitors' prices: same currency only, never converted. */

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
      const mid = others.length / 2;
      const median =
        others.length === 0
          ? null
          : others.length % 2
            ? others[Math.floor(mid)]!
            : (others[mid - 1]! + others[mid]!) / 2;
      const cheaper = others.filter((p) => p < price).length;
      return {
        url: mine.url,
        currency: mine.currency as string,
        price,
        compared: others.length,
        cheaper,
        dearer: others.filter((p) => p > price).length,
        median,
        percentile: others.length ? cheaper / others.length : null,
      };
    });
}
