// Loads a world's catalogue (videos, users), validated against the contract.
import { existsSync } from 'node:fs';
import { UserSchema, VideoSchema, type User, type Video } from '../../models/schemas.js';
import { readNdjson } from './ndjson.js';
import type { WorldFiles } from './world-files.js';

export class MissingWorldError extends Error {
  override name = 'MissingWorldError';
}

async function loadById<T>(path: string, parse: (row: unknown) => T, idOf: (row: T) => string): Promise<Map<string, T>> {
  if (!existsSync(path)) throw new MissingWorldError(`${path} not found: run \`npm run generate\` or \`npm run import\` first`);
  const out = new Map<string, T>();
  let n = 0;
  for await (const row of readNdjson(path)) {
    n++;
    try {
      const parsed = parse(row);
      out.set(idOf(parsed), parsed);
    } catch (err) {
      throw new Error(`${path}: row ${n} does not match the contract: ${(err as Error).message}`);
    }
  }
  return out;
}

export const loadVideos = (files: WorldFiles): Promise<Map<string, Video>> =>
  loadById(files.videos, (r) => VideoSchema.parse(r), (v) => v.video_id);
export const loadUsers = (files: WorldFiles): Promise<Map<string, User>> =>
  loadById(files.users, (r) => UserSchema.parse(r), (u) => u.user_id);
