// The `docs` commands of the headless CLI:
//   docs render MODEL.json --out FILE.docx|.pdf   a hand-written model → .docx or PDF (validated, atomic)
//   docs sample --out DIR [--format pdf]           the four sample documents
//   docs schema --out FILE.json              the model's JSON Schema
import fs from 'node:fs';
import path from 'node:path';
import { AppError, describeLocation, type Result } from '../../../shared/errors';
import { SAMPLE_KINDS } from '../../../shared/model/document';
import type { SavedDocument } from '../../../shared/contract/documents';
import { folderPlatform } from '../../platform/platform';
import { writeDocument } from '../../documents/render';
import { CliFailure, documentFormatOf, type CliApp } from '../../cli/kit';
import { documentModelJsonSchema } from '../../documents/json-schema';
import { writeFileAtomic } from '../../platform/files';

export const DOCS_USAGE = `  docs render MODEL.json --out FILE.docx|.pdf xuất văn bản từ mô hình JSON (theo Nghị định 30/2020; .pdf: sẵn sàng ký số)
  docs sample --out THƯ_MỤC [--format pdf] [--images]
                                              xuất 4 văn bản mẫu (báo cáo, kế hoạch, công văn, báo cáo kèm phụ lục);
                                              --images: chèn ảnh chữ ký, con dấu (bản không ký số)
  docs schema --out FILE.json                 lược đồ JSON Schema của mô hình văn bản`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function errorText(e: { message: string; where?: AppError['where']; details?: AppError['details'] }): string {
  const where = describeLocation(e.where);
  const lines = [`Lỗi: ${e.message}${where && !e.message.includes(where) ? ` (${where})` : ''}`];
  for (const d of e.details?.slice(1, 20) ?? [])
    lines.push(`  - ${d.where?.field ? `${d.where.field}: ` : ''}${d.message}`);
  return lines.join('\n');
}

export async function runDocsCli(
  action: string | undefined,
  arg: string | undefined,
  out: string | undefined,
  output: { format: string | true | undefined; images: boolean },
  dbPath: string,
  app: CliApp,
  io: Io,
): Promise<number> {
  try {
    if (action === 'render' && arg && out) {
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(arg, 'utf8'));
      } catch (err) {
        throw new AppError(
          'BAD_JSON',
          `Không đọc được mô hình văn bản “${arg}”: ${err instanceof Error ? err.message : String(err)}`,
          { file: path.basename(arg) },
        );
      }
      await writeDocument(raw, path.resolve(out), documentFormatOf(output.format, out));
      io.out(`Đã xuất: ${path.resolve(out)}`);
      return 0;
    }
    if (action === 'schema' && out) {
      writeFileAtomic(path.resolve(out), new TextEncoder().encode(documentModelJsonSchema()));
      io.out(`Đã ghi: ${path.resolve(out)}`);
      return 0;
    }
    if (action === 'sample' && out) {
      const format = documentFormatOf(output.format, undefined);
      const dir = path.resolve(out);
      fs.mkdirSync(dir, { recursive: true });
      const core = await app.openCore({
        dbPath,
        platform: folderPlatform(dir),
        version: 'cli',
        nativeBinding: app.nativeBinding,
      });
      try {
        const dispatch = app.createDispatch(core, (m, e) => io.err(`${m}: ${String(e)}`));
        for (const kind of SAMPLE_KINDS) {
          const r = (await dispatch('documents.sample', {
            kind,
            format,
            images: output.images,
          })) as Result<SavedDocument>;
          if (!r.ok) {
            io.err(errorText(r.error));
            return 2;
          }
          io.out(`Đã xuất: ${r.value.path}`);
        }
      } finally {
        await core.close();
      }
      return 0;
    }
    io.err(`Lệnh không hợp lệ.\n${DOCS_USAGE}`);
    return 1;
  } catch (err) {
    if (err instanceof CliFailure) {
      io.err(err.message);
      return 1;
    }
    io.err(err instanceof AppError ? errorText(err) : `Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}
