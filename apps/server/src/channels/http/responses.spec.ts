import { describe, expect, it } from 'vitest';
import { type HttpResponse } from './channel-http';
import { parseJson } from './responses';

const res = (body: string): HttpResponse => ({
  status: 200,
  url: 'http://x/y',
  header: () => undefined,
  body: Buffer.from(body),
});

describe('parseJson', () => {
  it('keeps int64 numbers as their digits when lossless, leaving strings and small numbers alone', () => {
    const body =
      '{"id":17000000000000003,"n":-12345678901234567,"idstr":"17000000000000003","s":"a 12345678901234567 \\" 99999999999999999","x":1.5e3,"c":12}';
    expect(parseJson(res(body), true)).toEqual({
      id: '17000000000000003',
      n: '-12345678901234567',
      idstr: '17000000000000003',
      s: 'a 12345678901234567 " 99999999999999999',
      x: 1500,
      c: 12,
    });
    expect((parseJson(res(body)) as { id: number }).id).toBe(17000000000000004);
  });

  it('rejects malformed JSON', () => {
    expect(() => parseJson(res('{"a":'))).toThrow(/malformed JSON/);
  });
});
