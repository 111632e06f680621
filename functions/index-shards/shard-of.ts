// Which shard holds a video: FNV-1a 32 of the id's UTF-8 bytes, mod the shard count. Stable across
// processes and runtimes (no Math.random, no object-hash order), so any job can find an id's shard.
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();

/** FNV-1a 32-bit; a few lines, so no dependency for it. */
export const fnv1a32 = (text: string): number => {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
};

export const shardOf = (videoId: string, shardCount: number): number => {
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new RangeError(`shardCount must be a positive integer, got ${shardCount}`);
  return fnv1a32(videoId) % shardCount;
};
