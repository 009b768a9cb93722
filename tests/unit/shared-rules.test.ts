// The rules the form, the services, the Excel books and the CLI all take from one place.
import { describe, expect, it } from 'vitest';
import { valueKeyLabel, valueText } from '../../src/shared/domain/report-values';
import { EDITABLE_STATUSES, isEditableStatus } from '../../src/shared/domain/report-status';
import { isPercentIndicator } from '../../src/shared/domain/indicators';
import { REPORT_STATUSES, reasonKey, sectionKey } from '../../src/shared/model/report';
import { AGGREGATION_RULES } from '../../src/shared/model/template';
import type { Template, TemplateIndicator } from '../../src/shared/model/template';
import defaultTemplate from '../../resources/templates/dan-van-chinh-quyen.json';

const template = defaultTemplate as unknown as Pick<Template, 'sections' | 'indicators'>;
const ofType = (type: TemplateIndicator['type']) => template.indicators.find((i) => i.type === type)!;

describe('report statuses', () => {
  it('takes values only before submission or after a return', () => {
    expect(REPORT_STATUSES.filter(isEditableStatus)).toEqual(['chua_nop', 'dang_nhap', 'tra_lai']);
    expect(isEditableStatus('da_nop')).toBe(false);
    expect(isEditableStatus('da_duyet')).toBe(false);
    expect(EDITABLE_STATUSES).toHaveLength(3);
  });
});

describe('percentage indicators', () => {
  it('are the rates and the shares of "có", nothing else', () => {
    expect(AGGREGATION_RULES.filter((rule) => isPercentIndicator({ rule }))).toEqual(['RATE', 'SHARE']);
  });
});

describe('value text', () => {
  it('shows numbers the Vietnamese way, yes/no as words, text as typed, nothing as empty', () => {
    expect(valueText(ofType('count'), '1234')).toBe('1.234');
    expect(valueText(ofType('yesno'), '1')).toBe('Có');
    expect(valueText(ofType('yesno'), '0')).toBe('Không');
    expect(valueText(ofType('text'), 'Đã tổ chức 3 hội nghị')).toBe('Đã tổ chức 3 hội nghị');
    expect(valueText(ofType('count'), null)).toBe('');
    expect(valueText(ofType('count'), '')).toBe('');
    expect(valueText(undefined, '12.5')).toBe('12.5');
  });

  it('names each key: section, reason for a rule, indicator, or the key itself', () => {
    const s = template.sections[0]!;
    const i = template.indicators[0]!;
    expect(valueKeyLabel(template, sectionKey(s.number))).toBe(`Mục ${s.number}. ${s.title}`);
    expect(valueKeyLabel(template, i.code)).toBe(`${i.code} — ${i.name}`);
    expect(valueKeyLabel(template, reasonKey('TD02 <= TD01'))).toMatch(/^Lý do vi phạm TD02 .* TD01$/);
    expect(valueKeyLabel(template, reasonKey('không phải quy tắc'))).toBe('Lý do vi phạm không phải quy tắc');
    expect(valueKeyLabel(template, 'XX99')).toBe('XX99');
  });
});
