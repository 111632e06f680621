// Splits a stream of text chunks into lines, without holding the whole text: a catalogue decompresses
// to many times its gzip size. Hand-written: the Workers runtime has no line-splitting stream, and
// this is the whole of it.

export type NumberedLine = { line: string; lineNo: number };

/** Each non-blank line of `chunks` with its 1-based number; `\r\n` and `\n` both end a line. */
export async function* textLines(chunks: AsyncIterable<string>): AsyncGenerator<NumberedLine> {
  let rest = '';
  let lineNo = 0;
  for await (const chunk of chunks) {
    rest += chunk;
    let end: number;
    while ((end = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, end).replace(/\r$/, '');
      rest = rest.slice(end + 1);
      lineNo++;
      if (line.trim() !== '') yield { line, lineNo };
    }
  }
  lineNo++;
  if (rest.trim() !== '') yield { line: rest.replace(/\r$/, ''), lineNo };
}
