// Chấm điểm, xếp loại: criteria sets, rounds, self-score and appraisal, evidence, results, exports.
import { z } from 'zod';
import { method } from './define';
import { emptyInput, expectedUpdatedAt, fileBytes, id, isoDate, requiredText, text } from './schemas';
import { toCenti } from '../domain/scoring';
import { documentOutput, type SavedDocument } from './documents';
import type {
  CriteriaSet,
  CriteriaSetListItem,
  RoundCandidate,
  RoundResults,
  ScoringRound,
  ScoringRoundListItem,
  UnitScoring,
} from '../model/scoring';

/** Points: finite, never negative, at most two decimals. */
export const points = (label: string) =>
  z
    .number({ error: `${label} phải là số.` })
    .finite(`${label} phải là số hữu hạn.`)
    .min(0, `${label} không được âm.`)
    .max(1000, `${label} không được lớn hơn 1000.`)
    .refine((v) => toCenti(v) !== null, `${label} chỉ được có tối đa hai chữ số thập phân.`);

const itemCode = (label: string) =>
  requiredText(label, 20).refine(
    (v) => /^[\p{L}\p{N}._-]+$/u.test(v),
    `${label} chỉ gồm chữ, số, dấu chấm, gạch ngang (không dấu cách).`,
  );

export const subCriterionInput = z
  .object({
    title: requiredText('Nội dung con', 500),
    maxPoints: z.union([points('Điểm nội dung con'), z.null()]).default(null),
  })
  .strict();

export const criterionInput = z
  .object({
    code: itemCode('Mã tiêu chí'),
    title: requiredText('Tên tiêu chí', 500),
    maxPoints: points('Điểm tối đa của tiêu chí'),
    guidance: text(4000).default(''),
    evidence: text(2000).default(''),
    subCriteria: z.array(subCriterionInput).max(50).default([]),
  })
  .strict();

export const groupInput = z
  .object({
    code: itemCode('Mã nhóm tiêu chí'),
    title: requiredText('Tên nhóm tiêu chí', 500),
    maxPoints: points('Điểm tối đa của nhóm'),
    criteria: z.array(criterionInput).max(200),
  })
  .strict();

export const adjustmentInput = z
  .object({
    code: itemCode('Mã mục'),
    title: requiredText('Nội dung mục', 500),
    maxPoints: points('Điểm tối đa của mục'),
    guidance: text(2000).default(''),
  })
  .strict();

export const classInput = z
  .object({
    code: itemCode('Mã xếp loại'),
    label: requiredText('Tên mức xếp loại', 200),
    from: points('Cận dưới của mức xếp loại'),
    to: z.union([points('Cận trên của mức xếp loại'), z.null()]),
  })
  .strict();

export const criteriaSetInput = z
  .object({
    code: requiredText('Mã bộ tiêu chí', 60).refine(
      (v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v),
      'Mã bộ tiêu chí chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ dvcq-2025).',
    ),
    name: requiredText('Tên bộ tiêu chí', 300),
    province: text(200).default(''),
    year: z
      .number({ error: 'Năm phải là số.' })
      .int('Năm phải là số nguyên.')
      .min(2000, 'Năm không hợp lệ.')
      .max(2100, 'Năm không hợp lệ.'),
    description: text(4000).default(''),
    totalPoints: points('Thang điểm').refine((v) => v > 0, 'Thang điểm phải lớn hơn 0.'),
    groups: z.array(groupInput).max(50),
    bonus: z
      .object({ cap: points('Điểm thưởng tối đa'), items: z.array(adjustmentInput).max(50).default([]) })
      .strict(),
    deductions: z
      .object({
        cap: z.union([points('Điểm trừ tối đa'), z.null()]).default(null),
        items: z.array(adjustmentInput).max(50).default([]),
      })
      .strict(),
    classes: z.array(classInput).min(1, 'Chưa có mức xếp loại nào.').max(20),
  })
  .strict();

export type CriteriaSetInput = z.input<typeof criteriaSetInput>;

const optionalDate = z.union([isoDate, z.null()]).default(null);

export const roundInput = z
  .object({
    name: text(300).default(''),
    year: z.number({ error: 'Năm phải là số.' }).int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.'),
    setId: id,
    selfDeadline: optionalDate,
    appraisalDeadline: optionalDate,
    note: text(2000).default(''),
    /** Units to score; default: every unit active on 31 December of the year. */
    unitIds: z.array(id).max(20_000).optional(),
  })
  .strict()
  .refine((r) => !r.selfDeadline || !r.appraisalDeadline || r.selfDeadline <= r.appraisalDeadline, {
    message: 'Hạn thẩm định phải sau hạn tự chấm.',
    path: ['appraisalDeadline'],
  });

export const scoreLineInput = z
  .object({
    code: requiredText('Mã tiêu chí', 20),
    score: z.union([points('Điểm'), z.null()]),
    /** Self-score: the unit's note; appraisal: the reason for a changed score. */
    note: text(4000).default(''),
    /** The line as the form showed it: refused if someone else changed it since (left out by imports). */
    was: z
      .object({ score: z.union([points('Điểm'), z.null()]), note: text(4000) })
      .strict()
      .optional(),
  })
  .strict();

const unitRef = { roundId: id, unitId: id };

export const saveScoresInput = z
  .object({
    ...unitRef,
    side: z.enum(['self', 'appraisal'], { error: 'Phải chọn tự chấm hoặc thẩm định.' }),
    lines: z.array(scoreLineInput).max(500),
    actor: text(100).default(''),
  })
  .strict();

export const scoringContract = {
  'scoring.sets.list': method(emptyInput).returns<CriteriaSetListItem[]>(),
  'scoring.sets.get': method(z.object({ id }).strict()).returns<CriteriaSet>(),
  /** id null: a new set; otherwise edits it in place, or as a new version when it is frozen. */
  'scoring.sets.save': method(
    z.object({ id: z.union([id, z.null()]), content: criteriaSetInput, expectedUpdatedAt }).strict(),
  ).returns<{
    set: CriteriaSet;
    newVersion: boolean;
  }>(),
  'scoring.sets.delete': method(z.object({ id }).strict()).returns<{ deleted: true }>(),
  'scoring.sets.import': method(fileBytes.strict()).returns<{ set: CriteriaSet; newVersion: boolean }>(),
  'scoring.sets.export': method(z.object({ id }).strict()).returns<{ saved: boolean; path: string | null }>(),

  'scoring.rounds.list': method(emptyInput).returns<ScoringRoundListItem[]>(),
  'scoring.rounds.get': method(z.object({ id }).strict()).returns<ScoringRound>(),
  'scoring.rounds.create': method(roundInput).returns<ScoringRound>(),
  'scoring.rounds.delete': method(z.object({ id }).strict()).returns<{ deleted: true }>(),
  /** Units active in the round's year and not in it yet. */
  'scoring.rounds.candidates': method(z.object({ roundId: id }).strict()).returns<RoundCandidate[]>(),
  /** Adds units and removes units with nothing recorded, all or nothing. */
  'scoring.rounds.units': method(
    z
      .object({ roundId: id, add: z.array(id).max(20_000).default([]), remove: z.array(id).max(20_000).default([]) })
      .strict(),
  ).returns<ScoringRound>(),

  'scoring.unit.get': method(z.object(unitRef).strict()).returns<UnitScoring>(),
  'scoring.unit.save': method(saveScoresInput).returns<UnitScoring>(),
  'scoring.unit.approve': method(
    z.object({ ...unitRef, note: text(2000).default(''), actor: text(100).default('') }).strict(),
  ).returns<UnitScoring>(),
  'scoring.unit.reopen': method(
    z.object({ ...unitRef, reason: requiredText('Lý do mở lại', 2000), actor: text(100).default('') }).strict(),
  ).returns<UnitScoring>(),
  'scoring.evidence.add': method(
    z.object({ ...unitRef, itemCode: requiredText('Mã tiêu chí', 20), file: fileBytes.strict() }).strict(),
  ).returns<UnitScoring>(),
  'scoring.evidence.remove': method(z.object({ ...unitRef, evidenceId: id }).strict()).returns<UnitScoring>(),
  'scoring.evidence.open': method(z.object({ evidenceId: id }).strict()).returns<{ opened: boolean; path: string }>(),
  'scoring.workbook.export': method(z.object(unitRef).strict()).returns<{ saved: boolean; path: string | null }>(),
  'scoring.workbook.import': method(
    z.object({ roundId: id, file: fileBytes.strict() }).strict(),
  ).returns<UnitScoring>(),

  'scoring.results': method(z.object({ roundId: id }).strict()).returns<RoundResults>(),
  'scoring.export.docx': method(
    z.object({ roundId: id, takeNumber: z.boolean().default(false), ...documentOutput }).strict(),
  ).returns<SavedDocument>(),
  'scoring.export.xlsx': method(z.object({ roundId: id }).strict()).returns<{ saved: boolean; path: string | null }>(),
};
