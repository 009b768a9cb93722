// A saved plan back into the official-format document model: its stored text is read again for
// the legal bases, the heading tree, the recipients and the signer.
import type { DocumentModelInput } from '../../../shared/contract/document-model';
import type { Agency } from '../../../shared/model/agency';
import { AUTHORITY_PREFIXES, type AuthorityPrefix } from '../../../shared/model/agency';
import { DOCUMENT_TYPE_NAMES, type DocumentTypeName } from '../../../shared/model/document';
import { PLAN_TYPE_LABELS, type Plan } from '../../../shared/model/plan';
import type { ProposedSection } from '../../../shared/model/plan-import';
import { parsePlanText } from './reader/parse';

type Block = DocumentModelInput['body'][number];
const upper = (s: string) => s.toLocaleUpperCase('vi');

function sectionBlocks(n: ProposedSection): Block[] {
  const paragraphs = (t: string): Block[] =>
    t
      .split('\n')
      .filter(Boolean)
      .map((p) => ({ kind: 'paragraph', text: p }));
  if (n.level === 4) return [];
  const level = Math.min(n.level, 3) as 1 | 2 | 3;
  // a long numbered paragraph stays a paragraph, its number in front
  const head: Block =
    n.title.length > 300
      ? { kind: 'paragraph', text: `${n.label}${level === 3 ? ')' : '.'} ${n.title}.` }
      : { kind: 'heading', level, number: n.label, title: level === 1 ? upper(n.title) : n.title };
  const out: Block[] = [head, ...paragraphs(n.text)];
  const dashes = n.children.filter((c) => c.level === 4);
  if (dashes.length) out.push({ kind: 'list', items: dashes.map((d) => d.title) });
  for (const c of n.children) out.push(...sectionBlocks(c));
  return out;
}

export function planDocumentModel(plan: Plan, agency: Agency, today: string): DocumentModelInput {
  const p = parsePlanText(plan.body);
  const label = PLAN_TYPE_LABELS[plan.type];
  const type: DocumentTypeName = (DOCUMENT_TYPE_NAMES as readonly string[]).includes(p.type.value ?? '')
    ? (p.type.value as DocumentTypeName)
    : (DOCUMENT_TYPE_NAMES as readonly string[]).includes(label)
      ? (label as DocumentTypeName)
      : 'Kế hoạch';
  const number = /^\d{1,6}$/.test(plan.number) ? Number(plan.number) : null;
  const symbol = (plan.symbol || 'KH').replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '');
  const body: Block[] = [];
  for (const b of p.legalBases) body.push({ kind: 'basis', text: b.text });
  for (const s of p.sections) body.push(...sectionBlocks(s));
  if (body.length === 0)
    for (const line of plan.body.split('\n').filter(Boolean)) body.push({ kind: 'paragraph', text: line });

  const signerLine = p.signer?.authority[0] ?? '';
  const prefix = (AUTHORITY_PREFIXES.find((a) => a && signerLine.startsWith(a)) ?? '') as AuthorityPrefix;
  const fallback = agency.signers.find((s) => s.isDefault) ?? agency.signers[0];
  const signature = p.signer?.title
    ? {
        authorityPrefix: prefix,
        authorityLine: upper(signerLine.slice(prefix.length).trim()),
        title: upper(p.signer.title),
        fullName: p.signer.name,
      }
    : {
        authorityPrefix: fallback?.authorityPrefix ?? '',
        authorityLine: fallback?.authorityLine ?? '',
        title: fallback?.title ?? 'CHỦ TỊCH',
        fullName: plan.signer || p.signer?.name || fallback?.fullName || '(chưa rõ người ký)',
      };
  const kept = p.recipients.filter((r) => !/^Lưu\b/u.test(r.text));
  const store = p.recipients.find((r) => /^Lưu\b/u.test(r.text))?.text ?? '';
  const drafting = /^Lưu\s*:?\s*VT\s*,\s*(.+)$/u.exec(store)?.[1] ?? '';
  return {
    header: {
      parentAgency: upper(p.parentIssuer.value ?? (plan.issuer ? '' : agency.parentName)),
      agency: upper(plan.issuer || agency.name || 'CƠ QUAN BAN HÀNH'),
      number,
      symbol: symbol || 'KH',
      place: p.place.value ?? (agency.place || 'Việt Nam'),
      date: plan.issuedDate ?? today,
    },
    type,
    summary: plan.summary,
    body,
    signature,
    recipients: { entries: kept.map((r) => r.text), draftingUnit: drafting.replace(/[.;]+$/, '') },
  };
}
