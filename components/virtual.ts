import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/** Below this many rows the table renders them all: cheaper than measuring, and find-in-page works. */
export const VIRTUAL_MIN_ROWS = 200;

export interface VisibleRows {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/**
 * Fixed-height virtual rows inside a scrolling element (@tanstack/virtual-core without a framework
 * adapter: options are refreshed on every render, mount and update hooks called as its adapters do).
 */
export function useVirtualRows(
  count: number,
  scroller: RefObject<HTMLElement | null>,
  rowHeight: number,
): VisibleRows {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    overscan: 12,
    onChange: () => rerender(undefined),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLElement, HTMLElement>(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  if (count <= VIRTUAL_MIN_ROWS) return { start: 0, end: count, padTop: 0, padBottom: 0 };
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return { start: 0, end: Math.min(count, 30), padTop: 0, padBottom: 0 };
  return {
    start: first.index,
    end: last.index + 1,
    padTop: first.start,
    padBottom: Math.max(0, virtualizer.getTotalSize() - last.end),
  };
}
