// The comparison the full-cycle test makes of what two databases export: blind to when a file was
// made (zip timestamps, document properties, the email's date, id and boundaries), not to what it says.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildEml, DOCX_TYPE } from '../../src/main/features/compile/eml';
import { emlParts, zipParts } from './export-parts';

async function docx(text: string, made: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    'docProps/core.xml',
    `<cp:coreProperties><dcterms:created>${made.toISOString()}</dcterms:created></cp:coreProperties>`,
    {
      date: made,
    },
  );
  zip.file('word/document.xml', `<w:document><w:t>${text}</w:t></w:document>`, { date: made });
  zip.file('word/media/image1.png', new Uint8Array([1, 2, 3]), { date: made });
  return zip.generateAsync({ type: 'uint8array' });
}

const mail = async (text: string, attachment: Uint8Array, date: Date) =>
  buildEml({
    to: ['vanthu@snv.gov.vn'],
    cc: [],
    subject: 'Báo cáo 6 tháng đầu năm 2025',
    text,
    attachments: [{ filename: 'Báo cáo.docx', content: attachment, contentType: DOCX_TYPE }],
    date,
  });

describe('exported files compared apart from their dates', () => {
  const monday = new Date('2025-07-07T01:02:03Z');
  const friday = new Date('2025-07-11T09:08:07Z');

  it('an Office file made at another moment has the same parts; another word does not', async () => {
    expect(await zipParts(await docx('Tổng số 5', friday))).toEqual(await zipParts(await docx('Tổng số 5', monday)));
    expect(await zipParts(await docx('Tổng số 6', monday))).not.toEqual(
      await zipParts(await docx('Tổng số 5', monday)),
    );
  });

  it('an email built at another moment has the same parts; another attachment or body does not', async () => {
    const a = await docx('Tổng số 5', monday);
    const same = await emlParts(await mail('Kính gửi', a, monday));
    expect(same.body).toHaveLength(2);
    expect(await emlParts(await mail('Kính gửi', await docx('Tổng số 5', friday), friday))).toEqual(same);
    expect(await emlParts(await mail('Kính gửi', await docx('Tổng số 6', monday), monday))).not.toEqual(same);
    expect(await emlParts(await mail('Kính thưa', a, monday))).not.toEqual(same);
  });
});
