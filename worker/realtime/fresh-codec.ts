// Fresh-pool members: the upload itself as JSON, scored by upload time, so listing the pool is one
// ZRANGE with no second lookup. A video posted again with changed fields leaves its older member until
// that ages out; listing keeps the newest member of each video_id.
import { VideoSchema, type Video } from '../../models/schemas.js';

export const encodeFreshMember = (video: Video): string => JSON.stringify(VideoSchema.parse(video));

/** Members newest first → videos newest first, one per video_id. Throws on a member that is not a Video. */
export function decodeFreshMembers(members: readonly string[], limit: number): Video[] {
  const seen = new Set<string>();
  const out: Video[] = [];
  for (const m of members) {
    const v = VideoSchema.parse(JSON.parse(m));
    if (seen.has(v.video_id)) continue;
    seen.add(v.video_id);
    out.push(v);
    if (out.length >= limit) break;
  }
  return out;
}
