// The catalogue behind the synthetic lists (scripts/bench/feed-cost/synthetic-lists.ts): one Video per
// distinct video they mention, with the creator, category and upload time the lists carry and a seeded
// title and duration, so the demo page has something to show. The lists have no titles of their own.
import { VideoSchema, type Video } from '../../models/schemas.js';
import { seededRng } from '../../models/train/rng.js';
import type { SyntheticLists } from '../bench/feed-cost/synthetic-lists.js';

const ADJECTIVES = ['Quiet', 'Rapid', 'Golden', 'Hidden', 'Tiny', 'Endless', 'Bright', 'Wild', 'Late-night', 'Rainy'];
const SUBJECTS = ['harbour walk', 'bread recipe', 'chess opening', 'guitar riff', 'city timelapse', 'cat rescue', 'bike repair', 'street food tour'];

export function syntheticCatalogue(lists: SyntheticLists, o: { seed: number; region?: string; language?: string }): Video[] {
  const rng = seededRng(o.seed);
  const all = [...lists.candidates, ...lists.trending, lists.fresh];
  const seen = new Set<string>();
  const videos: Video[] = [];
  for (const list of all) {
    for (const item of list.items) {
      if (seen.has(item.video_id)) continue;
      seen.add(item.video_id);
      const title = `${ADJECTIVES[rng.int(ADJECTIVES.length)]} ${SUBJECTS[rng.int(SUBJECTS.length)]} (${item.video_id})`;
      videos.push(
        VideoSchema.parse({
          video_id: item.video_id,
          creator_id: item.creator_id,
          category: item.category,
          tags: [item.category],
          duration_sec: 15 + rng.int(900),
          upload_ts: item.upload_ts ?? list.generated_at,
          region: o.region ?? 'global',
          language: o.language ?? 'en',
          title,
        }),
      );
    }
  }
  return videos;
}
