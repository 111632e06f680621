import { describe, expect, it } from 'vitest';
import { progress } from './progress.js';

describe('progress', () => {
  it('counts ticks and prints count, share, rate, ETA and detail lines when due', () => {
    const lines: string[] = [];
    const bar = progress('rows', { total: 10, everyMs: 0, log: (l) => lines.push(l), detail: () => 'extra 7' });
    bar.tick(4);
    bar.tick();
    expect(bar.done().count).toBe(5);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ {2}rows: 5\/10 \(50\.0%\) · [\d,]+\/s, ETA [\d,]+ s · extra 7$/);
  });
  it('stays quiet until the interval has passed', () => {
    const lines: string[] = [];
    const bar = progress('rows', { everyMs: 60_000, log: (l) => lines.push(l) });
    for (let i = 0; i < 1000; i++) bar.tick();
    expect(lines).toEqual([]);
  });
});
