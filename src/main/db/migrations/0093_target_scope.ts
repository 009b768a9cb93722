// Migration 93: what each plan target is about — the total, a rate, or each unit ("mỗi đơn vị…",
// judged unit by unit). Frozen in time: never edit. Existing targets: "mỗi"/"từng" in the text
// means each unit, a value in % a rate, anything else the total.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('plan_targets')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('total'))
    .execute();
  const rows = (await db.selectFrom('plan_targets').select(['id', 'text', 'value_unit']).execute()) as {
    id: number;
    text: string;
    value_unit: string;
  }[];
  for (const t of rows) {
    const text = t.text.normalize('NFC').toLocaleLowerCase('vi');
    const scope = /(^|[\s,(])(mỗi|từng)\s/u.test(text) ? 'each_unit' : t.value_unit.trim() === '%' ? 'rate' : 'total';
    if (scope !== 'total') await db.updateTable('plan_targets').set({ scope }).where('id', '=', t.id).execute();
  }
}
