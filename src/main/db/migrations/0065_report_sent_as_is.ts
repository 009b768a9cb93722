// Migration 65: the consolidated report is sent as it is.
// - compile settings: how many grouped points per section, and whether the units' full words
//   go to an annex;
// - compile_registrations: the exact file registered under a number, kept in the data folder,
//   so the email attaches that file byte for byte;
// - each piece of text asked once: a text indicator that repeats a narrative section of the same
//   template ("Ưu điểm" as TX01 and as section III.1) is folded into the section. The values the
//   units typed move to the section (appended when both were filled, with a revision recording
//   it), then the indicator goes. Frozen: never edit.
import { sql, type Kysely } from 'kysely';

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');

/** "phuong huong" repeats "phuong huong nhiem vu ky toi": one is the other's start, at a word boundary. */
function repeats(indicatorName: string, sectionTitle: string): boolean {
  const a = fold(indicatorName);
  const b = fold(sectionTitle);
  if (!a || !b) return false;
  return a === b || b.startsWith(`${a} `) || a.startsWith(`${b} `);
}

interface SectionRow {
  number: string;
  title: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('compile_settings')
    .addColumn('max_points', 'integer', (c) => c.notNull().defaultTo(5))
    .execute();
  await db.schema
    .alterTable('compile_settings')
    .addColumn('unit_text_annex', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('compile_registrations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('window_key', 'text', (c) => c.notNull())
    .addColumn('register_id', 'integer', (c) => c.notNull().references('document_register.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    // Relative to the data folder: the copy the app keeps, never the user's own file.
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('compile_registrations_window')
    .on('compile_registrations')
    .column('window_key')
    .execute();

  const now = new Date().toISOString();
  const templates = await db.selectFrom('templates').select('id').execute();
  for (const t of templates as { id: number }[]) {
    const sections = (await db
      .selectFrom('template_sections')
      .select(['number', 'title'])
      .where('template_id', '=', t.id)
      .where('has_text', '=', 1)
      .execute()) as SectionRow[];
    const texts = (await db
      .selectFrom('template_indicators')
      .select(['id', 'code', 'name'])
      .where('template_id', '=', t.id)
      .where('type', '=', 'text')
      .execute()) as { id: number; code: string; name: string }[];
    for (const ind of texts) {
      const section = sections.find((s) => repeats(ind.name, s.title));
      if (!section) continue;
      const key = `muc:${section.number}`;
      const reports = (await db
        .selectFrom('reports as r')
        .innerJoin('periods as p', 'p.id', 'r.period_id')
        .innerJoin('report_values as v', 'v.report_id', 'r.id')
        .select(['r.id as reportId', 'v.text_value as text'])
        .where('p.template_id', '=', t.id)
        .where('v.field_key', '=', ind.code)
        .execute()) as { reportId: number; text: string | null }[];
      for (const r of reports) {
        const moved = (r.text ?? '').trim();
        const existing = (await db
          .selectFrom('report_values')
          .select('text_value')
          .where('report_id', '=', r.reportId)
          .where('field_key', '=', key)
          .executeTakeFirst()) as { text_value: string | null } | undefined;
        const before = existing?.text_value ?? null;
        const had = (before ?? '').trim();
        const after = !moved || had === moved || had.includes(moved) ? before : had ? `${had}\n${moved}` : moved;
        const last = (await db
          .selectFrom('report_revisions')
          .select(sql<number>`COALESCE(MAX(number), 0)`.as('n'))
          .where('report_id', '=', r.reportId)
          .executeTakeFirst()) as { n: number };
        const rev = await db
          .insertInto('report_revisions')
          .values({
            report_id: r.reportId,
            number: last.n + 1,
            actor: 'nâng cấp dữ liệu',
            at: now,
            note: `"${ind.name}" (${ind.code}) gộp vào mục ${section.number} "${section.title}" của mẫu: mỗi nội dung chỉ hỏi một lần.`,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const changes: {
          revision_id: number;
          field_key: string;
          old_value: string | null;
          new_value: string | null;
        }[] = [{ revision_id: rev.id, field_key: ind.code, old_value: r.text, new_value: null }];
        if (after !== before)
          changes.push({ revision_id: rev.id, field_key: key, old_value: before, new_value: after });
        await db.insertInto('report_value_changes').values(changes).execute();
        if (after !== before) {
          if (existing)
            await db
              .updateTable('report_values')
              .set({ text_value: after })
              .where('report_id', '=', r.reportId)
              .where('field_key', '=', key)
              .execute();
          else
            await db
              .insertInto('report_values')
              .values({ report_id: r.reportId, field_key: key, text_value: after })
              .execute();
        }
        await db
          .deleteFrom('report_values')
          .where('report_id', '=', r.reportId)
          .where('field_key', '=', ind.code)
          .execute();
      }
      await db.deleteFrom('template_indicators').where('id', '=', ind.id).execute();
    }
  }
}
