// The document model (bad input refused, nothing written), its published JSON Schema, the
// register (numbers per type and year), the contract methods and the docs CLI.
import fs from 'node:fs';
import JSZip from 'jszip';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDocumentModel } from '../../src/main/documents/model';
import { writeDocx, numberLine, splitLine } from '../../src/main/documents/docx-writer';
import { DOCUMENT_SCHEMA_FILE, documentModelJsonSchema } from '../../src/main/documents/json-schema';
import { sampleModel } from '../../src/main/features/documents/samples';
import {
  listRegister,
  peekNextNumber,
  registerDocument,
  takeNextNumber,
} from '../../src/main/features/documents/register';
import { createDispatch } from '../../src/main/dispatch';
import { runCli } from '../../src/main/cli';
import { AppError, type Result } from '../../src/shared/errors';
import { DOCUMENT_TYPES } from '../../src/shared/model/document';
import type { SavedDocument } from '../../src/shared/contract/documents';
import type { DocumentModelInput } from '../../src/shared/contract/document-model';
import type { Core } from '../../src/main/core/core';
import { freshCore, tempDir } from './helpers';

const good = (): DocumentModelInput => sampleModel('bao-cao');

/** The text of each paragraph of a .docx, read here without other programs (python-docx reads the layout in tests/integration). */
async function docxParagraphs(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

function refusal(raw: unknown): AppError {
  try {
    parseDocumentModel(raw);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('the model was accepted');
}

describe('bad models are refused with a Vietnamese message naming the field', () => {
  it('no signer', () => {
    const m = good() as Record<string, unknown>;
    delete m.signature;
    const e = refusal(m);
    expect(e.code).toBe('INVALID_DOCUMENT');
    expect(e.where?.field).toBe('signature');
    expect(e.message).toContain('Thiếu khối chữ ký');
    const noName = good();
    noName.signature = { ...noName.signature, fullName: '  ' };
    expect(refusal(noName).where?.field).toBe('signature.fullName');
    expect(refusal(noName).message).toContain('Họ và tên người ký không được để trống');
  });

  it('a number without a symbol', () => {
    const m = good();
    m.header = { ...m.header, number: 5, symbol: '' };
    const e = refusal(m);
    expect(e.where?.field).toBe('header.symbol');
    expect(e.message).toContain('có số 5 nhưng thiếu ký hiệu');
  });

  it('an annex without a title', () => {
    const m = sampleModel('phu-luc');
    m.annexes![1] = { ...m.annexes![1]!, title: '' };
    const e = refusal(m);
    expect(e.where?.field).toBe('annexes[1].title');
    expect(e.message).toContain('Tên phụ lục không được để trống');
  });

  it('control characters, anywhere', () => {
    const m = good();
    m.body = [...m.body, { kind: 'list', items: ['một', 'hai\u0007ba'] }];
    const e = refusal(m);
    expect(e.where?.field).toBe(`body[${m.body.length - 1}].items[1]`);
    expect(e.message).toContain('ký tự điều khiển U+0007');
    const tab = good();
    tab.summary = 'Báo cáo\tnăm';
    expect(refusal(tab).message).toContain('Trích yếu nội dung chứa dấu tab');
    const cell = sampleModel('phu-luc');
    const table = cell.annexes![0]!.body[0] as Extract<DocumentModelInput['body'][number], { kind: 'table' }>;
    table.rows[3]![1] = 'Sở\u0000Y tế';
    expect(refusal(cell).where?.field).toBe('annexes[0].body[0].rows[3][1]');
  });

  it('settings outside the decree, an unknown type, a table with a missing cell, a lower-case agency', () => {
    const m = good();
    m.settings = { margins: { top: 20, bottom: 20, left: 25, right: 15 }, bodySize: 14, lineSpacing: 1.2 };
    expect(refusal(m).message).toContain('Lề trái phải từ 30 đến 35 mm');
    expect(refusal({ ...good(), settings: { bodySize: 12 } }).message).toContain('Cỡ chữ nội dung phải là 13 hoặc 14');
    expect(refusal({ ...good(), settings: { lineSpacing: 2 } }).where?.field).toBe('settings.lineSpacing');
    expect(refusal({ ...good(), type: 'Thư tình' }).message).toContain('Loại văn bản không hợp lệ');
    const t = good();
    t.body = [{ kind: 'table', header: [['A', 'B']], rows: [['1']] }];
    expect(refusal(t).message).toContain('Dòng 1 của bảng có 1 ô, bảng có 2 cột');
    const lower = good();
    lower.header = { ...lower.header, agency: 'Sở Nội vụ' };
    expect(refusal(lower).message).toContain('Tên cơ quan ban hành phải viết IN HOA');
    const kt = good();
    kt.signature = { authorityPrefix: 'KT.', authorityLine: '', title: 'PHÓ GIÁM ĐỐC', fullName: 'A' };
    expect(refusal(kt).where?.field).toBe('signature.authorityLine');
  });

  it('nothing is written for a refused model, and a failed write leaves no file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.docx');
    const m = good();
    m.header = { ...m.header, symbol: '' };
    await expect(writeDocx(m, target)).rejects.toBeInstanceOf(AppError);
    expect(fs.readdirSync(dir)).toEqual([]);
    // A folder that does not exist: a Vietnamese error, no temporary file left anywhere.
    await expect(writeDocx(good(), path.join(dir, 'khong-co', 'out.docx'))).rejects.toThrow(/không tồn tại/);
    expect(fs.readdirSync(dir)).toEqual([]);
    // A good model replaces an old file only once it is complete.
    fs.writeFileSync(target, 'cũ');
    await writeDocx(good(), target);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir)).toEqual(['out.docx']);
  });

  it('text is cleaned to NFC; the spaces between runs are kept', () => {
    const m = good();
    m.summary = 'Ke\u0302\u0301t qua\u0309 thực hiện';
    m.body = [
      { kind: 'paragraph', text: [{ text: 'Đã tiếp ' }, { text: '12 lượt', bold: true }, { text: ' công dân' }] },
    ];
    const parsed = parseDocumentModel(m);
    expect(parsed.summary).toBe('Kết quả thực hiện');
    const p = parsed.body[0] as { text: { text: string }[] };
    expect(p.text.map((r) => r.text).join('')).toBe('Đã tiếp 12 lượt công dân');
  });
});

describe('helpers of the layout', () => {
  it('number line: leading zero below 10, blank for the clerk', () => {
    expect(numberLine(5, 'BC-SNV')).toBe('Số: 05/BC-SNV');
    expect(numberLine(10, 'BC-SNV')).toBe('Số: 10/BC-SNV');
    expect(numberLine(468, 'KH-UBND')).toBe('Số: 468/KH-UBND');
    expect(numberLine(null, 'BC-SNV')).toMatch(/^Số:\u00A0+\/BC-SNV$/);
  });

  it('a long agency name breaks after "ỦY BAN NHÂN DÂN"', () => {
    expect(splitLine('ỦY BAN NHÂN DÂN THÀNH PHỐ LONG KHÁNH', 3600, 13, true)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ LONG KHÁNH',
    ]);
    expect(splitLine('SỞ NỘI VỤ', 3600, 13, true)).toEqual(['SỞ NỘI VỤ']);
  });

  it('the abbreviations of Phụ lục III are data', () => {
    const map = Object.fromEntries(DOCUMENT_TYPES.map((t) => [t.name, t.abbreviation]));
    expect(map['Báo cáo']).toBe('BC');
    expect(map['Kế hoạch']).toBe('KH');
    expect(map['Tờ trình']).toBe('TTr');
    expect(map['Quy định']).toBe('QyĐ');
    expect(map['Công văn']).toBe('');
    expect(DOCUMENT_TYPES.length).toBe(28);
  });
});

describe('published JSON Schema', () => {
  it('resources/schemas/document-model.schema.json is generated from the zod schema and up to date', () => {
    const onDisk = fs.readFileSync(DOCUMENT_SCHEMA_FILE, 'utf8');
    expect(onDisk, 'run: npm run cli -- docs schema --out resources/schemas/document-model.schema.json').toBe(
      documentModelJsonSchema(),
    );
    const schema = JSON.parse(onDisk) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['header', 'type', 'summary', 'body', 'signature']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['annexes', 'recipients', 'to', 'settings']));
  });

  it('the hand-written seed fixtures pass the schema', () => {
    const dir = path.resolve('tests/fixtures/documents');
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      expect(() => parseDocumentModel(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))).not.toThrow();
    }
    expect(z.toJSONSchema).toBeTypeOf('function');
  });
});

describe('document register (sổ văn bản đi)', () => {
  let core: Core;
  afterEach(async () => core?.close());
  const input = (date: string, documentType: 'Báo cáo' | 'Kế hoạch' = 'Báo cáo') => ({
    documentType,
    symbol: documentType === 'Báo cáo' ? 'BC-SNV' : 'KH-SNV',
    date,
    summary: 'Kết quả',
    signerName: 'Nguyễn Văn An',
    filePath: '/tmp/x.docx',
  });

  it('numbers per type and year, restarting at 1 on 1 January; blank numbers do not count', async () => {
    core = await freshCore();
    expect((await takeNextNumber(core.db, input('2024-12-30'))).number).toBe(1);
    expect((await takeNextNumber(core.db, input('2024-12-31'))).number).toBe(2);
    expect((await takeNextNumber(core.db, input('2024-06-01', 'Kế hoạch'))).number).toBe(1);
    expect((await takeNextNumber(core.db, input('2025-01-01'))).number).toBe(1);
    const blank = await core.db.transaction().execute((trx) => registerDocument(trx, input('2025-01-02'), false));
    expect(blank.number).toBeNull();
    expect((await takeNextNumber(core.db, input('2025-01-03'))).number).toBe(2);
    expect(await peekNextNumber(core.db, 'Báo cáo', 2025)).toBe(3);
    expect(await peekNextNumber(core.db, 'Báo cáo', 2026)).toBe(1);
    const list = await listRegister(core.db, { year: 2025 });
    expect(list.map((e) => e.number)).toEqual([2, null, 1]);
    expect(list[0]).toMatchObject({
      documentType: 'Báo cáo',
      symbol: 'BC-SNV',
      signerName: 'Nguyễn Văn An',
      filePath: '/tmp/x.docx',
      year: 2025,
    });
    expect((await listRegister(core.db, { documentType: 'Kế hoạch' })).length).toBe(1);
  });

  it('is safe when many documents take numbers at once', async () => {
    core = await freshCore();
    const entries = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        takeNextNumber(core.db, input(`2025-03-${String((i % 28) + 1).padStart(2, '0')}`)),
      ),
    );
    expect(entries.map((e) => e.number).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('documents.export numbers, writes and registers; a failed write gives the number back', async () => {
    const dir = tempDir();
    core = await freshCore(dir);
    const dispatch = createDispatch(core);
    const m = good();
    const r1 = (await dispatch('documents.export', { model: m, takeNumber: true })) as Result<SavedDocument>;
    expect(r1.ok).toBe(true);
    if (!r1.ok) return;
    expect(r1.value.entry!.number).toBe(1);
    expect(path.basename(r1.value.path!)).toBe('01-BC-SNV-2025-06-05.docx');
    expect(await docxParagraphs(r1.value.path!)).toContain('Số: 01/BC-SNV');

    // The place of the next file is taken by a folder: the write fails, the register is unchanged.
    const blocker = path.join(dir, 'exports', '02-BC-SNV-2025-06-05.docx');
    fs.mkdirSync(blocker);
    fs.writeFileSync(path.join(blocker, 'x'), '');
    const r2 = (await dispatch('documents.export', { model: m, takeNumber: true })) as Result<SavedDocument>;
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toMatch(/Không ghi được tệp “02-BC-SNV-2025-06-05.docx”/);
    expect((await listRegister(core.db)).length).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'exports')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    fs.rmSync(blocker, { recursive: true });
    // A number typed by hand is kept and registered; the same number twice is refused.
    const r3 = (await dispatch('documents.export', { model: m, takeNumber: false })) as Result<SavedDocument>;
    expect(r3.ok && path.basename(r3.value.path!)).toBe('05-BC-SNV-2025-06-05.docx');
    expect(r3.ok && r3.value.entry!.number).toBe(5);
    const again = (await dispatch('documents.export', { model: m, takeNumber: false })) as Result<SavedDocument>;
    expect(!again.ok && again.error.message).toContain('Số 05 của báo cáo năm 2025 đã có trong sổ văn bản đi');
    const blankNumber = (await dispatch('documents.export', {
      model: { ...m, header: { ...m.header, number: null } },
      takeNumber: false,
    })) as Result<SavedDocument>;
    expect(blankNumber.ok && blankNumber.value.entry!.number).toBeNull();
    expect(blankNumber.ok && path.basename(blankNumber.value.path!)).toBe('BC-SNV-2025-06-05.docx');
    const listed = (await dispatch('register.list', { year: 2025 })) as Result<unknown[]>;
    expect(listed.ok && listed.value.length).toBe(3);
    const next = (await dispatch('register.next', { documentType: 'Báo cáo', year: 2025 })) as Result<{
      number: number;
    }>;
    expect(next.ok && next.value.number).toBe(6);

    // A bad model through the contract: refused, named, nothing written.
    const before = fs.readdirSync(path.join(dir, 'exports')).length;
    const bad = (await dispatch('documents.export', {
      model: { ...m, header: { ...m.header, number: 3, symbol: '' } },
      takeNumber: false,
    })) as Result<SavedDocument>;
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.where?.field).toBe('model.header.symbol');
    expect(fs.readdirSync(path.join(dir, 'exports')).length).toBe(before);
  });

  it('documents.sample writes a sample with the agency of the database', async () => {
    const dir = tempDir();
    core = await freshCore(dir);
    fs.mkdirSync(path.join(dir, 'exports'));
    const dispatch = createDispatch(core);
    const r = (await dispatch('documents.sample', { kind: 'cong-van', date: '2025-02-05' })) as Result<SavedDocument>;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await docxParagraphs(r.value.path!)).toContain('Quảng Nam, ngày 05 tháng 02 năm 2025');
    expect((await listRegister(core.db)).length).toBe(0);
  });
});

describe('docs CLI', () => {
  it('docs render, docs sample, docs schema; a bad model fails with the field and writes nothing', async () => {
    const dir = tempDir();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const modelFile = path.join(dir, 'model.json');
    fs.writeFileSync(modelFile, JSON.stringify(good()));
    expect(await runCli(['docs', 'render', modelFile, '--out', path.join(dir, 'bc.docx')], io)).toBe(0);
    expect(fs.existsSync(path.join(dir, 'bc.docx'))).toBe(true);

    const badFile = path.join(dir, 'bad.json');
    const bad = good() as Record<string, unknown>;
    delete bad.signature;
    fs.writeFileSync(badFile, JSON.stringify(bad));
    expect(await runCli(['docs', 'render', badFile, '--out', path.join(dir, 'bad.docx')], io)).toBe(2);
    expect(err.join('\n')).toContain('Chữ ký');
    expect(err.join('\n')).not.toContain('signature');
    expect(fs.existsSync(path.join(dir, 'bad.docx'))).toBe(false);

    expect(await runCli(['docs', 'sample', '--out', path.join(dir, 'mau'), '--db', path.join(dir, 'cli.db')], io)).toBe(
      0,
    );
    expect(fs.readdirSync(path.join(dir, 'mau')).sort()).toEqual([
      'mau-bao-cao-kem-phu-luc.docx',
      'mau-bao-cao.docx',
      'mau-cong-van.docx',
      'mau-ke-hoach.docx',
    ]);

    // PDF ready for ký số: by the output's name, or --format pdf for the samples.
    expect(await runCli(['docs', 'render', modelFile, '--out', path.join(dir, 'bc.pdf')], io)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'bc.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      await runCli(
        ['docs', 'sample', '--out', path.join(dir, 'mau-pdf'), '--format', 'pdf', '--db', path.join(dir, 'cli.db')],
        io,
      ),
    ).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'mau-pdf')).sort()).toEqual([
      'mau-bao-cao-kem-phu-luc.pdf',
      'mau-bao-cao.pdf',
      'mau-cong-van.pdf',
      'mau-ke-hoach.pdf',
    ]);
    expect(await runCli(['docs', 'render', modelFile, '--out', path.join(dir, 'c.docx'), '--format', 'pdf'], io)).toBe(
      1,
    );
    expect(err.at(-1)).toContain('đuôi .pdf');
    expect(await runCli(['docs', 'sample', '--out', path.join(dir, 'm2'), '--format', 'odt'], io)).toBe(1);
    expect(fs.existsSync(path.join(dir, 'c.docx'))).toBe(false);

    expect(await runCli(['docs', 'schema', '--out', path.join(dir, 's.json')], io)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 's.json'), 'utf8')).toBe(documentModelJsonSchema());
  });
});
