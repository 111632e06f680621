// Strict field readers for delimited rows: a value that is not what the column promises rejects the
// row with a reason naming the column (grouped in the report, so reasons carry no row values).
import { RowRejectError } from './errors.js';

export type Get = (column: string) => string | undefined;

const NUMBER_RE = /^-?\d+(\.\d+)?$/;

/** A number in column (integers written as 12.0 accepted). `undefined` when the column is absent or empty and optional. */
export function num(get: Get, column: string, opts: { optional?: boolean; min?: number; max?: number } = {}): number | undefined {
  const raw = get(column);
  if (raw === undefined || raw === '') {
    if (opts.optional) return undefined;
    throw new RowRejectError(`missing_value: ${column}`);
  }
  if (!NUMBER_RE.test(raw)) throw new RowRejectError(`not_numeric: ${column}`);
  const value = Number(raw);
  if (opts.min !== undefined && value < opts.min) throw new RowRejectError(value < 0 ? `negative: ${column}` : `out_of_range: ${column}`);
  if (opts.max !== undefined && value > opts.max) throw new RowRejectError(`out_of_range: ${column}`);
  return value;
}

export function requiredNum(get: Get, column: string, opts: { min?: number; max?: number } = {}): number {
  return num(get, column, opts)!;
}

/** A 0/1 flag; an absent column reads as 0 (the variant files leave some flags out). */
export function flag(get: Get, column: string): boolean {
  const v = num(get, column, { optional: true, min: 0, max: 1 });
  return v === 1;
}

/** An id made of digits (every id in the delimited formats we read is numeric). */
export function numericId(get: Get, column: string): string {
  const raw = get(column);
  if (raw === undefined || raw === '') throw new RowRejectError(`missing_value: ${column}`);
  if (!/^\d+(\.0+)?$/.test(raw)) throw new RowRejectError(`not_numeric: ${column}`);
  return raw.replace(/\.0+$/, '');
}

/** Runs a row mapper, turning a RowRejectError into a reject and letting real bugs through. */
export function mapRow<T>(lineNo: number, map: () => T): { lineNo: number; value: T } | { lineNo: number; reject: string } {
  try {
    return { lineNo, value: map() };
  } catch (err) {
    if (err instanceof RowRejectError) return { lineNo, reject: err.message };
    throw err;
  }
}
