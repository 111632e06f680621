import { describe, expect, it } from 'vitest';
import { encodePlan } from './apply-script.js';
import { cmd } from './write-plan.js';

describe('encodePlan', () => {
  it('flattens marked groups and the batch-wide group, each key listed once (1-based)', () => {
    const call = encodePlan({
      markerTtlSeconds: 60,
      events: [
        { marker: 'm1', commands: [cmd('ZADD', 's', 'GT', 5, 'v1'), cmd('HINCRBY', 'h', 'i', 1)] },
        { marker: 'm2', commands: [] },
      ],
      always: [cmd('EXPIRE', 's', 30)],
    });
    expect(call.keys).toEqual(['m1', 's', 'h', 'm2']);
    expect(call.args).toEqual(['60', '1', '2', 'ZADD', '2', '3', 'GT', '5', 'v1', 'HINCRBY', '3', '2', 'i', '1', '4', '0', '0', '1', 'EXPIRE', '2', '1', '30']);
  });

  it('sends no batch-wide group when there is nothing to run once', () => {
    expect(encodePlan({ markerTtlSeconds: 9, events: [{ marker: 'm', commands: [] }], always: [] }).args).toEqual(['9', '1', '0']);
  });
});
