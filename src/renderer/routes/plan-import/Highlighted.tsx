// The source text of a plan with the spans each proposed field came from marked, the focused one
// brighter.
import { Fragment, useMemo, type ReactNode } from 'react';
import type { Span } from '../../../shared/model/plan-import';
import './plan-import.css';

/** The source text cut into plain runs and highlighted runs. */
export function Highlighted({ text, spans, active }: { text: string; spans: Span[]; active: Span[] }) {
  const marks = useMemo(() => {
    const all = [...spans.map((s) => ({ ...s, on: false })), ...active.map((s) => ({ ...s, on: true }))]
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start || Number(b.on) - Number(a.on));
    const out: { start: number; end: number; on: boolean }[] = [];
    for (const m of all) {
      const last = out.at(-1);
      if (last && m.start < last.end) {
        if (m.on && !last.on) out[out.length - 1] = { ...m };
        continue;
      }
      out.push(m);
    }
    return out;
  }, [spans, active]);
  const parts: ReactNode[] = [];
  let pos = 0;
  for (const [i, m] of marks.entries()) {
    if (m.start > pos) parts.push(<Fragment key={`t${i}`}>{text.slice(pos, m.start)}</Fragment>);
    parts.push(
      <mark key={`m${i}`} className={m.on ? 'active' : ''}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    pos = m.end;
  }
  parts.push(<Fragment key="end">{text.slice(pos)}</Fragment>);
  return <>{parts}</>;
}
