import { describe, expect, it } from 'vitest';
import { scoreList } from './list-scores.js';
import { trainPopularity } from './popularity.js';
import { scoreUsers, type ScoreUsersInput } from './score-users.js';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const catalogue = { videoIds: ids, creatorOf: new Map(ids.map((id, i) => [id, `creator${i % 2}`])) };
const events: ScoreUsersInput['events'] = {
  positives: new Map([['u1', new Set(['b'])], ['u2', new Set(['c'])], ['u3', new Set(['f'])], ['u4', new Set(['a'])]]),
  grades: new Map([['u1', new Map([['b', 4]])], ['u2', new Map([['c', 1]])], ['u3', new Map([['f', 2]])], ['u4', new Map([['a', 2]])]]),
  // u4's only target was watched in training: not scored.
  watched: new Map([['u1', new Set(['a'])], ['u4', new Set(['a'])]]),
};
const input = (oracle: ScoreUsersInput['oracle']): ScoreUsersInput => ({
  events,
  candidates: new Map([['u1', ['a', 'c', 'b']]]),
  trending: new Map([['eu', ['c', 'd']], ['global', ['e', 'f']]]),
  regionOf: (u) => ({ u1: 'eu', u2: 'eu', u3: 'mars' })[u],
  oracle,
  cutoffs: { k: 1, kWide: 2 },
  catalogue,
  popularity: trainPopularity(events.watched, 2, ids),
});

describe('scoreUsers', () => {
  it('scores own lists, falling back to regional then global trending', () => {
    const r = scoreUsers(input(null));
    expect(r.usersWithoutList).toBe(2);
    expect(r.means.oracle).toBeNull();
    expect(r.metrics.oracle).toBeNull();
    // u1: own list minus watched a → c, b: miss at 1, hit at 2. u2: eu trending c, d: hit at 1. u3: global e, f: hit at 2.
    expect(r.means.lists).toMatchObject({ users: 3, recall: 1 / 3, recall_wide: 1 });
    expect(r.means.lists.ndcg).toBeCloseTo((0 + 1 + 0) / 3, 12);
    // Trending for u1 is eu: c, d — a miss at both cutoffs.
    expect(r.means.trending).toMatchObject({ users: 3, recall: 1 / 3, recall_wide: 2 / 3 });
    const at1 = r.metrics.lists.at_k['1']!;
    const at2 = r.metrics.lists.at_k['2']!;
    expect(at1.ndcg_binary).toBeCloseTo(r.means.lists.ndcg, 12);
    expect(at2.recall).toBeCloseTo(r.means.lists.recall_wide, 12);
    expect(at2.mrr).toBeCloseTo((1 / 2 + 1 + 1 / 2) / 3, 12);
    // Top-2 slots: c b | c d | e f → 5 distinct of 6.
    expect(at2.coverage).toBeCloseTo(5 / 6, 12);
  });
  it('scores the oracle on the same users, with the watched set it was given', () => {
    const seen: string[] = [];
    const r = scoreUsers(input((u, watched) => (seen.push(`${u}:${[...(watched ?? [])].join()}`), ['b', 'c', 'f'])));
    expect(seen).toEqual(['u1:a', 'u2:', 'u3:']);
    const s = [scoreList(['b', 'c', 'f'], new Set(['b']), undefined, { k: 1, kWide: 2 }), scoreList(['b', 'c', 'f'], new Set(['c']), undefined, { k: 1, kWide: 2 })];
    expect(r.means.oracle).toMatchObject({ users: 3, recall: s[0]!.recall / 3, recall_wide: (s[0]!.recall_wide + s[1]!.recall_wide) / 3 });
    expect(r.metrics.oracle?.users).toBe(3);
  });
});
