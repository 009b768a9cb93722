// Cài đặt → Cơ sở dữ liệu: the database open now, the one the next start opens (this computer's
// own file, or the office's PostgreSQL server), the connection test, and copying the data across
// as a job. A switch takes effect when the app is opened again.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { Field } from '../../components/Field';
import { ScreenJob } from '../../components/ScreenJob';
import { isCancelled, useJob } from '../../lib/jobs';
import type { DatabaseCheck, DatabaseState } from '../../../shared/model/database';
import type { MethodInput } from '../../../shared/contract';
import '../../styles/database.css';

type Target = MethodInput<'database.check'>['target'];

const ENGINE = { sqlite: 'Tệp dữ liệu trên máy này (SQLite)', postgres: 'Máy chủ PostgreSQL dùng chung' };

export function DatabaseSettings() {
  const notice = useNotice();
  const tryCall = useCall();
  const [state, setState] = useState<DatabaseState | null>(null);
  const [kind, setKind] = useState<'sqlite' | 'postgres'>('postgres');
  const [file, setFile] = useState<string | null>(null);
  /** The picked file is a new one: nothing to test, the copy makes it. */
  const [fresh, setFresh] = useState(false);
  const [server, setServer] = useState({ host: '', port: '5432', database: 'bcnv', user: 'bcnv', password: '' });
  const [remember, setRemember] = useState(true);
  const [check, setCheck] = useState<DatabaseCheck | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => tryCall(async () => setState(await call('database.current'))), [tryCall]);
  useEffect(() => void reload(), [reload]);

  const target = (): Target =>
    kind === 'sqlite'
      ? { kind: 'sqlite', file: file ? 'picked' : 'default' }
      : { kind: 'postgres', ...server, port: Number(server.port) || 0 };

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    await tryCall(work);
    setBusy(false);
  };

  const job = useJob('settings.database');
  const { resume } = job;
  useEffect(() => resume(() => void reload()), [resume, reload]);
  const copy = async () => {
    try {
      // The job's end (rows, tables, where) shows above, as in the sidebar.
      await job.run((jobId) => call('database.copyTo', { target: target(), jobId }));
      setFresh(false);
    } catch (err) {
      if (!isCancelled(err)) await tryCall(() => Promise.reject(err));
    }
  };
  const held = busy || job.progress !== null;
  const set = (k: keyof typeof server) => (e: { target: { value: string } }) => {
    setServer({ ...server, [k]: e.target.value });
    setCheck(null);
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Cài đặt</div>
          <h1>Cơ sở dữ liệu</h1>
        </div>
      </header>
      <ScreenJob info={job.info} progress={job.progress} label="Chép dữ liệu sang cơ sở dữ liệu khác" />
      <div className="card stack" aria-label="Đang dùng">
        <h2 className="card-title">Đang dùng</h2>
        <p>
          {state ? ENGINE[state.kind] : '…'}: <code>{state?.location ?? '…'}</code>
        </p>
        {state?.next ? (
          <p className="db-status db-status-warn" role="status">
            Lần mở ứng dụng sau sẽ dùng {state.next.kind === 'sqlite' ? 'tệp' : 'máy chủ'}{' '}
            <code>{state.next.location}</code>. Hãy đóng rồi mở lại ứng dụng để chuyển.
            {state.fixedByCommandLine ? ' (Ứng dụng đang được mở với --db: khi có --db, lựa chọn này không dùng.)' : ''}
          </p>
        ) : null}
      </div>
      <div className="card stack">
        <h2 className="card-title">Chọn cơ sở dữ liệu</h2>
        <div role="radiogroup" aria-label="Loại cơ sở dữ liệu" className="toolbar-actions db-kinds">
          {(['postgres', 'sqlite'] as const).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="db-kind"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setCheck(null);
                }}
              />{' '}
              {ENGINE[k]}
            </label>
          ))}
        </div>
        {kind === 'sqlite' ? (
          <div className="stack">
            <p className="muted">
              Một người dùng trên một máy. Tệp phải nằm trên ổ đĩa của máy này: tệp trên thư mục dùng chung qua mạng sẽ
              bị từ chối (nhiều máy cùng ghi làm hỏng dữ liệu — khi đó hãy dùng máy chủ PostgreSQL).
            </p>
            <p>
              Tệp: <code>{file ?? 'tệp mặc định của ứng dụng trên máy này'}</code>
            </p>
            <div className="toolbar-actions">
              <button
                type="button"
                disabled={held}
                onClick={() =>
                  void act(async () => {
                    setFile((await call('database.pickFile', { purpose: 'open' })).file);
                    setFresh(false);
                    setCheck(null);
                  })
                }
              >
                Chọn tệp có sẵn…
              </button>
              <button
                type="button"
                disabled={held}
                onClick={() =>
                  void act(async () => {
                    const r = await call('database.pickFile', { purpose: 'new' });
                    setFile(r.file);
                    setFresh(r.file !== null);
                    setCheck(null);
                  })
                }
              >
                Tệp mới (để chép dữ liệu sang)…
              </button>
            </div>
          </div>
        ) : (
          <div className="form-grid">
            <Field label="Máy chủ" required hint="Tên hoặc địa chỉ IP, ví dụ 192.168.1.10">
              <input value={server.host} onChange={set('host')} aria-label="Máy chủ" />
            </Field>
            <Field label="Cổng">
              <input value={server.port} onChange={set('port')} inputMode="numeric" aria-label="Cổng" />
            </Field>
            <Field label="Tên cơ sở dữ liệu" required>
              <input value={server.database} onChange={set('database')} aria-label="Tên cơ sở dữ liệu" />
            </Field>
            <Field label="Người dùng" required>
              <input value={server.user} onChange={set('user')} aria-label="Người dùng" />
            </Field>
            <Field
              label="Mật khẩu"
              hint={
                state?.passwordProtection === 'os'
                  ? 'Nếu chọn ghi nhớ, mật khẩu được hệ điều hành mã hóa cho tài khoản máy này.'
                  : `Máy này không có kho mật khẩu của hệ điều hành: mật khẩu không được lưu; hãy ghi nó vào tệp ${state?.passwordFile ?? 'pgpass'}.`
              }
            >
              <input
                type="password"
                value={server.password}
                onChange={set('password')}
                autoComplete="off"
                aria-label="Mật khẩu"
              />
            </Field>
            <label className="db-check">
              <input
                type="checkbox"
                checked={remember && state?.passwordProtection === 'os'}
                disabled={state?.passwordProtection !== 'os'}
                onChange={(e) => setRemember(e.target.checked)}
              />{' '}
              Ghi nhớ mật khẩu trên máy này
            </label>
          </div>
        )}
        <div className="toolbar-actions">
          <button
            type="button"
            disabled={held || (kind === 'sqlite' && fresh)}
            onClick={() => void act(async () => setCheck(await call('database.check', { target: target() })))}
          >
            Kiểm tra kết nối
          </button>
          <button
            type="button"
            className="primary"
            disabled={held || !check || check.newer || (!check.empty && check.units === null)}
            onClick={() =>
              void act(async () => {
                const r = await call('database.choose', { target: target(), rememberPassword: remember });
                setState(r);
                notice(
                  'ok',
                  `Đã lưu lựa chọn. Hãy đóng rồi mở lại ứng dụng để dùng ${r.next?.location ?? 'cơ sở dữ liệu này'}.${
                    kind === 'postgres' && server.password && !r.passwordKept
                      ? ' Mật khẩu không được lưu trên máy này.'
                      : ''
                  }`,
                );
              })
            }
          >
            Dùng cơ sở dữ liệu này từ lần mở sau
          </button>
          <button
            type="button"
            disabled={held || !(check?.empty || (kind === 'sqlite' && fresh))}
            onClick={() => void copy()}
          >
            Chép dữ liệu sang…
          </button>
        </div>
        {check ? (
          <p
            className={`db-status ${check.newer || (!check.empty && check.units === null) ? 'db-status-error' : 'db-status-ok'}`}
            role="status"
            aria-label="Kết quả kiểm tra"
          >
            {check.verdict}
          </p>
        ) : (
          <p className="muted small">
            Kiểm tra kết nối trước: ứng dụng cho biết phiên bản, dữ liệu đã có, và cơ sở dữ liệu có trống để chép sang
            không.
          </p>
        )}
        <p className="muted small">
          Lựa chọn được lưu trên máy này, trong tệp <code>{state?.choiceFile ?? '…'}</code> (không ghi mật khẩu dạng chữ
          thường).
        </p>
      </div>
    </section>
  );
}
