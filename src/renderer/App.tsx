import { useEffect, useState } from 'react';
import { Settings } from './routes/settings/Settings';
import { UnitsScreen } from './routes/units/Units';
import { NotBuilt } from './components/NotBuilt';
import { ScoringScreen } from './routes/scoring/Scoring';
import { NoticeProvider } from './components/Notice';
import { JobCentre } from './components/JobCentre';
import './styles/layout.css';
import { DashboardScreen } from './routes/dashboard/Dashboard';
import { PlansScreen } from './routes/plans/Plans';
import { PeriodsScreen } from './routes/periods/Periods';
import { TemplatesScreen } from './routes/templates/Templates';
import { UnitReportScreen } from './routes/reports/UnitReport';
import { CompileScreen } from './routes/compile/Compile';
import { CollectExcelScreen } from './routes/collect/CollectExcel';
import { PlanImportScreen } from './routes/plan-import/PlanImport';
import { DocTemplatesScreen } from './routes/doc-templates/DocTemplates';

const ROUTES = [
  { id: 'tong-quan', label: 'Tổng quan', icon: '◧' },
  { id: 'don-vi', label: 'Đơn vị', icon: '▦' },
  { id: 'van-ban', label: 'Văn bản chỉ đạo', icon: '▤' },
  // Reached from Văn bản chỉ đạo (not listed in the side navigation).
  { id: 'nhap-van-ban', label: 'Nhập văn bản', icon: '⇪', hidden: true, parent: 'van-ban' },
  { id: 'ky-bao-cao', label: 'Kỳ báo cáo', icon: '◷' },
  // Reached from Kỳ báo cáo (not listed in the side navigation).
  { id: 'mau-bao-cao', label: 'Mẫu báo cáo', icon: '▥', hidden: true, parent: 'ky-bao-cao' },
  { id: 'thu-bieu-excel', label: 'Thu biểu Excel', icon: '⇅', hidden: true, parent: 'ky-bao-cao' },
  { id: 'bao-cao-don-vi', label: 'Báo cáo đơn vị', icon: '✎' },
  { id: 'tong-hop', label: 'Tổng hợp', icon: 'Σ' },
  { id: 'cham-diem', label: 'Chấm điểm', icon: '★' },
  { id: 'mau-word', label: 'Mẫu Word', icon: '▧' },
  { id: 'cai-dat', label: 'Cài đặt', icon: '⚙' },
] as const;

type RouteId = (typeof ROUTES)[number]['id'];

function routeFromHash(): RouteId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return (ROUTES.find((r) => r.id === id)?.id ?? 'tong-quan') as RouteId;
}

export function App() {
  const [route, setRoute] = useState<RouteId>(routeFromHash);
  useEffect(() => {
    const onHash = () => setRoute(routeFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const current = ROUTES.find((r) => r.id === route)!;
  // A screen reached from another (Thu biểu Excel from Kỳ báo cáo) lights that one in the sidebar.
  const lit = 'parent' in current ? current.parent : route;
  return (
    <NoticeProvider>
      <div className="shell">
        <nav className="sidebar" aria-label="Điều hướng chính">
          <div className="brand">
            <div className="brand-title">Báo cáo Nội vụ</div>
            <div className="brand-sub">
              Dân vận chính quyền
              <br />
              Dân chủ ở cơ sở
            </div>
          </div>
          <ul>
            {ROUTES.filter((r) => !('hidden' in r)).map((r) => (
              <li key={r.id}>
                <a
                  href={`#/${r.id}`}
                  className={r.id === lit ? 'active' : ''}
                  aria-current={r.id === route ? 'page' : undefined}
                >
                  <span className="nav-icon" aria-hidden="true">
                    {r.icon}
                  </span>
                  {r.label}
                </a>
                {r.id === lit && lit !== route ? (
                  // A screen reached from this one shows under it, marked as the current page.
                  <ul className="nav-sub">
                    <li>
                      <a href={`#/${current.id}`} className="active" aria-current="page">
                        <span className="nav-icon" aria-hidden="true">
                          {current.icon}
                        </span>
                        {current.label}
                      </a>
                    </li>
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          <JobCentre />
        </nav>
        <main className="content">
          {route === 'tong-quan' ? (
            <DashboardScreen />
          ) : route === 'van-ban' ? (
            <PlansScreen />
          ) : route === 'nhap-van-ban' ? (
            <PlanImportScreen />
          ) : route === 'ky-bao-cao' ? (
            <PeriodsScreen />
          ) : route === 'mau-bao-cao' ? (
            <TemplatesScreen />
          ) : route === 'thu-bieu-excel' ? (
            <CollectExcelScreen />
          ) : route === 'bao-cao-don-vi' ? (
            <UnitReportScreen />
          ) : route === 'tong-hop' ? (
            <CompileScreen />
          ) : route === 'cham-diem' ? (
            <ScoringScreen />
          ) : route === 'mau-word' ? (
            <DocTemplatesScreen />
          ) : route === 'don-vi' ? (
            <UnitsScreen />
          ) : route === 'cai-dat' ? (
            <Settings />
          ) : (
            <NotBuilt title={current.label} />
          )}
        </main>
      </div>
    </NoticeProvider>
  );
}
