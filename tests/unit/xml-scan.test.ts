// The XML scanner: what it accepts and refuses, and that scanning in slices (with pauses for the
// event loop) gives exactly what one pass gives, wherever the slices fall.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  isXmlChar,
  scanXml,
  scanXmlYielding,
  XmlError,
  type XmlHandler,
} from '../../src/main/workbooks/xml-scan';

/** The earlier decoder (one small string per reference), kept as the reference the faster one must equal. */
function decodeEntitiesBefore(s: string, offset = 0): string {
  const ENTITIES = new Map([
    ['amp', '&'],
    ['lt', '<'],
    ['gt', '>'],
    ['quot', '"'],
    ['apos', "'"],
  ]);
  const isDigits = (d: string, hex: boolean) => {
    if (d.length === 0) return false;
    for (let i = 0; i < d.length; i++) {
      const c = d.charCodeAt(i) | 0x20;
      if (!((c >= 0x30 && c <= 0x39) || (hex && c >= 0x61 && c <= 0x66))) return false;
    }
    return true;
  };
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  const out: string[] = [];
  let from = 0;
  while (amp >= 0) {
    out.push(s.slice(from, amp));
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12)
      throw new XmlError(`dấu “&” không mở đầu một tham chiếu ký tự hợp lệ`, offset + amp);
    const name = s.slice(amp + 1, semi);
    if (name[0] === '#') {
      const hex = name[1] === 'x';
      const digits = name.slice(hex ? 2 : 1);
      const cp = isDigits(digits, hex) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!isXmlChar(cp))
        throw new XmlError(`tham chiếu “&${name.slice(0, 10)};” không phải một ký tự hợp lệ`, offset + amp);
      out.push(String.fromCodePoint(cp));
    } else {
      // (the earlier lookup in an object literal also found "constructor", "toString"…: see below)
      const e = ENTITIES.get(name);
      if (e === undefined) throw new XmlError(`thực thể “&${name.slice(0, 10)};” không được khai báo`, offset + amp);
      out.push(e);
    }
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  out.push(s.slice(from));
  return out.join('');
}

function recorder(): { h: XmlHandler; events: string[] } {
  const events: string[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push(`text:${text}`);
    text = '';
  };
  return {
    events,
    h: {
      open(name, attrs, selfClosing) {
        flush();
        events.push(`open:${name}${JSON.stringify(attrs)}${selfClosing ? '/' : ''}`);
      },
      close(name) {
        flush();
        events.push(`close:${name}`);
      },
      text(t) {
        text += t; // pieces of one text are one text
      },
    },
  };
}

async function both(xml: string, slice: number) {
  const one = recorder();
  const sliced = recorder();
  let e1: string | null = null;
  let e2: string | null = null;
  try {
    scanXml(xml, one.h);
  } catch (err) {
    e1 = (err as Error).message;
  }
  try {
    await scanXmlYielding(xml, sliced.h, slice);
  } catch (err) {
    e2 = (err as Error).message;
  }
  return { one: one.events, sliced: sliced.events, e1, e2 };
}

describe('xml scanner', () => {
  it('reads elements, attributes in either quote, entities, CDATA; skips comments and declarations', () => {
    const r = recorder();
    scanXml(
      `<?xml version="1.0"?><!-- đầu --><x:a xmlns:x="u" k='1 &amp; 2'><b/>Ủy &#7841;&#x1EA1;<![CDATA[<thô>]]><!-- <c>9</c> --></x:a>`,
      r.h,
    );
    expect(r.events).toEqual([
      'open:a{"xmlns:x":"u","k":"1 & 2"}',
      'open:b{}/',
      'close:b',
      'text:Ủy ạạ<thô>',
      'close:a',
    ]);
  });

  it.each([
    ['<a>', 'không được đóng trước khi hết nội dung'],
    ['<a></b>', 'lại được đóng bằng'],
    ['<a/><b/>', 'nhiều hơn một phần tử gốc'],
    ['<a>&foo;</a>', 'không được khai báo'],
    ['<a>&#0;</a>', 'không phải một ký tự hợp lệ'],
    ['<a>&#x110000;</a>', 'không phải một ký tự hợp lệ'],
    ['<a>&#xD800;</a>', 'không phải một ký tự hợp lệ'],
    ['<a>& b</a>', 'không mở đầu một tham chiếu'],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', 'DOCTYPE'],
    ['<a b="1" b="2"/>', 'lặp lại'],
    ['<a b="<"/>', 'chứa dấu “<”'],
    ['<a b=1/>', 'thiếu dấu nháy'],
    ['<a><!-- x </a>', 'chú thích <!-- không được đóng'],
    ['x<a/>', 'ngoài phần tử gốc'],
    ['', 'không có phần tử nào'],
    ['<a>]]></a>', '“]]>”'],
    [`${'<a>'.repeat(300)}`, 'lồng nhau quá sâu'],
    // names of Object.prototype's members: the earlier lookup table answered them ("[object Object]")
    ['<a>&constructor;</a>', 'thực thể “&constructo;” không được khai báo'],
    ['<a>&__proto__;</a>', 'thực thể “&__proto__;” không được khai báo'],
    ['<a>&toString;</a>', 'thực thể “&toString;” không được khai báo'],
    ['<a b="&valueOf;"/>', 'thực thể “&valueOf;” không được khai báo'],
  ])('refuses %j', (xml, why) => {
    expect(() => scanXml(xml, {})).toThrow(XmlError);
    expect(() => scanXml(xml, {})).toThrow(why);
  });

  // The messages of malformed tags are built only when one is refused: they stay word for word.
  it.each([
    ['<a></b>', 'thẻ <a> lại được đóng bằng </b>', 3],
    ['</b>', 'thẻ đóng </b> không có thẻ mở', 0],
    ['<a b', 'thẻ không được đóng (thiếu “>”)', 0],
    ['<a/ >', 'thẻ <a> sai cú pháp', 2],
    ['<a/x>', 'thẻ <a> sai cú pháp', 2],
    ['<a =1/>', 'thuộc tính sai cú pháp trong thẻ <a>', 3],
    ['<a b <c/>', 'thuộc tính “b” thiếu dấu “=”', 5],
    ['<a b=1/>', 'giá trị thuộc tính “b” thiếu dấu nháy', 5],
    ['<a b="1/>', 'giá trị thuộc tính “b” không được đóng', 5],
    ['<a b="<"/>', 'giá trị thuộc tính “b” chứa dấu “<”', 5],
    ['<a b="1" b="2"/>', 'thuộc tính “b” lặp lại', 9],
    [`<a ${Array.from({ length: 257 }, (_, i) => `a${i}="1"`).join(' ')}/>`, 'thẻ <a> có quá nhiều thuộc tính', 2197],
    ['<a>'.repeat(300), 'các thẻ lồng nhau quá sâu (hơn 256 tầng)', 768],
    ['<>', 'thẻ không có tên', 0],
    ['<a/><b/>', 'có nhiều hơn một phần tử gốc', 4],
  ])('refuses %j with its message and place', (xml, message, offset) => {
    let err: unknown = null;
    try {
      scanXml(xml, {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XmlError);
    expect((err as XmlError).message).toBe(message);
    expect((err as XmlError).offset).toBe(offset);
  });

  it("attributes named like an object's own members are plain attributes", () => {
    const r = recorder();
    scanXml(`<a __proto__="1" constructor="2" toString='3' hasOwnProperty="4" b="5"/>`, r.h);
    expect(r.events).toEqual([
      'open:a{"__proto__":"1","constructor":"2","toString":"3","hasOwnProperty":"4","b":"5"}/',
      'close:a',
    ]);
    expect(() => scanXml(`<a constructor="1" constructor="2"/>`, {})).toThrow('thuộc tính “constructor” lặp lại');
  });

  it('decodes references exactly as the earlier decoder did, or refuses with its message and place', () => {
    const piece = fc.constantFrom(
      '&',
      ';',
      '#',
      'x',
      'X',
      '0',
      '1',
      '9',
      'a',
      'f',
      'F',
      'g',
      'amp',
      'lt',
      'gt',
      'quot',
      'apos',
      'am',
      '\x10',
      '\x19',
      ' ',
      'Đ',
      '😀',
      '00000000',
      'D800',
      '10FFFF',
      '110000',
      '7893',
      'FFFE',
      '-',
      '&#x1EA1;',
    );
    const outcome = (f: (s: string, o: number) => string, s: string) => {
      try {
        return f(s, 7);
      } catch (err) {
        return `${(err as XmlError).message} @${(err as XmlError).offset}`;
      }
    };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const s = parts.join('');
        expect(outcome(decodeEntities, s)).toBe(outcome(decodeEntitiesBefore, s));
      }),
      { numRuns: 20_000, seed: 11 },
    );
    // long texts, joined block by block inside: across every block boundary
    for (const n of [2047, 2048, 2049, 5000]) {
      const long = Array.from({ length: n }, (_, i) => `t${i % 7}&#${7840 + (i % 50)};&amp;x`).join('');
      expect(decodeEntities(long)).toBe(decodeEntitiesBefore(long));
    }
  });

  it('gives the same events, or refuses alike, whatever the slices', async () => {
    const piece = fc.constantFrom(
      '<c r="A1">',
      '</c>',
      '<t>',
      '</t>',
      'Đồng Tháp ',
      '&amp;',
      '&#7893;',
      '&#x1F600;',
      '<!-- x -->',
      '<![CDATA[a<b]]>',
      '<e a="&lt;1&gt;"/>',
      ' ',
      '&bad',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 40 }), async (parts, slice) => {
        const xml = `<root>${parts.join('')}</root>`;
        const r = await both(xml, slice);
        // both refuse (the first fault found may differ when a slice ends inside a broken reference)
        expect(r.e2 === null).toBe(r.e1 === null);
        if (r.e1 === null) expect(r.sliced).toEqual(r.one);
      }),
      { numRuns: 400, seed: 21 },
    );
  });
});
