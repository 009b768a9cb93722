// Tổng hợp: the consolidated figures of one or several periods, the editable draft of the
// department's report, its Word and Excel exports and the email draft sent upward.
import { documentOutput } from './documents';
import { z } from 'zod';
import { method } from './define';
import { emptyInput, id, isoDate, text } from './schemas';
import type {
  Aggregation,
  CompileResult,
  CompileSettings,
  Draft,
  IndicatorTotal,
  ReportingStatus,
} from '../model/compile';
import type { UnitLinesPage } from './compile-lines';

export type { UnitLinesPage } from './compile-lines';

export const windowInput = z
  .object({
    periodIds: z.array(id).min(1, 'Chọn ít nhất một kỳ báo cáo để tổng hợp.').max(24, 'Chọn tối đa 24 kỳ.'),
    /** Null: the same period(s) of last year, found automatically; []: no comparison. */
    compareIds: z.union([z.array(id).max(24), z.null()]).default(null),
    /** The day the status (late, missing) is judged on; null: today. */
    today: z.union([isoDate, z.null()]).default(null),
  })
  .strict();

export const draftSectionInput = z
  .object({
    number: z.string().max(20),
    text: z.string().max(200_000, 'Nội dung một mục dài quá 200.000 ký tự.'),
  })
  .strict();

export const saveDraftInput = windowInput.extend({
  title: text(1000),
  sections: z.array(draftSectionInput).max(300),
});

const emailList = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: (iss) => `Địa chỉ email “${String(iss.input)}” không hợp lệ.` })),
  )
  .max(50);

export const compileSettingsInput = z
  .object({
    to: z.array(text(300).pipe(z.string().min(1, 'Dòng “Kính gửi” không được để trống.'))).max(30),
    recipients: z.array(text(300).pipe(z.string().min(1, 'Dòng “Nơi nhận” không được để trống.'))).max(50),
    emailTo: emailList,
    emailCc: emailList.default([]),
    symbol: text(40).refine(
      (v) => v === '' || /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u.test(v),
      'Ký hiệu chỉ gồm chữ và số, các nhóm nối bằng “-” (ví dụ: BC-SNV).',
    ),
    maxPoints: z
      .number()
      .int('Số ý chính mỗi mục phải là số nguyên.')
      .min(1, 'Mỗi mục có ít nhất 1 ý chính.')
      .max(20, 'Mỗi mục có nhiều nhất 20 ý chính.')
      .default(5),
    unitTextAnnex: z.boolean().default(true),
  })
  .strict();

export const exportReportInput = windowInput.extend({
  /** Take the next number of the register (Báo cáo, year of the date); false: blank for the clerk. */
  takeNumber: z.boolean().default(false),
  date: z.union([isoDate, z.null()]).default(null),
  /** The user confirmed taking another number for a report that already has one. */
  renumber: z.boolean().default(false),
});

/** One unit's own words in one section (or text indicator), for the annex of the units' words. */
export interface UnitTextEntry {
  /** "II.1. Tiếp công dân, đối thoại", or the text indicator's name. */
  heading: string;
  unitName: string;
  /** Set when the window has several periods. */
  periodName: string;
  text: string;
}

/** A rule breach a unit explained: printed as a footnote of Phụ lục II. */
export interface ExplainedBreach {
  unitName: string;
  /** The rule's message (or its expression). */
  rule: string;
  reason: string;
}

export interface DraftView {
  draft: Draft;
  compile: CompileResult;
  unitTexts: UnitTextEntry[];
  explainedBreaches: ExplainedBreach[];
  /** The draft with its placeholders replaced, section by section. */
  rendered: { title: string; sections: { number: string; text: string; unknown: string[] }[] };
}

/** An indicator as the screen shows it: its figures; the units' text answers go to the report's annex. */
export type ScreenIndicator = Omit<IndicatorTotal, 'texts'>;

/** The reporting status as the screen shows it: the counts; the late and missing units' names go to the report. */
export type ScreenStatus = Omit<ReportingStatus, 'lateUnits' | 'missingUnits'>;

/** An aggregation as the Tổng hợp screen receives it: its unit lines are counted here and paged by compile.units. */
export type ScreenAggregation = Omit<Aggregation, 'units' | 'indicators' | 'status'> & {
  unitCount: number;
  indicators: ScreenIndicator[];
  status: ScreenStatus;
};

/**
 * The draft as the screen receives it: everything it shows, nothing that grows with the register
 * (the unit lines, the units' own words and explained breaches, the names of late and missing units):
 * those go to the exported report, the lines by compile.units.
 */
export interface DraftScreen extends Omit<DraftView, 'compile' | 'unitTexts' | 'explainedBreaches'> {
  compile: Omit<CompileResult, 'current' | 'previous'> & {
    current: ScreenAggregation;
    previous: ScreenAggregation | null;
  };
}

const linesWindow = {
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export const unitLinesInput = windowInput.extend(linesWindow);

/**
 * The draft, and with `lines` a window of its unit lines in the same answer (compile.units' page,
 * value for value): a screen showing the lines compiles in one round trip instead of two.
 */
export const draftInput = windowInput.extend({
  lines: z.union([z.object(linesWindow).strict(), z.null()]).default(null),
});

/** compile.draft's answer: the screen's draft and the window of unit lines asked with it (null: none asked). */
export interface DraftWithLines extends DraftScreen {
  lines: UnitLinesPage | null;
}

export interface SavedFile {
  saved: boolean;
  path: string | null;
  /** Register number taken, if any. */
  number?: number | null;
}

export interface EmailDraft {
  saved: boolean;
  folder: string | null;
  emlPath: string | null;
  docxPath: string | null;
  xlsxPath: string | null;
  /** Whether the system mail app was asked to open the draft, and why not. */
  opened: boolean;
  openError: string;
  to: string[];
  cc: string[];
  subject: string;
  body: string;
}

export const compileContract = {
  'compile.show': method(windowInput).returns<CompileResult>(),
  /** The stored draft of the window (generated the first time). */
  'compile.draft': method(draftInput).returns<DraftWithLines>(),
  /** Regenerates from the current figures and answers, keeping the user's edits. */
  'compile.refreshDraft': method(windowInput).returns<DraftScreen>(),
  'compile.saveDraft': method(saveDraftInput).returns<DraftScreen>(),
  /**
   * The unit lines of the window's current period(s), a window at a time (the screen's “Theo đơn vị” tabs),
   * in their wire form (compile-lines.ts: decodeUnitLines).
   */
  'compile.units': method(unitLinesInput).returns<UnitLinesPage>(),
  'compile.settings': method(emptyInput).returns<CompileSettings>(),
  'compile.saveSettings': method(compileSettingsInput).returns<CompileSettings>(),
  /** The report as Word or, with `format: 'pdf'`, as a PDF ready for ký số. */
  'compile.exportWord': method(exportReportInput.extend(documentOutput)).returns<SavedFile>(),
  'compile.exportExcel': method(windowInput).returns<SavedFile>(),
  /** Word + Excel + .eml in one folder, then the .eml opened by the system mail app. */
  'compile.email': method(exportReportInput).returns<EmailDraft>(),
  /** Shows the folder the last export or email draft was written to (the renderer never names a path). */
  'compile.openFolder': method(emptyInput).returns<{ opened: boolean; error: string }>(),
};
