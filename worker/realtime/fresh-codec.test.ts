import { describe, expect, it } from 'vitest';
import { VideoSchema } from '../../models/schemas.js';
import { decodeFreshMembers, encodeFreshMember } from './fresh-codec.js';

const video = (id: string, title = 't') =>
  VideoSchema.parse({ video_id: id, creator_id: 'c', category: 'music', duration_sec: 30, upload_ts: 1_000, region: 'eu', language: 'en', title });

describe('fresh codec', () => {
  it('round-trips a video and keeps the newest member of each id', () => {
    const members = [encodeFreshMember(video('a', 'new')), encodeFreshMember(video('b')), encodeFreshMember(video('a', 'old'))];
    const back = decodeFreshMembers(members, 10);
    expect(back.map((v) => v.video_id)).toEqual(['a', 'b']);
    expect(back[0]).toEqual(video('a', 'new'));
  });

  it('stops at the limit and throws on a member that is not a video', () => {
    expect(decodeFreshMembers([encodeFreshMember(video('a')), encodeFreshMember(video('b'))], 1)).toHaveLength(1);
    expect(() => decodeFreshMembers(['{"video_id":"x"}'], 5)).toThrow();
  });
});
