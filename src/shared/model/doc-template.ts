// What an office's Word template is used for: in the model, so that Nhật ký can name it too.
/** What a stored template is used for. */
export const DOC_USAGES = ['report', 'reminder', 'scoring', 'unit_letter'] as const;
export type DocUsage = (typeof DOC_USAGES)[number];

export const DOC_USAGE_LABELS: Record<DocUsage, string> = {
  report: 'Báo cáo tổng hợp của kỳ',
  reminder: 'Công văn đôn đốc',
  scoring: 'Báo cáo kết quả chấm điểm, xếp loại',
  unit_letter: 'Văn bản gửi từng đơn vị',
};
