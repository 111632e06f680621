import { describe, expect, it } from 'vitest';
import { mergeWorld } from './world-summary.js';

const update = { source: 'kuairand', users: 5, videos: 7, eventsAdded: 10, minTs: Date.parse('2022-04-08T00:00:00Z'), maxTs: Date.parse('2022-04-09T00:00:00Z'), regions: ['CN'], categories: ['3', '1'] };

describe('mergeWorld', () => {
  it('writes the summary keys for a new world', () => {
    expect(mergeWorld(undefined, update)).toMatchObject({
      source: 'kuairand', users: 5, videos: 7, events: 10, start: '2022-04-08T00:00:00.000Z', end: '2022-04-09T00:00:00.000Z',
      start_ts: update.minTs, end_ts: update.maxTs, regions: ['CN'], categories: ['1', '3'], counts: { users: 5, videos: 7, events: 10 },
    });
  });

  it('merges into an existing world: widens the time range, adds events, keeps foreign keys', () => {
    const prev = { source: 'ndjson', events: 4, start: '2022-04-01T00:00:00.000Z', end: '2022-04-08T12:00:00.000Z', regions: [{ id: 'US' }], seed: 7 };
    expect(mergeWorld(prev, update)).toMatchObject({
      source: 'ndjson+kuairand', events: 14, start: '2022-04-01T00:00:00.000Z', end: '2022-04-09T00:00:00.000Z', regions: ['CN', 'US'], seed: 7,
    });
  });

  it('counts on from a generated world, whose event total lives in counts.events', () => {
    expect(mergeWorld({ counts: { events: 100, creators: 3 } }, update)).toMatchObject({ events: 110, counts: { events: 110, creators: 3 } });
  });
});
