// The job centre: a job's end is recorded whatever happens (done, failed, stopped), it can be
// stopped between items keeping what it finished, and its notice opens what it wrote — through
// the contract, as the sidebar and the CLI reach it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { Jobs, yieldToEventLoop } from '../../src/main/core/jobs';
import { createDispatch } from '../../src/main/dispatch';
import { AppError } from '../../src/shared/errors';
import type { JobInfo } from '../../src/shared/model/job';
import { freshCore, tempDir } from './helpers';
import { setupCollect } from './collect-helpers';

describe('Jobs', () => {
  it('records a finished job with its summary and result, a failed one with its reason', async () => {
    const jobs = new Jobs();
    const r = await jobs.run(
      'job-one-1',
      { kind: 'export', label: 'Xuất thử', total: 2, outcome: (n) => ({ summary: `Đã xuất ${n} tệp.`, open: '/x/y' }) },
      async (job) => (job.step('a'), job.step('b'), 2),
    );
    expect(r).toBe(2);
    await expect(
      jobs.run('job-two-2', { kind: 'import', label: 'Nhập thử' }, async () => {
        throw new AppError('BAD', 'Tệp hỏng.');
      }),
    ).rejects.toThrow('Tệp hỏng.');
    const [failed, done] = jobs.list();
    expect(done).toMatchObject({ state: 'done', done: 2, total: 2, summary: 'Đã xuất 2 tệp.', resultName: 'y' });
    expect(failed).toMatchObject({
      state: 'failed',
      summary: 'Không hoàn thành: Nhập thử. Tệp hỏng.',
      resultName: null,
    });
    // A dialog closed by the user leaves no job behind.
    await jobs.run('job-three', { kind: 'backup', label: 'Sao lưu', outcome: () => null }, async () => 0);
    expect(jobs.list().map((j) => j.jobId)).toEqual(['job-two-2', 'job-one-1']);
    // The same id cannot run twice at once.
    const started = jobs.start('job-four', { kind: 'export', label: 'Dài' });
    expect(() => jobs.start('job-four', { kind: 'export', label: 'Dài' })).toThrow(/đang chạy/);
    started.finish();
  });

  it('stops a cancellable job between items, keeping what it finished, and tells the listener', async () => {
    const jobs = new Jobs();
    const seen: JobInfo['state'][] = [];
    jobs.onChange((j) => seen.push(j.state));
    const written: number[] = [];
    const running = jobs.run(
      'job-stop-1',
      { kind: 'export', label: 'Xuất 100 tệp', total: 100, cancellable: true },
      async (job) => {
        job.setResult('/out/folder');
        for (let i = 0; i < 100; i++) {
          written.push(i);
          job.step(`tệp ${i}`);
          await yieldToEventLoop();
        }
      },
    );
    while (written.length < 5) await yieldToEventLoop();
    expect(jobs.cancel('job-stop-1')).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    const [j] = jobs.list();
    expect(j!.state).toBe('cancelled');
    expect(j!.done).toBe(written.length);
    expect(written.length).toBeLessThan(100);
    expect(j!.summary).toBe(`Đã dừng: Xuất 100 tệp (xong ${written.length}/100).`);
    expect(j!.resultName).toBe('folder');
    expect(seen.at(-1)).toBe('cancelled');
    // Ended jobs cannot be cancelled; a job that is not cancellable neither.
    expect(jobs.cancel('job-stop-1')).toBe(false);
    const fixed = jobs.start('job-fixed', { kind: 'backup', label: 'Sao lưu' });
    expect(jobs.cancel('job-fixed')).toBe(false);
    fixed.finish();
  });
});

describe('the job centre through the contract', () => {
  let core: Core;
  let dir: string;
  const opened: string[] = [];
  beforeEach(async () => {
    dir = tempDir('bcnv-jobs-');
    opened.length = 0;
    core = await freshCore({ dir, platform: { opened } });
  });
  afterEach(async () => {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('follows an export, a backup and a stopped export; opens their results', async () => {
    const dispatch = createDispatch(core);
    const s = await setupCollect(core.db, 30);
    const exported = await dispatch('collect.export', { periodId: s.period.id, unitId: null, jobId: 'job-exp-1' });
    expect(exported.ok).toBe(true);
    const backup = await dispatch('backups.create', { jobId: 'job-bak-1' });
    expect(backup.ok).toBe(true);

    // An export stopped as its first workbook is written (asked from inside that step, so that
    // where the stop lands does not depend on the machine's speed): the error says so, files stay.
    let asked: Promise<unknown> | null = null;
    const stop = core.jobs.onChange((j) => {
      if (j.jobId !== 'job-exp-2' || j.done !== 1 || j.cancelRequested) return;
      asked = dispatch('jobs.cancel', { jobId: 'job-exp-2' });
    });
    const stopped = await dispatch('collect.export', { periodId: s.period.id, unitId: null, jobId: 'job-exp-2' });
    stop();
    expect(await asked).toEqual({ ok: true, value: { cancelled: true } });
    expect(stopped).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });

    const list = await dispatch('jobs.list', undefined);
    if (!list.ok) throw new Error(list.error.message);
    const jobs = list.value as JobInfo[];
    const byId = new Map(jobs.map((j) => [j.jobId, j]));
    expect(byId.get('job-exp-1')).toMatchObject({
      state: 'done',
      kind: 'export',
      done: 30,
      total: 30,
      summary: 'Đã xuất 30 biểu nhập liệu.',
    });
    expect(byId.get('job-bak-1')).toMatchObject({ state: 'done', kind: 'backup' });
    expect(byId.get('job-bak-1')!.summary).toMatch(/^Đã sao lưu vào sao-luu-bao-cao-noi-vu-.*\.db\.$/);
    const partial = byId.get('job-exp-2')!;
    expect(partial.state).toBe('cancelled');
    // Stopped at the first step; writes already in flight may still finish (and count), no new one starts.
    expect(partial.done).toBeGreaterThanOrEqual(1);
    expect(partial.done).toBeLessThan(30);
    expect(partial.summary).toBe(`Đã dừng: Xuất biểu nhập liệu (xong ${partial.done}/30).`);

    // "Mở": the export's folder, the backup file shown in its folder; nothing for an unknown job.
    const folder = (exported as { value: { folder: string } }).value.folder;
    expect(await dispatch('jobs.openResult', { jobId: 'job-exp-1' })).toEqual({ ok: true, value: { opened: folder } });
    const bak = (backup as { value: { path: string } }).value.path;
    expect(await dispatch('jobs.openResult', { jobId: 'job-bak-1' })).toEqual({ ok: true, value: { opened: bak } });
    expect(opened).toEqual([folder, bak]);
    expect(await dispatch('jobs.openResult', { jobId: 'job-none-1' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.xlsx'))).toHaveLength(30);
    expect(path.dirname(bak)).toBe(path.join(dir, 'exports'));

    // Closing a notice keeps the job listed as dismissed.
    expect(await dispatch('jobs.dismiss', { jobId: 'job-exp-1' })).toEqual({ ok: true, value: { dismissed: true } });
    const after = (await dispatch('jobs.list', undefined)) as { value: JobInfo[] };
    expect(after.value.find((j) => j.jobId === 'job-exp-1')!.dismissed).toBe(true);
  });
});
