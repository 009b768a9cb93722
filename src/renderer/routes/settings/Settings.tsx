// Cài đặt: the agency, document format, holidays, data safety (backups, restore, packages), the database, the audit log and the trash.
import { useState } from 'react';
import { AgencySettings } from '../agency/AgencySettings';
import { BackupSettings } from './BackupSettings';
import { AuditLog } from './AuditLog';
import { TrashBin } from './TrashBin';
import { DocumentSettings } from './DocumentSettings';
import { HolidaySettings } from './HolidaySettings';
import { DatabaseSettings } from './DatabaseSettings';
import { TabList, tabId } from '../../components/Tabs';

const TABS = [
  { id: 'co-quan', label: 'Cơ quan' },
  { id: 'the-thuc', label: 'Thể thức văn bản' },
  { id: 'ngay-le', label: 'Ngày nghỉ lễ' },
  { id: 'sao-luu', label: 'Sao lưu, khôi phục' },
  { id: 'csdl', label: 'Cơ sở dữ liệu' },
  { id: 'nhat-ky', label: 'Nhật ký' },
  { id: 'thung-rac', label: 'Thùng rác' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function Settings() {
  const [tab, setTab] = useState<TabId>('co-quan');
  return (
    <div className="settings">
      <TabList label="Cài đặt" tabs={TABS} current={tab} onChange={setTab} />
      <div role="tabpanel" aria-labelledby={tabId(tab)}>
        {tab === 'co-quan' ? (
          <AgencySettings />
        ) : tab === 'the-thuc' ? (
          <DocumentSettings />
        ) : tab === 'ngay-le' ? (
          <HolidaySettings />
        ) : tab === 'sao-luu' ? (
          <BackupSettings />
        ) : tab === 'csdl' ? (
          <DatabaseSettings />
        ) : tab === 'nhat-ky' ? (
          <AuditLog />
        ) : (
          <TrashBin />
        )}
      </div>
    </div>
  );
}
