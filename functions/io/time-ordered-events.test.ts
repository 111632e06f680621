import { describe, expect, it } from 'vitest';
import { HOUR, T0, view, writeWorld } from '../testing/tiny-world.js';
import { newReadStats } from './events.js';
import { readEventLogInTimeOrder } from './time-ordered-events.js';

describe('readEventLogInTimeOrder', () => {
  it('yields every valid event once, in time order across users and days, counting invalid rows', async () => {
    // Written user by user, as the generator does: u2's events come first in the file but are later.
    const events = [view('u2', 'b', T0 + 3 * HOUR), view('u2', 'c', T0 + 30 * HOUR), view('u1', 'a', T0 + HOUR), view('u1', 'd', T0 + 26 * HOUR)];
    const files = await writeWorld([...events, { ...view('u1', 'e', T0 + 2 * HOUR), type: 'nope' as never }]);
    const stats = newReadStats();
    const seen = [];
    for await (const e of readEventLogInTimeOrder(files, stats)) seen.push(`${e.user_id}:${e.video_id}`);
    expect(seen).toEqual(['u1:a', 'u2:b', 'u1:d', 'u2:c']);
    expect(stats).toMatchObject({ rows: 5, invalid: 1 });
  });
});
