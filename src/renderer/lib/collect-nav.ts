// Opening "Thu biểu Excel" for a period from another screen (Kỳ báo cáo).
import { rememberTarget } from './reporting-nav';

export function openCollectExcel(periodId: number): void {
  rememberTarget({ periodId });
  window.location.hash = '#/thu-bieu-excel';
}
