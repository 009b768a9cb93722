// The test bridge's wire: bytes travel as {"$bytes": base64}; text without bytes is parsed plainly.
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../src/shared/wire';

describe('the wire', () => {
  it('carries bytes inside values and plain values alike', () => {
    const value = {
      ok: true,
      value: { name: 'Báo cáo "$bytes"', data: new Uint8Array([0, 1, 254, 255]), n: [1, null] },
    };
    const back = decodeWire(encodeWire(value)) as typeof value;
    expect(back.value.data).toBeInstanceOf(Uint8Array);
    expect([...back.value.data]).toEqual([0, 1, 254, 255]);
    expect(back.value.name).toBe('Báo cáo "$bytes"');
    expect(back.value.n).toEqual([1, null]);
    expect(decodeWire(encodeWire({ rows: [{ a: 'x' }] }))).toEqual({ rows: [{ a: 'x' }] });
  });
  it('keeps an object that only looks like bytes when it has other keys', () => {
    expect(decodeWire('{"$bytes":"AA==","other":1}')).toEqual({ $bytes: 'AA==', other: 1 });
  });
});
