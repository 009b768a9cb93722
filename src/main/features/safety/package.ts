// The full data package (.zip): the database plus the files the app keeps (original returned
// workbooks, evidence), with a manifest of hashes — to move to a new computer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Core } from '../../core/core';
import { NO_JOB, type Job } from '../../core/jobs';
import { backupDatabase, timestamp } from '../../db/backup';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../../platform/files';
import { verifyZipEntriesAsync } from '../../workbooks/zip-guard';
import { EVIDENCE_DIR, isProtectedPath, keptFileProblem, REGISTERED_DIR, SOURCES_DIR } from '../../platform/kept-files';
import {
  assertRebuilt,
  latestMigration,
  pendingFile,
  rebuildDatabaseFile,
  rebuiltFileOf,
  withRebuilt,
} from './inspect';
import { backupFolder } from './backups';
import { rememberPending, usePending } from '../../core/pending';
import { noteWrites } from '../../core/intents';
import type { DataInspection } from '../../../shared/model/safety';

export const PACKAGE_FORMAT = 'bao-cao-noi-vu/data-package';
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;
export const MAX_PACKAGE_UNCOMPRESSED = 2 * 1024 * 1024 * 1024;
const DB_ENTRY = 'data/bao-cao-noi-vu.db';

interface Manifest {
  format: string;
  formatVersion: 1;
  appVersion: string;
  schemaVersion: string;
  createdAt: string;
  files: { path: string; size: number; sha256: string }[];
}

const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * Files under the data folder that travel with the package: the kinds the app keeps (returned
 * workbooks, evidence, numbered reports), each passing the rules an incoming package is held to.
 */
function keptFiles(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const rel = path.relative(dataDir, full).split(path.sep).join('/');
        if (keptFileProblem(rel, fs.readFileSync(full)) === null) out.push(rel);
      }
    }
  };
  for (const dir of [SOURCES_DIR, EVIDENCE_DIR, REGISTERED_DIR]) walk(path.join(dataDir, dir));
  return out.sort();
}

/**
 * The package in memory. A job sees one step for the database, one per kept file and one for the
 * compression, and may stop between them: nothing is written until the whole package is built.
 */
export async function buildPackage(core: Core, job: Job = NO_JOB): Promise<Uint8Array> {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-pkg-'));
  try {
    const kept = keptFiles(core.dataDir);
    job.setTotal(kept.length + 2);
    const dbCopy = await backupDatabase(core.database, tmpDir, 'goi-du-lieu');
    const zip = new JSZip();
    const files: Manifest['files'] = [];
    const dbBytes = fs.readFileSync(dbCopy);
    zip.file(DB_ENTRY, dbBytes);
    files.push({ path: DB_ENTRY, size: dbBytes.length, sha256: sha256(dbBytes) });
    job.step('Cơ sở dữ liệu');
    await job.pause();
    for (const rel of kept) {
      const bytes = fs.readFileSync(path.join(core.dataDir, rel));
      const entry = `files/${rel}`;
      zip.file(entry, bytes);
      files.push({ path: entry, size: bytes.length, sha256: sha256(bytes) });
      job.step(path.basename(rel));
      await job.pause();
    }
    const manifest: Manifest = {
      format: PACKAGE_FORMAT,
      formatVersion: 1,
      appVersion: core.version,
      schemaVersion: latestMigration,
      createdAt: new Date().toISOString(),
      files,
    };
    // as bytes: JSZip encodes a long string in 16K pieces and cuts a surrogate pair (an emoji in a
    // file name) where a piece ends
    zip.file('manifest.json', new TextEncoder().encode(JSON.stringify(manifest, null, 2)));
    // Stopped while the last file was read: the compression is not started for nothing.
    job.signal.throwIfAborted();
    const bytes = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    });
    job.step('Nén gói');
    return bytes;
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

export async function exportPackage(core: Core, job: Job = NO_JOB): Promise<{ saved: boolean; path: string | null }> {
  const target = await core.platform.chooseSavePath(`goi-du-lieu-bao-cao-noi-vu-${timestamp()}.zip`, [
    { name: 'Gói dữ liệu', extensions: ['zip'] },
  ]);
  if (!target) return { saved: false, path: null };
  writeFileAtomic(target, await buildPackage(core, job));
  return { saved: true, path: target };
}

/** Every way a package can be wrong, found before anything is touched. */
export async function readPackage(bytes: Uint8Array, fileName: string): Promise<{ manifest: Manifest; zip: JSZip }> {
  const where = { file: fileName };
  if (bytes.length > MAX_PACKAGE_BYTES)
    throw new AppError('FILE_TOO_BIG', `Gói “${fileName}” quá lớn (tối đa 1 GB).`, where);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new AppError('NOT_PACKAGE', `“${fileName}” không phải là gói dữ liệu (.zip) của Báo cáo Nội vụ.`, where);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AppError('CORRUPT_PACKAGE', `Gói “${fileName}” bị hỏng hoặc không đầy đủ (tệp nén không hợp lệ).`, where);
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    const name = entry.name;
    if (
      name.startsWith('/') ||
      name.includes('\\') ||
      name.split('/').includes('..') ||
      /^[a-zA-Z]:/.test(name) ||
      // eslint-disable-next-line no-control-regex -- control characters in a name are exactly what is refused
      /[\u0000-\u001f]/.test(name)
    ) {
      throw new AppError(
        'CORRUPT_PACKAGE',
        `Gói “${fileName}” chứa đường dẫn nguy hiểm “${name.slice(0, 120)}”: không nhập.`,
        where,
      );
    }
    total += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  }
  if (total > MAX_PACKAGE_UNCOMPRESSED)
    throw new AppError('ZIP_BOMB', `Gói “${fileName}” khi giải nén quá lớn: có thể là tệp độc hại.`, where);
  await verifyZipEntriesAsync(zip, fileName, MAX_PACKAGE_UNCOMPRESSED, 'CORRUPT_PACKAGE');
  const manifestEntry = zip.file('manifest.json');
  if (!manifestEntry)
    throw new AppError(
      'NOT_PACKAGE',
      `“${fileName}” thiếu tệp manifest.json: không phải gói dữ liệu của Báo cáo Nội vụ.`,
      where,
    );
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await manifestEntry.async('string')) as Manifest;
  } catch {
    throw new AppError('CORRUPT_PACKAGE', `manifest.json trong “${fileName}” không đọc được.`, {
      ...where,
      field: 'manifest.json',
    });
  }
  if (manifest?.format !== PACKAGE_FORMAT || !Array.isArray(manifest.files)) {
    throw new AppError('NOT_PACKAGE', `“${fileName}” không phải là gói dữ liệu của Báo cáo Nội vụ.`, where);
  }
  if (!manifest.files.some((f) => f.path === DB_ENTRY))
    throw new AppError('CORRUPT_PACKAGE', `Gói “${fileName}” thiếu cơ sở dữ liệu.`, where);
  // Only what the manifest lists, each once, each of a kind the app keeps: nothing else comes in.
  const listed = new Set<string>();
  for (const f of manifest.files) {
    const p = typeof f?.path === 'string' ? f.path : '';
    const entry = p ? zip.file(p) : null;
    if (!entry || listed.has(p) || !(p === DB_ENTRY || p.startsWith('files/')))
      throw new AppError(
        'CORRUPT_PACKAGE',
        `Gói “${fileName}” thiếu hoặc sai tệp “${String(f?.path).slice(0, 120)}”.`,
        where,
      );
    listed.add(p);
    const data = await entry.async('uint8array');
    if (data.length !== f.size || sha256(data) !== f.sha256) {
      throw new AppError(
        'CORRUPT_PACKAGE',
        `Tệp “${p}” trong gói “${fileName}” không khớp mã kiểm tra (bị sửa hoặc hỏng).`,
        where,
      );
    }
    if (p === DB_ENTRY) continue;
    const rel = p.slice('files/'.length);
    const why = isProtectedPath(rel) ? 'nằm trong thư mục sao lưu của phần mềm' : keptFileProblem(rel, data);
    if (why !== null)
      throw new AppError(
        'PACKAGE_FILE_REFUSED',
        `Gói “${fileName}” có tệp “${rel.slice(0, 160)}” không được nhận: ${why}. Không nhập gói này.`,
        { ...where, field: rel.slice(0, 160) },
      );
  }
  for (const entry of Object.values(zip.files))
    if (!entry.dir && entry.name !== 'manifest.json' && !listed.has(entry.name))
      throw new AppError(
        'PACKAGE_FILE_REFUSED',
        `Gói “${fileName}” có tệp “${entry.name.slice(0, 160)}” không có trong danh mục của gói: không nhập gói này.`,
        where,
      );
  return { manifest, zip };
}

export async function inspectPackage(core: Core): Promise<DataInspection | null> {
  const file = await core.platform.chooseOpenPath([{ name: 'Gói dữ liệu', extensions: ['zip'] }]);
  if (!file) return null;
  const fileName = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new AppError(
      'READ_FAILED',
      `Không đọc được “${fileName}”: ${err instanceof Error ? err.message : String(err)}`,
      { file: fileName },
    );
  }
  const { manifest, zip } = await readPackage(bytes, fileName);
  // The package's database is rebuilt now: what is shown is what an import will put in place.
  const incoming = pendingFile(core.dataDir);
  const work = pendingFile(core.dataDir);
  let summary;
  let token: string;
  try {
    fs.writeFileSync(incoming, await zip.file(DB_ENTRY)!.async('uint8array'), { mode: 0o600 });
    summary = await rebuildDatabaseFile(core.database, incoming, `${fileName} → ${DB_ENTRY}`, work);
    token = await rememberPending(core.dataDir, 'package', file);
    fs.renameSync(work, rebuiltFileOf(core.dataDir, token));
  } finally {
    fs.rmSync(incoming, { force: true });
    fs.rmSync(work, { force: true });
  }
  return {
    token,
    fileName,
    kind: 'package',
    integrity: summary.integrity,
    schemaVersion: summary.schemaVersion,
    appSchemaVersion: latestMigration,
    counts: summary.counts,
    files: manifest.files.length - 1,
    createdAt: manifest.createdAt ?? null,
  };
}

/** Replaces the data with the package's, after a safety copy; the package's files are added. */
export async function importPackage(core: Core, token: string): Promise<{ safetyCopy: string; files: number }> {
  // Read again from a private copy of the checked file: the chosen file may change meanwhile.
  return withRebuilt(core.dataDir, token, (rebuilt) =>
    usePending(core.dataDir, token, 'package', async (copy, entry) => {
      assertRebuilt(rebuilt);
      const { manifest, zip } = await readPackage(fs.readFileSync(copy), path.basename(entry.file));
      const safetyCopy = await backupDatabase(core.database, backupFolder(core), 'truoc-nhap-goi');
      // Files first (they only add, each of a kind checked above), then the database swap. The new
      // files are noted first: a kill before the swap leaves them to the next start to remove.
      const incoming = manifest.files
        .filter((x) => x.path.startsWith('files/'))
        .map((f) => ({ f, rel: f.path.slice('files/'.length) }))
        .filter(({ rel }) => path.resolve(core.dataDir, rel).startsWith(path.resolve(core.dataDir) + path.sep));
      // a file already there with the same content is left as it is
      const same = (rel: string, hash: string) => {
        try {
          return sha256(fs.readFileSync(path.join(core.dataDir, rel))) === hash;
        } catch {
          return false;
        }
      };
      const toWrite = incoming.filter(({ f, rel }) => !same(rel, f.sha256));
      const added = toWrite.filter(({ rel }) => !fs.existsSync(path.join(core.dataDir, rel))).map(({ rel }) => rel);
      const done = noteWrites(
        core.dataDir,
        toWrite.map(({ rel }) => rel),
      );
      for (const { f, rel } of toWrite) {
        const target = path.resolve(core.dataDir, rel);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        writeFileAtomic(target, await zip.file(f.path)!.async('uint8array'));
      }
      const files = incoming.length;
      try {
        await core.replaceDatabase(rebuilt);
      } catch (err) {
        await core.replaceDatabase(safetyCopy);
        for (const rel of added) fs.rmSync(path.join(core.dataDir, rel), { force: true });
        throw err;
      } finally {
        done();
      }
      return { safetyCopy, files };
    }),
  );
}
