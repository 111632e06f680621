import { describe, expect, it } from 'vitest';
import { BadRequestError } from './errors.js';
import { commandFromPath, encodeResult, encodeValue, parseCommand, parseCommandList, parseJsonBody, responseEncoding } from './upstash-protocol.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('parsing REST bodies into Redis commands', () => {
  it('turns numbers and booleans into strings, keeps strings as they are', () => {
    expect(parseCommand(['ZADD', 'z', 1.5, 'm', 2, 'n'])).toEqual(['ZADD', 'z', '1.5', 'm', '2', 'n']);
    expect(parseCommand(['SET', 'k', 'héllo ✓\u0000', true])).toEqual(['SET', 'k', 'héllo ✓\u0000', 'true']);
  });

  it('rejects what is not a command with a 400', () => {
    for (const bad of [{}, 'GET', [], [null], ['SET', 'k', { a: 1 }], ['SET', 'k', ['v']], ['']]) {
      expect(() => parseCommand(bad)).toThrow(BadRequestError);
    }
    expect(() => parseJsonBody('{not json')).toThrow(/parse request body/);
    expect(() => parseCommandList([['GET', 'a'], 'GET'])).toThrow(BadRequestError);
    expect(() => parseCommandList([])).toThrow(BadRequestError);
  });

  it('refuses commands that would change the shared connection', () => {
    expect(() => parseCommand(['multi'])).toThrow(/MULTI is not supported/);
    expect(() => parseCommand(['SUBSCRIBE', 'ch'])).toThrow(BadRequestError);
    expect(() => parseCommandList([['SET', 'a', '1'], ['select', '2']])).toThrow(/SELECT/);
  });

  it('reads path commands, appending a POST body and query parameters', () => {
    expect(commandFromPath('/set/foo/bar', new URLSearchParams(''), '')).toEqual(['set', 'foo', 'bar']);
    expect(commandFromPath('/set/a%2Fb/x%20y', new URLSearchParams('_token=t'), '')).toEqual(['set', 'a/b', 'x y']);
    expect(commandFromPath('/set/foo', new URLSearchParams('EX=100&NX'), '{"a":1}')).toEqual(['set', 'foo', '{"a":1}', 'EX', '100', 'NX']);
  });

  it('reads the Upstash-Encoding header', () => {
    expect(responseEncoding('base64')).toBe('base64');
    expect(responseEncoding('BASE64')).toBe('base64');
    expect(responseEncoding(undefined)).toBe('utf8');
  });
});

describe('encoding Redis replies as JSON', () => {
  it('base64-encodes strings, nested too, but leaves a top-level OK, numbers and nulls alone', () => {
    expect(encodeResult(Buffer.from('OK'), 'base64')).toBe('OK');
    expect(encodeResult(Buffer.from('PONG'), 'base64')).toBe(b64('PONG'));
    expect(encodeResult(7, 'base64')).toBe(7);
    expect(encodeResult(null, 'base64')).toBeNull();
    const reply = [Buffer.from('m'), Buffer.from('1.5'), null, [3, Buffer.from('OK')]];
    expect(encodeResult(reply, 'base64')).toEqual([b64('m'), b64('1.5'), null, [3, b64('OK')]]);
    expect(encodeResult(reply, 'utf8')).toEqual(['m', '1.5', null, [3, 'OK']]);
  });

  it('keeps the exact bytes under base64, including bytes that are not UTF-8', () => {
    const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x41]);
    expect(Buffer.from(encodeValue(bytes, 'base64') as string, 'base64')).toEqual(bytes);
    expect(encodeValue(Buffer.from('héllo ✓', 'utf8'), 'utf8')).toBe('héllo ✓');
  });

  it('reports errors nested in a reply as { error }', () => {
    expect(encodeValue([1, new Error('ERR boom')], 'utf8')).toEqual([1, { error: 'ERR boom' }]);
  });
});
