import { describe, expect, it } from 'vitest';
import { SplitError } from './errors.js';
import { splitDays } from './split.js';

const days = ['2025-03-04', '2025-03-03', '2025-03-05', '2025-03-06'];
describe('splitDays', () => {
  it('keeps the last two days for the test by default', () => {
    const s = splitDays(days);
    expect(s).toEqual({ splitMs: Date.parse('2025-03-05T00:00:00Z'), splitDay: '2025-03-05', trainDays: ['2025-03-03', '2025-03-04'], testDays: ['2025-03-05', '2025-03-06'] });
  });
  it('splits at a given date or UTC midnight', () => {
    expect(splitDays(days, '2025-03-04').trainDays).toEqual(['2025-03-03']);
    expect(splitDays(days, '2025-03-06T00:00:00Z').testDays).toEqual(['2025-03-06']);
  });
  it('refuses splits that leave a side empty or cut inside a day', () => {
    expect(() => splitDays(days, '2025-03-03')).toThrow(SplitError);
    expect(() => splitDays(days, '2025-03-07')).toThrow(SplitError);
    expect(() => splitDays(days, '2025-03-05T12:00:00Z')).toThrow(/partitioned by UTC day/);
    expect(() => splitDays(days.slice(0, 2))).toThrow(/need more than 2/);
  });
});
