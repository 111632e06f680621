// Line splitting across chunk boundaries, CRLF, blank lines and a last line without a newline.
import { describe, expect, it } from 'vitest';
import { textLines } from './text-lines.js';

async function* chunked(...chunks: string[]) {
  yield* chunks;
}
const collect = async (chunks: string[]) => {
  const out = [];
  for await (const l of textLines(chunked(...chunks))) out.push(l);
  return out;
};

describe('textLines', () => {
  it('joins lines split across chunks and numbers them from 1', async () => {
    expect(await collect(['{"a":', '1}\n{"b"', ':2}\n'])).toEqual([
      { line: '{"a":1}', lineNo: 1 },
      { line: '{"b":2}', lineNo: 2 },
    ]);
  });

  it('skips blank lines but counts them, strips CR and keeps a last line without newline', async () => {
    expect(await collect(['x\r\n\n  \ny', 'z'])).toEqual([
      { line: 'x', lineNo: 1 },
      { line: 'yz', lineNo: 4 },
    ]);
  });

  it('yields nothing for empty input', async () => {
    expect(await collect([])).toEqual([]);
    expect(await collect(['', '\n'])).toEqual([]);
  });
});
