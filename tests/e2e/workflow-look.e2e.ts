// Issue 13 as a user sees it, on one data set of eight xã (on time, late, late with a breach,
// accepted, returned, being typed, two silent): the board's cards and chips tell the same counts,
// the approval dialogs say what they do and show refusals inside, Kỳ báo cáo's list dialog shows
// the frozen list, Tổng hợp repeats the board, and the scoring results keep unscored units apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E, chooseUnit } from './harness';
import { createDispatch } from '../../src/main/dispatch';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import { addDays } from '../../src/shared/domain/periods';

let t: E2E;
const lastYear = new Date().getFullYear() - 1;
const ids: number[] = [];
let periodId = 0;

async function api<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = (await createDispatch(t.bridge.core)(method, args)) as Result<MethodOutput<M>>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function send(unit: number, values: Record<string, number>, received: string | null, acceptBreaches = false) {
  await api('reports.save', {
    periodId,
    unitId: unit,
    values: Object.entries(values).map(([key, input]) => ({ key, input })),
  });
  if (received) await api('reports.submit', { periodId, unitId: unit, receivedDate: received, acceptBreaches });
}

beforeAll(async () => {
  t = await openE2E('workflow-look');
  for (let i = 1; i <= 8; i++) {
    const u = await api('units.create', {
      code: `X${i}`,
      name: `Xã số ${i}`,
      shortName: '',
      kind: 'ubnd_xa',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    ids.push(u.id);
  }
  const templateId = (await api('templates.list', undefined))[0]!.id;
  const p = await api('periods.create', {
    type: 'half',
    year: lastYear,
    templateId,
    expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
  });
  periodId = p.id;
  const d = p.deadline;
  await send(ids[0]!, { DT01: 1 }, d);
  await send(ids[1]!, { DT01: 2 }, addDays(d, 4));
  await send(ids[2]!, { DT01: 3, DT02: 1, DT03: 5 }, addDays(d, 2), true);
  await send(ids[3]!, { DT01: 4 }, d);
  await api('reports.accept', { periodId, unitId: ids[3]! });
  await send(ids[4]!, { DT01: 5 }, d);
  await api('reports.return', { periodId, unitId: ids[4]!, reason: 'Thiếu số liệu DT02' });
  await send(ids[5]!, { DT01: 6 }, null);
  const set = (await api('scoring.sets.list', undefined))[0]!;
  const round = await api('scoring.rounds.create', { year: lastYear, setId: set.id });
  const sheet = await api('scoring.unit.get', { roundId: round.id, unitId: ids[0]! });
  await api('scoring.unit.save', {
    roundId: round.id,
    unitId: ids[0]!,
    side: 'self',
    lines: sheet.lines.slice(0, 1).map((l) => ({ code: l.code, score: 1 })),
  });
});

afterAll(async () => {
  await t?.close();
});

describe('issue 13 as a user sees it', () => {
  it('the board: each card says the count of its chip; an old deadline is "đã qua", not "quá 531 ngày"', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/tong-quan`);
    await page.waitForSelector('table[aria-label="Bảng theo dõi đơn vị"]');
    const cards = await page.locator('.rp-cards').innerText();
    const chips = await page.locator('[aria-label="Lọc theo tình trạng"] button[aria-pressed]').allInnerTexts();
    const chip = (label: string) =>
      Number(new RegExp(`^${label} \\((\\d+)\\)$`).exec(chips.find((c) => c.startsWith(label + ' ('))!)![1]);
    const card = (label: string) => Number(new RegExp(`${label}\\s+(\\d+)`).exec(cards)![1]);
    expect(card('Phải báo cáo')).toBe(chip('Tất cả'));
    expect(card('Đã nhận')).toBe(chip('Đã nộp, chờ duyệt') + chip('Đã duyệt'));
    expect(card('Chưa nhận')).toBe(chip('Chưa nộp') + chip('Đang nhập') + chip('Trả lại'));
    expect(card('Quá hạn, chưa nhận')).toBe(chip('Quá hạn, chưa nhận'));
    expect(card('Có vi phạm quy tắc')).toBe(chip('Có vi phạm quy tắc'));
    expect(cards).toContain(
      `đúng hạn ${chip('Nộp đúng hạn')} · muộn ${chip('Nộp muộn')} · đã duyệt ${chip('Đã duyệt')}`,
    );
    expect(cards).toContain(
      `chưa nộp ${chip('Chưa nộp')} · đang nhập ${chip('Đang nhập')} · trả lại ${chip('Trả lại')}`,
    );
    expect([card('Phải báo cáo'), card('Đã nhận'), card('Chưa nhận')]).toEqual([8, 4, 4]);
    const deadline = await page.locator('[data-testid=days-left]').innerText();
    expect(deadline).toContain('đã qua');
    expect(deadline).not.toMatch(/quá \d+ ngày/);
    await t.shot('01-board');
  });

  it('a report screen says when it came, why it was returned, what a breach means, and how to unlock', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/tong-quan`);
    await page.click('tr[data-unit=X2]');
    await page.waitForSelector('h2:has-text("Xã số 2")');
    await expect.poll(() => page.locator('[data-testid=report-received]').innerText()).toMatch(/\(nộp muộn 4 ngày\)/);
    expect(await page.locator('.rp-muted-note').first().innerText()).toContain('hãy trả lại báo cáo');
    await t.shot('02-report-late');

    await chooseUnit(page, ids[2]!, 'xa so 3');
    await page.waitForSelector('h2:has-text("Xã số 3")');
    await expect
      .poll(() => page.locator('[data-testid=breach-note]').innerText())
      .toContain('đã được ghi nhận với vi phạm được đánh dấu — trả lại để đơn vị sửa, hoặc duyệt');
    await page.click('button:has-text("Duyệt…")');
    await expect
      .poll(() => page.locator('.modal [data-testid=accept-breaches]').innerText())
      .toContain('DT03 (5) ≤ DT02 (1)');
    await t.shot('03-accept-with-breach');
    await page.click('.modal button:has-text("Hủy")');

    await chooseUnit(page, ids[3]!, 'Xã số 4');
    await page.waitForSelector('h2:has-text("Xã số 4")');
    await expect.poll(() => page.locator('[data-testid=report-status]').innerText()).toBe('Đã duyệt');
    expect(await page.locator('.rp-muted-note').first().innerText()).toContain('hãy mở lại (ghi lý do) rồi trả lại');
    await page.click('button:has-text("Mở lại…")');
    expect(await page.locator('.modal button[type=submit]:has-text("Mở lại")').isDisabled()).toBe(true);
    await t.shot('04-reopen-dialog');
    await page.click('.modal button:has-text("Hủy")');

    await chooseUnit(page, ids[4]!);
    await page.waitForSelector('h2:has-text("Xã số 5")');
    await expect
      .poll(() => page.locator('[data-testid=report-received]').innerText())
      .toMatch(/^Đã trả lại lần nộp nhận ngày \d\d\/06\/\d{4}: Thiếu số liệu DT02\. Chưa tính là đã nhận/);
    await t.shot('05-report-returned');

    await chooseUnit(page, ids[5]!, 'SO 6');
    await page.waitForSelector('h2:has-text("Xã số 6")');
    expect(await page.locator('[data-testid=report-received]').count()).toBe(0);
    await page.click('button:has-text("Ghi nhận đã nộp…")');
    expect(await page.locator('.modal').innerText()).toMatch(
      /Sau hạn nộp \d\d\/06\/\d{4} \d+ ngày: tính là nộp muộn\./,
    );
    await page.click('.modal button:has-text("Hủy")');
  });

  it('the period form makes "6 tháng cuối năm" and refuses the same period twice, inside the form', async () => {
    const { page } = t;
    // A xã created today did not exist on the cut-off: named as not reporting, and why.
    await api('units.create', {
      code: 'X9',
      name: 'Xã số 9',
      shortName: '',
      kind: 'ubnd_xa',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: new Date().toISOString().slice(0, 10),
      activeTo: null,
    });
    const open = async () => {
      await page.goto(`${t.bridge.url}#/ky-bao-cao`);
      await page.click('button:has-text("+ Tạo kỳ báo cáo")');
      await page.selectOption('select[aria-label="Loại kỳ"]', 'half');
      await page.fill('input[aria-label="Năm"]', String(lastYear));
      await page.selectOption('select[aria-label="Nửa năm"]', '2');
    };
    await open();
    await expect
      .poll(() => page.locator('[data-testid=period-preview]').innerText())
      .toContain(`6 tháng cuối năm ${lastYear}: số liệu từ 15/06/${lastYear} đến 14/12/${lastYear}`);
    expect(await page.locator('[data-testid=freezes-on-create]').innerText()).toContain(
      'danh sách 8 đơn vị này được chốt khi tạo kỳ',
    );
    expect(await page.locator('[data-testid=not-valid-on-cutoff]').innerText()).toMatch(
      /^Không phải báo cáo \(không hoạt động vào ngày chốt số liệu 14\/12\/\d{4}\): X9 — Xã số 9 \(bắt đầu hoạt động từ/,
    );
    await t.shot('08-period-form-second-half');
    await page.click('.modal button[type=submit]');
    await expect
      .poll(() => page.locator('table[aria-label="Danh sách kỳ báo cáo"]').innerText())
      .toContain(`6 tháng cuối năm ${lastYear}`);
    await open();
    // The preview already says so, and the button waits; the service refuses it anyway.
    await expect
      .poll(() => page.locator('.modal [role=alert]').first().innerText())
      .toContain('Đã có kỳ “6 tháng cuối năm');
    expect(await page.locator('.modal button[type=submit]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid=period-preview]').innerText()).toContain(`15/06/${lastYear}`);
    await t.shot('09-period-duplicate-refused');
    await page.click('.modal button:has-text("Hủy")');
    await api('periods.delete', { id: (await api('periods.list', undefined)).find((p) => p.index === 2)!.id });
    await page.reload();
  });

  it('Kỳ báo cáo shows the frozen list; Tổng hợp repeats the board; scoring keeps unscored units apart', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/ky-bao-cao`);
    const row = page.locator('table[aria-label="Danh sách kỳ báo cáo"] tbody tr').first();
    await expect.poll(() => row.innerText()).toContain('4 / 8');
    await page.click('button:has-text("Danh sách đơn vị…")');
    await expect.poll(() => page.locator('[data-testid=expected-summary]').innerText()).toContain('8 đơn vị');
    expect(await page.locator('.modal').innerText()).toContain('Không có chênh lệch');
    await t.shot('06-expected-dialog');
    await page.click('.modal button:has-text("Đóng")');

    await page.goto(`${t.bridge.url}#/tong-hop`);
    await expect
      .poll(() => page.locator('.screen').innerText())
      .toMatch(/Đã gửi 4\/8 đơn vị\s+Đúng hạn 2\s+Nộp muộn 2\s+Chưa gửi 4/);

    // Xã số 3's 500% "tỷ lệ giải quyết" comes from a breach recorded without a reason: said, not hidden.
    expect(await page.locator('.screen').innerText()).toContain(
      '1 báo cáo đã nhận có quy tắc kiểm tra chưa đạt mà chưa ghi lý do (Xã số 3: DT03 (5) ≤ DT02 (1))',
    );
    await t.shot('06b-compile-breach-note');
    await page.goto(`${t.bridge.url}#/cham-diem`);
    // Xã số 1 has one criterion of eighteen scored: its class is provisional, and said so.
    await expect.poll(() => page.locator('[data-testid=total-final]').innerText()).toContain('Tạm tính: ');
    expect(await page.locator('[data-testid=total-final]').innerText()).toMatch(/còn \d+ tiêu chí chưa chấm/);
    await page.click('button:has-text("Kết quả, xếp hạng")');
    await expect
      .poll(() => page.locator('[data-testid=unscored]').innerText())
      .toContain('Chưa chấm (7 đơn vị, không xếp hạng, không tính vào mức xếp loại)');
    // …and outside the ranking and the class counts: a class from 1 of 18 criteria is not stated.
    expect(await page.locator('[data-testid=incomplete]').innerText()).toMatch(
      /Chấm chưa đủ tiêu chí \(1 đơn vị, chưa xếp loại, không xếp hạng\): Xã số 1 \(còn \d+ tiêu chí\)/,
    );
    expect(await page.locator('table[aria-label="Bảng xếp hạng"] tbody').innerText()).toBe(
      'Chưa có đơn vị nào chấm đủ tiêu chí để xếp hạng.',
    );
    await t.shot('07-scoring-results');
    expect(t.problems).toEqual([]);
  });
});
