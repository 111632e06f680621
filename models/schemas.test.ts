import { describe, expect, it } from 'vitest';
import { EventSchema, ManifestSchema, UserSchema, VideoSchema, watchRatio } from './schemas.js';

const event = { event_id: 'e1', user_id: 'u1', video_id: 'v1', ts: 1_700_000_000_000, type: 'view', watch_time_sec: 3, video_duration_sec: 12 };
const issuePaths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('EventSchema', () => {
  it('accepts a view and fills the default surface; ISO timestamps become epoch ms', () => {
    const e = EventSchema.parse({ ...event, ts: '2023-11-14T22:13:20Z' });
    expect(e.ts).toBe(1_700_000_000_000);
    expect(e.surface).toBe('feed');
    expect(watchRatio(e)).toBe(0.25);
  });

  it.each([
    [{ ...event, type: 'poke' }, 'type'],
    [{ ...event, ts: -1 }, 'ts'],
    [{ ...event, user_id: '' }, 'user_id'],
    [{ ...event, position: 1.5 }, 'position'],
    [{ ...event, watch_time_sec: undefined }, 'watch_time_sec'],
    [{ ...event, device: 'fridge' }, 'device'],
    [{ ...event, video_id: 'x'.repeat(200) }, 'video_id'],
  ])('rejects %j naming the field', (input, field) => {
    expect(issuePaths(EventSchema.safeParse(input))).toContain(field);
  });

  it('caps the watch ratio at 1 and has none without a duration', () => {
    expect(watchRatio({ watch_time_sec: 30, video_duration_sec: 10 })).toBe(1);
    expect(watchRatio({ watch_time_sec: 30 })).toBeUndefined();
  });
});

describe('catalogue schemas', () => {
  it('parse a video and a user, defaulting tags', () => {
    const v = VideoSchema.parse({ video_id: 'v', creator_id: 'c', category: 'music', duration_sec: 15, upload_ts: 0, region: 'eu', language: 'en', title: 't' });
    expect(v.tags).toEqual([]);
    expect(issuePaths(VideoSchema.safeParse({ ...v, duration_sec: 0 }))).toEqual(['duration_sec']);
    expect(issuePaths(UserSchema.safeParse({ user_id: 'u', region: 'eu', language: 'en', device: 'ios' }))).toEqual(['signup_ts']);
  });
});

describe('ManifestSchema', () => {
  const manifest = {
    schema: 1,
    version: '20260301T000000Z-beef',
    parent_version: null,
    created_at: '2026-03-01T00:00:00.000Z',
    artifacts: { candidates: { key: 'cand:x:', store: 'kv', sha256: 'a'.repeat(64), bytes: 10, count: 2 } },
  };
  it('accepts a manifest and rejects a bad sha256 or version', () => {
    expect(ManifestSchema.parse(manifest).build).toEqual({});
    expect(issuePaths(ManifestSchema.safeParse({ ...manifest, version: 'a b' }))).toEqual(['version']);
    const bad = { ...manifest, artifacts: { m: { ...manifest.artifacts.candidates, sha256: 'xyz' } } };
    expect(issuePaths(ManifestSchema.safeParse(bad))).toEqual(['artifacts.m.sha256'.split('.').join('.')]);
  });
});
