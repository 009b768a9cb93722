// Reorganising the unit register as one act from the decision annex (issue 20).
import { z } from 'zod';
import { method } from './define';
import { emptyInput, fileBytes, id, isoDate, requiredText } from './schemas';
import type { Reorganisation, ReorgPreview, UnitLineage } from '../model/reorganise';

const reorgFile = fileBytes.extend({ date: z.union([isoDate, z.null()]).default(null) }).strict();

export const reorganiseContract = {
  'reorganise.preview': method(reorgFile).returns<ReorgPreview>(),
  'reorganise.apply': method(reorgFile).returns<Reorganisation>(),
  'reorganise.undo': method(z.object({ id }).strict()).returns<{ restored: number; removed: number }>(),
  'reorganise.list': method(emptyInput).returns<Reorganisation[]>(),
  'reorganise.lineage': method(z.object({ code: requiredText('Mã đơn vị', 30) }).strict()).returns<UnitLineage>(),
};
