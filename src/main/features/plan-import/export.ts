// A saved plan written back as a Word (or PDF) document in its own format (state or Party), word
// for word; the warnings say what the document leaves empty because the source has nothing there.
import type { Kysely } from 'kysely';
import { exportFileName } from '../../platform/export-names';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import type { DocumentOutput } from '../../../shared/model/document';
import { forOutput } from '../documents/documents';
import type { PlanExportResult } from '../../../shared/contract/plan-import';
import { parseDocumentModel } from '../../documents/model';
import { FORMAT_FILTERS, renderDocument } from '../../documents/render';
import { writeFileAtomic } from '../../platform/files';
import { getPlan } from '../plans/plans';
import { planDocumentModel } from './to-document';

/** Writes a saved plan where the user chooses (the CLI's --out is its platform's choice). */
export async function exportPlanDocx(
  db: Kysely<DB>,
  platform: Platform,
  planId: number,
  output: DocumentOutput = { format: 'docx', images: false },
): Promise<PlanExportResult> {
  const format = output.format;
  const plan = await getPlan(db, planId);
  const { model, warnings } = planDocumentModel(plan);
  const bytes = await renderDocument(await forOutput(db, parseDocumentModel(model), output), format);
  const ref = plan.number ? `So ${plan.number} ${plan.symbol}` : plan.symbol;
  const name = exportFileName('plan', [ref, plan.issuedDate], format);
  const target = await platform.chooseSavePath(name, FORMAT_FILTERS[format]);
  if (!target) return { saved: false, path: null, entry: null, warnings };
  writeFileAtomic(target, bytes);
  return { saved: true, path: target, entry: null, warnings };
}
