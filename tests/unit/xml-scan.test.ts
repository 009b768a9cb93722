// The XML scanner: what it accepts and refuses, and that scanning in slices (with pauses for the
// event loop) gives exactly what one pass gives, wherever the slices fall.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanXml, scanXmlYielding, XmlError, type XmlHandler } from '../../src/main/workbooks/xml-scan';

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
  ])('refuses %j', (xml, why) => {
    expect(() => scanXml(xml, {})).toThrow(XmlError);
    expect(() => scanXml(xml, {})).toThrow(why);
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
