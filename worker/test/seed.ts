// Publishes a small, real version into the test KV exactly as the central publisher lays it out:
// encoded lists under versioned keys, `manifest:<version>`, then the `manifest:current` pointer.
import { encodeList, type RankedItem, type SourceName } from '../../models/candidates.js';
import { MANIFEST_POINTER_KEY, candidatesKey, completionKey, manifestKey, relatedKey, trendingKey } from '../../models/keys.js';
import { ManifestSchema, type Manifest } from '../../models/schemas.js';

export const video = (id: string, score: number, sources: SourceName[] = ['popular'], category = 'music'): RankedItem => ({
  video_id: id,
  creator_id: `creator-${id}`,
  category,
  sources,
  score,
});

export type WorldLists = { users: Record<string, RankedItem[]>; trending: Record<string, RankedItem[]>; related?: Record<string, RankedItem[]>; completion?: Record<string, RankedItem[]> };

const sha256Hex = async (text: string) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

export async function publish(kv: KVNamespace, version: string, lists: WorldLists, parent: string | null = null, extra: Manifest['artifacts'] = {}): Promise<Manifest> {
  const at = Date.UTC(2026, 0, 1);
  const put = async (key: string, list: string) => (await kv.put(key, list), list);
  const cand = await Promise.all(
    Object.entries(lists.users).map(([user, items]) => put(candidatesKey(version, user), encodeList({ key: user, version, generated_at: at, items }))),
  );
  const trend = await Promise.all(
    Object.entries(lists.trending).map(([region, items]) =>
      put(trendingKey(version, region), encodeList({ key: region, version, generated_at: at, items })),
    ),
  );
  const rel = await Promise.all(
    Object.entries(lists.related ?? {}).map(([id, items]) => put(relatedKey(version, id), encodeList({ key: id, version, generated_at: at, items }))),
  );
  const compl = await Promise.all(
    Object.entries(lists.completion ?? {}).map(([region, items]) => put(completionKey(version, region), encodeList({ key: region, version, generated_at: at, items }))),
  );
  const artifact = async (prefix: string, bodies: string[]) => ({
    key: prefix,
    store: 'kv' as const,
    sha256: await sha256Hex(bodies.join('\n')),
    bytes: bodies.reduce((n, b) => n + b.length, 0),
    count: bodies.length,
  });
  const manifest = ManifestSchema.parse({
    schema: 1,
    version,
    parent_version: parent,
    created_at: new Date(at).toISOString(),
    build: { job: 'test-seed', users_with_lists: cand.length },
    artifacts: {
      candidates: await artifact(candidatesKey(version, ''), cand),
      trending: await artifact(trendingKey(version, ''), trend),
      ...(rel.length > 0 && { related: await artifact(relatedKey(version, ''), rel) }),
      ...(compl.length > 0 && { completion: await artifact(completionKey(version, ''), compl) }),
      ...extra,
    },
  });
  await kv.put(manifestKey(version), JSON.stringify(manifest));
  await kv.put(MANIFEST_POINTER_KEY, JSON.stringify(manifest));
  return manifest;
}

/** The world most tests use: one user with seven candidates, trending in 'eu' and globally, with overlaps. */
export const WORLD: WorldLists = {
  users: {
    u1: [
      video('v01', 0.9),
      video('v02', 0.8, ['popular', 'trending']),
      video('v03', 0.7, ['collaborative']),
      video('v04', 0.6),
      video('v05', 0.5),
      video('v06', 0.4),
      video('v07', 0.3),
    ],
  },
  trending: {
    eu: [video('t01', 0.95, ['trending']), video('v02', 0.9, ['trending']), video('t02', 0.85, ['trending'])],
    global: [video('g01', 0.99, ['trending']), video('t02', 0.9, ['trending']), video('g02', 0.8, ['trending'])],
  },
};

export const ids = (items: { video_id: string }[]) => items.map((i) => i.video_id);
