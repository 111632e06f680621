// Streams the lines of a text file, gzip or plain (told apart by the gzip magic bytes, not the name),
// with 1-based physical line numbers so every reject can point at its line.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { FormatError } from './errors.js';

const GZIP_MAGIC = [0x1f, 0x8b];
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path);
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await fh.close();
  }
}

async function openDecoded(path: string): Promise<Readable> {
  const gz = await isGzip(path);
  if (!gz && path.endsWith('.gz')) throw new FormatError(path, 'named .gz but is not gzip data');
  const raw = createReadStream(path);
  if (!gz) return raw;
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/**
 * Yields non-empty lines. 'latin1' reads legacy files (MovieLens u.item); a line whose bytes are valid
 * UTF-8 multibyte text is decoded as UTF-8 instead, so a re-saved UTF-8 copy reads the same.
 */
export async function* readTextLines(
  path: string,
  encoding: 'utf8' | 'latin1' = 'utf8',
): AsyncGenerator<{ line: string; lineNo: number }> {
  const input = await openDecoded(path);
  input.setEncoding(encoding);
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const raw of rl) {
      lineNo++;
      if (raw.trim() === '') continue;
      if (lineNo === 1 && raw.includes('\u0000')) throw new FormatError(path, 'binary data, not text');
      yield { line: encoding === 'latin1' ? latin1OrUtf8(raw) : raw, lineNo };
    }
  } catch (err) {
    if (err instanceof FormatError) throw err;
    // zlib and fs errors: the file is damaged; the caller discards everything this import wrote.
    throw new FormatError(path, `unreadable at line ${lineNo + 1}: ${(err as Error).message}`);
  } finally {
    rl.close();
    input.destroy();
  }
}

function latin1OrUtf8(line: string): string {
  if (!/[\u0080-\u00ff]/.test(line)) return line;
  try {
    return utf8Strict.decode(Buffer.from(line, 'latin1'));
  } catch {
    return line;
  }
}

/** The first non-empty line, or undefined for an empty file. */
export async function firstLine(path: string): Promise<string | undefined> {
  for await (const { line } of readTextLines(path)) return line;
  return undefined;
}
