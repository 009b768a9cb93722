// A section's words with its figures as labelled chips the user cannot type into: the text is
// stored with {{KEY}} placeholders (so figures refresh), but nobody has to read or keep them.
// Editing is a contenteditable whose DOM is built with text nodes and spans (never innerHTML),
// and read back to the stored form on every input.
import { useEffect, useRef } from 'react';

const TOKEN = /\{\{([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z]+)?)\}\}/g;

export interface ChipInfo {
  /** What the figure is ("Hội nghị đối thoại — so với cùng kỳ"). */
  label: string;
  /** The figure as it will print ("125", "tăng 12 cuộc so với cùng kỳ"); "" when empty. */
  value: string;
}

/** The DOM's words back to the stored form: chips → {{KEY}}, line breaks → "\n". */
export function serialize(root: Node): string {
  let out = '';
  const walk = (n: Node, first: boolean) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent ?? '';
    else if (n instanceof HTMLElement) {
      if (n.dataset.key) out += `{{${n.dataset.key}}}`;
      else if (n.tagName === 'BR') out += '\n';
      else {
        // Browsers wrap a new line typed with Enter in a <div> (Chrome) or <p>.
        const block = n.tagName === 'DIV' || n.tagName === 'P';
        if (block && !first && !out.endsWith('\n')) out += '\n';
        n.childNodes.forEach((c, i) => walk(c, i === 0));
      }
    }
  };
  root.childNodes.forEach((c, i) => walk(c, i === 0));
  return out.replace(/\u00a0/g, ' ');
}

/** A chip shows its figure as it will print now; called again when the figures refresh. */
function paint(span: HTMLElement, info: ChipInfo): void {
  span.className = info.value ? 'cp-chip' : 'cp-chip cp-chip-empty';
  span.title = `${info.label}: ${info.value || 'chưa có số liệu'}`;
  span.setAttribute('aria-label', span.title);
  span.textContent = info.value || `[${info.label}]`;
}

function build(root: HTMLElement, text: string, chip: (key: string) => ChipInfo): void {
  root.replaceChildren();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    let last = 0;
    for (const m of line.matchAll(TOKEN)) {
      if (m.index! > last) root.append(document.createTextNode(line.slice(last, m.index)));
      const span = document.createElement('span');
      span.contentEditable = 'false';
      span.dataset.key = m[1]!;
      paint(span, chip(m[1]!));
      root.append(span);
      last = m.index! + m[0].length;
    }
    if (last < line.length) root.append(document.createTextNode(line.slice(last)));
    if (i < lines.length - 1) root.append(document.createElement('br'));
  });
}

export function ChipEditor({
  value,
  onChange,
  chip,
  label,
  name,
}: {
  value: string;
  onChange: (text: string) => void;
  chip: (key: string) => ChipInfo;
  label: string;
  name: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | null>(null);
  useEffect(() => {
    // Rebuilt only when the text changes from outside (loaded, refreshed), never while typing.
    if (ref.current && value !== emitted.current) {
      build(ref.current, value, chip);
      emitted.current = value;
    } else if (ref.current) {
      // Same words, new figures (the draft was refreshed): the chips are repainted in place, so
      // an unchanged section never shows the old figures while its preview shows the new ones.
      for (const span of ref.current.querySelectorAll<HTMLElement>('span[data-key]'))
        paint(span, chip(span.dataset.key!));
    }
  }, [value, chip]);
  return (
    <div
      ref={ref}
      className="cp-chip-editor"
      contentEditable
      suppressContentEditableWarning
      role="textbox"
      aria-multiline="true"
      aria-label={label}
      data-name={name}
      data-value={value}
      onInput={() => {
        const text = serialize(ref.current!);
        emitted.current = text;
        onChange(text);
      }}
      onPaste={(e) => {
        // Plain text only: no formatting or markup from Word or a web page comes in.
        e.preventDefault();
        document.execCommand('insertText', false, e.clipboardData.getData('text/plain'));
      }}
    />
  );
}

const SUFFIX: Record<string, string> = {
  prev: 'cùng kỳ năm trước',
  delta: 'so với cùng kỳ',
  cmp: 'so với cùng kỳ (trong ngoặc)',
  reported: 'số đơn vị đã báo cáo',
  expected: 'số đơn vị phải báo cáo',
  missing: 'số đơn vị chưa báo cáo',
  missingClause: 'đơn vị chưa báo cáo nội dung này',
  yes: 'số đơn vị trả lời “có”',
  num: 'tử số',
  den: 'mẫu số',
  target: 'đánh giá chỉ tiêu',
};

const GENERAL: Record<string, string> = {
  period: 'Kỳ báo cáo',
  plan: 'Văn bản chỉ đạo',
  'units.expected': 'Số đơn vị phải báo cáo',
  'units.reported': 'Số đơn vị đã gửi',
  'units.onTime': 'Số đơn vị gửi đúng hạn',
  'units.late': 'Số đơn vị nộp muộn',
  'units.missing': 'Số đơn vị chưa gửi',
  'units.lateList': 'Danh sách nộp muộn',
  'units.missingList': 'Danh sách chưa gửi',
  'units.missingClause': 'Câu nêu đơn vị chưa gửi',
  'units.lateClause': 'Câu nêu đơn vị nộp muộn',
};

/** A placeholder's Vietnamese label, from the indicators' names. */
export function chipLabel(key: string, names: Map<string, string>): string {
  if (GENERAL[key]) return GENERAL[key]!;
  const [code, suffix] = key.split('.');
  const name = names.get(code!) ?? code!;
  return suffix ? `${name} — ${SUFFIX[suffix] ?? suffix}` : name;
}
