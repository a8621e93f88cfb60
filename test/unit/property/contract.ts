/**
 * What every extractor owes its caller, whatever it was fed (issue 7): an Extraction whose records all
 * pass the record contract (no NaN, no negative or fractional count, no non-http URL, no oversize
 * string) and whose failures have the {extractor, reason} shape naming the site.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { CaptureRecord, ExtractFailure, type Extraction } from '../../../lib/records';

const brief = (v: unknown): string => {
  try {
    return JSON.stringify(v).slice(0, 400);
  } catch {
    return String(v).slice(0, 400);
  }
};

/** Throws (failing the property) with the offending record and zod's first issue. */
export function assertRecord(record: unknown, where: string): void {
  const parsed = CaptureRecord.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${where}: record breaks the contract at ${issue?.path.join('.')}: ${issue?.message}\n${brief(record)}`,
    );
  }
}

export function assertFailure(failure: unknown, prefix: string, where: string): void {
  const parsed = ExtractFailure.safeParse(failure);
  if (!parsed.success) throw new Error(`${where}: failure has the wrong shape: ${brief(failure)}`);
  if (!parsed.data.extractor.startsWith(prefix)) {
    throw new Error(`${where}: failure names "${parsed.data.extractor}", expected "${prefix}…"`);
  }
}

/**
 * `site` is the platform every post/account record must carry ("x"), and the prefix of every
 * failure's extractor name ("x."); course records may come from any site.
 */
export function assertExtraction(result: Extraction, site: string, where: string): void {
  if (!result || !Array.isArray(result.records) || !Array.isArray(result.failures)) {
    throw new Error(`${where}: not an Extraction: ${brief(result)}`);
  }
  for (const record of result.records) {
    assertRecord(record, where);
    if (record.kind !== 'course' && record.platform !== site) {
      throw new Error(`${where}: a ${record.platform} record from the ${site} extractor`);
    }
  }
  for (const failure of result.failures) assertFailure(failure, `${site}.`, where);
  // What the content script sends must survive serialisation unchanged.
  expect(JSON.parse(JSON.stringify(result.records))).toEqual(result.records);
}

/** Calls `run` and reports a throw as a property failure naming the boundary it escaped. */
export function noThrow<T>(where: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new Error(
      `${where} threw past its boundary: ${error instanceof Error ? error.stack : String(error)}`,
    );
  }
}

/**
 * Prototype keys in the input must never reach Object.prototype or Array.prototype: the tests snapshot
 * both before each test and compare after.
 */
export function guardPrototypes(): void {
  let before: string[] = [];
  const names = () => [
    ...Object.getOwnPropertyNames(Object.prototype).map((n) => `O.${n}`),
    ...Object.getOwnPropertyNames(Array.prototype).map((n) => `A.${n}`),
  ];
  beforeEach(() => {
    before = names();
  });
  afterEach(() => {
    expect(names()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
}
