// sha256 as lowercase hex, of bytes or of a file streamed from disk (logs and indexes can be many GB).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export const sha256OfBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
