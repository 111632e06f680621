import { describe, expect, it } from 'vitest';
import { counter, counterHash, decodeVideoRef, encodeVideoRef, flagList, nullableList, stringList } from './redis-replies.js';

describe('redis replies', () => {
  it('keeps ids that look like numbers as strings', () => {
    expect(stringList(['1e5', '007'])).toEqual(['1e5', '007']);
    expect(nullableList(['x', null])).toEqual(['x', null]);
    expect(() => stringList([1])).toThrow();
    expect(flagList([1, 0])).toEqual([1, 0]);
    expect(() => flagList(['OK'])).toThrow();
  });

  it('reads counters, absent ones as zero', () => {
    expect(counter('3')).toBe(3);
    expect(counter('-0.05')).toBe(-0.05);
    expect(counter(null)).toBe(0);
    expect(() => counter('abc')).toThrow();
    expect(counterHash(['v1', '2.5', '1e5', '4'])).toEqual(new Map([['v1', 2.5], ['1e5', 4]]));
    expect(counterHash(null)).toEqual(new Map());
    expect(() => counterHash(['v1'])).toThrow();
  });

  it('round-trips a video ref', () => {
    const ref = { creator_id: 'c1', category: 'music' };
    expect(decodeVideoRef(encodeVideoRef(ref))).toEqual(ref);
    expect(() => decodeVideoRef('{"c":""}')).toThrow();
  });
});
