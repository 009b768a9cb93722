// Collecting reports by Excel through the contract and the command line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/dispatch';
import { runCli } from '../../src/main/cli';
import type { CollectReview } from '../../src/shared/model/collect';
import { cliDatabase } from './helpers';
import { fillWorkbook, readBytes } from './collect-helpers';
import { core, dir, s, book, reopenCore, useCollectCase } from './collect-case';

useCollectCase();

describe('through the contract and the CLI', () => {
  it('collect.analyze / collect.commit / jobs.progress validate and answer as data', async () => {
    const dispatch = createDispatch(core);
    const bad = await dispatch('collect.analyze', { periodId: s.period.id, files: [] });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGS', message: expect.stringContaining('Chưa chọn tệp nào') },
    });
    const review = (await dispatch('collect.analyze', {
      periodId: s.period.id,
      files: [{ fileName: 'a.xlsx', data: await fillWorkbook(book(0), { DT01: 2 }) }],
      jobId: 'job-abc-123',
    })) as {
      ok: true;
      value: CollectReview;
    };
    expect(review.ok).toBe(true);
    expect(await dispatch('jobs.progress', { jobId: 'job-abc-123' })).toMatchObject({
      ok: true,
      value: { done: 1, total: 1, finished: true },
    });
    expect(await dispatch('jobs.progress', { jobId: 'nothing-here' })).toEqual({ ok: true, value: null });
    const commit = await dispatch('collect.commit', { batchId: review.value.batchId, accept: [{ index: 0 }] });
    expect(commit).toMatchObject({ ok: true, value: { saved: [{ unitCode: 'X001', revision: 1 }] } });
  });

  it('collect export and collect import --accept all --json', async () => {
    const dbPath = cliDatabase(core);
    await core.close();
    const lines: string[] = [];
    const errs: string[] = [];
    const io = { out: (x: string) => lines.push(x), err: (x: string) => errs.push(x) };
    const cliOut = path.join(dir, 'cli-out');
    expect(
      await runCli(
        ['collect', 'export', '--period', String(s.period.id), '--out', cliOut, '--unit', 'X002', '--db', dbPath],
        io,
      ),
    ).toBe(0);
    expect(fs.readdirSync(cliOut)).toEqual(['Bieu-nhap-lieu_6-thang-dau-nam-2025_X002-Xa-Dai-Loc.xlsx']);
    const filled = path.join(dir, 'filled.xlsx');
    fs.writeFileSync(filled, await fillWorkbook(readBytes(path.join(cliOut, fs.readdirSync(cliOut)[0]!)), { DT01: 6 }));
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'không phải excel');
    lines.length = 0;
    expect(
      await runCli(['collect', 'import', filled, junk, '--period', String(s.period.id), '--json', '--db', dbPath], io),
    ).toBe(0);
    const dry = JSON.parse(lines.join('\n')) as { review: CollectReview; commit: null };
    expect(dry.commit).toBeNull();
    expect(dry.review.items.map((i) => i.status)).toEqual(['new', 'problem']);
    lines.length = 0;
    expect(
      await runCli(
        [
          'collect',
          'import',
          filled,
          junk,
          '--period',
          String(s.period.id),
          '--accept',
          'all',
          '--confirm-warnings',
          '--json',
          '--db',
          dbPath,
        ],
        io,
      ),
    ).toBe(3);
    const done = JSON.parse(lines.join('\n')) as { commit: { saved: { unitCode: string }[] } };
    expect(done.commit.saved.map((x) => x.unitCode)).toEqual(['X002']);
    lines.length = 0;
    expect(
      await runCli(
        ['collect', 'import', path.join(dir, 'missing.xlsx'), '--period', String(s.period.id), '--db', dbPath],
        io,
      ),
    ).toBe(2);
    expect(errs.at(-1)).toMatch(/Không tìm thấy tệp/);
    await reopenCore(); // afterEach closes it
  });
});
