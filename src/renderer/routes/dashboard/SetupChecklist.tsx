// Bắt đầu sử dụng: the first-start checklist on Tổng quan. Five steps in the order the work needs
// them, each a link to its screen; a step is ticked when the data shows it done, and the next one
// is marked. Once all five are done the checklist steps aside.
import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { formatNumber } from '../../../shared/format';
import type { SetupProgress, SetupStepKey } from '../../../shared/model/setup';
import '../../styles/setup.css';

const STEPS: Record<SetupStepKey, { title: string; todo: string; done: (n: number) => string; href: string }> = {
  agency: {
    title: 'Cơ quan',
    todo: 'Nhập tên cơ quan, cơ quan cấp trên và người ký: mọi văn bản, biểu mẫu lấy từ đây.',
    done: () => 'Đã có thông tin cơ quan.',
    href: '#/cai-dat',
  },
  units: {
    title: 'Đơn vị',
    todo: 'Thêm các đơn vị báo cáo, hoặc nhập cả danh sách từ tệp Excel.',
    done: (n) => `${formatNumber(n)} đơn vị.`,
    href: '#/don-vi',
  },
  plans: {
    title: 'Văn bản chỉ đạo',
    todo: 'Nhập kế hoạch, chỉ thị cần báo cáo (dán nội dung hoặc mở tệp .docx): nhiệm vụ, chỉ tiêu, hạn nộp.',
    done: (n) => `${formatNumber(n)} văn bản.`,
    href: '#/van-ban',
  },
  periods: {
    title: 'Kỳ báo cáo',
    todo: 'Tạo kỳ báo cáo từ mẫu: thời gian, hạn nộp và danh sách đơn vị phải báo cáo.',
    done: (n) => `${formatNumber(n)} kỳ báo cáo.`,
    href: '#/ky-bao-cao',
  },
  reports: {
    title: 'Thu báo cáo',
    todo: 'Gửi biểu Excel cho từng đơn vị rồi nhận lại, hoặc nhập báo cáo đơn vị trực tiếp.',
    done: (n) => `Đã nhận ${formatNumber(n)} báo cáo.`,
    href: '#/thu-bieu-excel',
  },
};

export function SetupChecklist() {
  const [progress, setProgress] = useState<SetupProgress | null>(null);
  useEffect(() => {
    void call('dashboard.setup').then(setProgress, () => setProgress(null));
  }, []);
  if (!progress || progress.complete) return null;
  const next = progress.steps.find((s) => !s.done)?.key;
  const doneCount = progress.steps.filter((s) => s.done).length;
  return (
    <section className="card setup" aria-labelledby="setup-title">
      <div className="setup-head">
        <h2 id="setup-title" className="card-title">
          Bắt đầu sử dụng
        </h2>
        <span className="muted small">
          Đã xong {doneCount}/{progress.steps.length} bước
        </span>
      </div>
      <ol className="setup-steps">
        {progress.steps.map((s, i) => {
          const step = STEPS[s.key];
          return (
            <li
              key={s.key}
              className={`setup-step${s.done ? ' is-done' : ''}${s.key === next ? ' is-next' : ''}`}
              data-step={s.key}
              data-done={s.done}
            >
              <span className="setup-mark" aria-hidden="true">
                {s.done ? '✓' : i + 1}
              </span>
              <div className="setup-body">
                <a href={step.href} aria-current={s.key === next ? 'step' : undefined}>
                  {step.title}
                </a>
                {s.done ? <span className="visually-hidden"> (đã xong)</span> : null}
                <div className="small muted">{s.done ? step.done(s.count) : step.todo}</div>
              </div>
              {s.key === next ? <span className="setup-next">Bước tiếp theo</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
