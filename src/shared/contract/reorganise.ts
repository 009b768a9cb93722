// Reorganising the unit register as one act from the decision annex (issue 20).
import { z } from 'zod';
import { method } from './define';
import { emptyInput, fileBytes, id, isoDate, requiredText, text } from './schemas';
import type { Reorganisation, ReorgPreview, RepointList, UnitLineage } from '../model/reorganise';

const reorgFile = fileBytes.extend({ date: z.union([isoDate, z.null()]).default(null) }).strict();

export const reorganiseContract = {
  'reorganise.preview': method(reorgFile).returns<ReorgPreview>(),
  'reorganise.apply': method(reorgFile).returns<Reorganisation>(),
  'reorganise.undo': method(z.object({ id }).strict()).returns<{ restored: number; removed: number }>(),
  'reorganise.list': method(emptyInput).returns<Reorganisation[]>(),
  'reorganise.repointList': method(z.object({ id }).strict()).returns<RepointList>(),
  'reorganise.repoint': method(
    z
      .object({
        id,
        keys: z.array(requiredText('Đề xuất', 60)).min(1, { error: 'Chưa chọn đề xuất nào.' }).max(10000),
        actor: text(100)
          .transform((v) => v || 'Người dùng')
          .default('Người dùng'),
      })
      .strict(),
  ).returns<{ applied: number; list: RepointList }>(),
  'reorganise.lineage': method(z.object({ code: requiredText('Mã đơn vị', 30) }).strict()).returns<UnitLineage>(),
};
