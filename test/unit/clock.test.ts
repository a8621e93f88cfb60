import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { now, nowDate, setClock } from '../../lib/clock';

const ROOT = join(__dirname, '../..');
/** The benchmark times durations and runs code inside pages, where no clock of ours exists. */
const NOT_PRODUCT = new Set(['scripts/bench.ts', 'lib/clock.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.(ts|tsx|mjs)$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

afterEach(() => setClock());

describe('the clock', () => {
  it('is the only place product code reads the current time', () => {
    const readers = ['lib', 'components', 'entrypoints', 'scripts']
      .flatMap(sourceFiles)
      .filter((file) => !NOT_PRODUCT.has(file))
      .filter((file) => /Date\.now\(\)|new Date\(\)/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(readers).toEqual([]);
  });

  it('can be pinned to an instant or a function, and restored', () => {
    const instant = Date.UTC(2028, 1, 29, 15, 30);
    setClock(instant);
    expect(now()).toBe(instant);
    setClock(new Date(instant + 1));
    expect(nowDate().getTime()).toBe(instant + 1);
    let t = 0;
    setClock(() => ++t);
    expect([now(), now()]).toEqual([1, 2]);
    setClock();
    expect(Math.abs(now() - Date.now())).toBeLessThan(1000);
  });
});
