// Which shard holds a video: FNV-1a 32 of the id's UTF-8 bytes, mod the shard count. Stable across
// processes and runtimes (no Math.random, no object-hash order), so any job can find an id's shard.
import { fnv1a32 } from '../../models/features/hash.js';

export const shardOf = (videoId: string, shardCount: number): number => {
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new RangeError(`shardCount must be a positive integer, got ${shardCount}`);
  return fnv1a32(videoId) % shardCount;
};
