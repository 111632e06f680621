import { expect, it } from 'vitest';
import { cand } from '../test/candidates.js';
import { hiddenVideos, realtimeSeen } from './realtime-seen.js';

const session = { recent: [], sessionSkips: 0, sessionWatches: 0, sinceLastVisitMs: null, isNewSession: true };
const state = (seen: string[], dislikedVideos: string[]) => ({ seen, dislikedVideos, dislikedCreators: [], followedCreators: [], session });

it('removes seen and disliked videos, keeping the order of the rest', () => {
  const stream = ['a', 'b', 'c', 'd'].map((id, i) => cand(id, i));
  const { kept, removed } = realtimeSeen().filter(stream, { seen: hiddenVideos(state(['b'], ['d'])) });
  expect(kept.map((c) => c.video_id)).toEqual(['a', 'c']);
  expect(removed.map((c) => c.video_id)).toEqual(['b', 'd']);
});

it('removes nothing without realtime state (fail open)', () => {
  const stream = ['a', 'b'].map((id, i) => cand(id, i));
  expect(realtimeSeen().filter(stream, { seen: hiddenVideos(null) }).kept).toHaveLength(2);
});
