import { z } from 'zod';
import { method } from './define';
import {
  emptyInput,
  expectedUpdatedAt,
  fileBytes,
  oneLine,
  optionalUpperText,
  requiredText,
  text,
  upperText,
} from './schemas';
import { AUTHORITY_PREFIXES, type Agency } from '../model/agency';

export const signerInput = z
  .object({
    fullName: oneLine(requiredText('Họ và tên người ký', 100), 'Họ và tên người ký'),
    title: oneLine(upperText('Chức vụ người ký', 120), 'Chức vụ người ký'),
    authorityPrefix: z.enum(AUTHORITY_PREFIXES, { error: 'Tiền tố thẩm quyền không hợp lệ.' }),
    authorityLine: oneLine(optionalUpperText('Dòng thẩm quyền', 120), 'Dòng thẩm quyền'),
    isDefault: z.boolean(),
  })
  .strict()
  .refine((s) => s.authorityPrefix === '' || s.authorityLine.length > 0, {
    message: 'Có tiền tố thẩm quyền thì phải ghi dòng thẩm quyền (ví dụ: “GIÁM ĐỐC” sau “KT.”).',
    path: ['authorityLine'],
  });

export const agencyInput = z
  .object({
    parentName: oneLine(optionalUpperText('Cơ quan chủ quản', 200), 'Cơ quan chủ quản'),
    name: oneLine(upperText('Tên cơ quan', 200), 'Tên cơ quan'),
    abbreviation: requiredText('Chữ viết tắt của cơ quan', 20).refine(
      (v) => /^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u.test(v),
      'Chữ viết tắt chỉ gồm chữ IN HOA và số, không dấu cách (ví dụ: SNV).',
    ),
    place: oneLine(requiredText('Địa danh', 80), 'Địa danh'),
    draftingUnit: oneLine(text(40), 'Đơn vị soạn thảo'),
    signers: z.array(signerInput).max(50),
    expectedUpdatedAt,
  })
  .strict()
  .refine((a) => a.signers.filter((s) => s.isDefault).length <= 1, {
    message: 'Chỉ được chọn một người ký mặc định.',
    path: ['signers'],
  });

export type AgencyInput = z.input<typeof agencyInput>;

export const agencyContract = {
  'agency.get': method(emptyInput).returns<Agency>(),
  'agency.save': method(agencyInput).returns<Agency>(),
  /** A signer's signature image (transparent PNG), for copies not signed digitally. */
  'agency.saveSignature': method(
    fileBytes.extend({ fullName: oneLine(requiredText('Họ và tên người ký', 100), 'Họ và tên người ký') }).strict(),
  ).returns<{ fullName: string; fileName: string; widthPx: number; heightPx: number }>(),
  'agency.deleteSignature': method(
    z.object({ fullName: oneLine(requiredText('Họ và tên người ký', 100), 'Họ và tên người ký') }).strict(),
  ).returns<{ deleted: boolean }>(),
};
