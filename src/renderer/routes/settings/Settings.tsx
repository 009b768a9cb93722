// Cài đặt: the agency, document format, holidays, data safety (backups, restore, packages), the audit log and the trash.
import { useState } from 'react';
import { AgencySettings } from '../agency/AgencySettings';
import { BackupSettings } from './BackupSettings';
import { AuditLog } from './AuditLog';
import { TrashBin } from './TrashBin';
import { DocumentSettings } from './DocumentSettings';
import { HolidaySettings } from './HolidaySettings';

const TABS = [
  { id: 'co-quan', label: 'Cơ quan' },
  { id: 'the-thuc', label: 'Thể thức văn bản' },
  { id: 'ngay-le', label: 'Ngày nghỉ lễ' },
  { id: 'sao-luu', label: 'Sao lưu, khôi phục' },
  { id: 'nhat-ky', label: 'Nhật ký' },
  { id: 'thung-rac', label: 'Thùng rác' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function Settings() {
  const [tab, setTab] = useState<TabId>('co-quan');
  return (
    <div className="settings">
      <div className="tabs" role="tablist" aria-label="Cài đặt">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            className={tab === t.id ? 'tab active' : 'tab'}
            // One stop for the tab row on Tab; arrows move between tabs (and focus follows).
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              const i = TABS.findIndex((x) => x.id === tab);
              const to =
                e.key === 'ArrowRight'
                  ? (i + 1) % TABS.length
                  : e.key === 'ArrowLeft'
                    ? (i + TABS.length - 1) % TABS.length
                    : e.key === 'Home'
                      ? 0
                      : e.key === 'End'
                        ? TABS.length - 1
                        : null;
              if (to === null) return;
              e.preventDefault();
              setTab(TABS[to]!.id);
              document.getElementById(`tab-${TABS[to]!.id}`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'co-quan' ? (
          <AgencySettings />
        ) : tab === 'the-thuc' ? (
          <DocumentSettings />
        ) : tab === 'ngay-le' ? (
          <HolidaySettings />
        ) : tab === 'sao-luu' ? (
          <BackupSettings />
        ) : tab === 'nhat-ky' ? (
          <AuditLog />
        ) : (
          <TrashBin />
        )}
      </div>
    </div>
  );
}
