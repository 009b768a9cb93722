// Migration 4: directing documents (plans) with tasks and targets, versioned report templates,
// reporting periods and their expected units. Frozen in time: never edit.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('symbol', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issued_date', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    // JSON array of {periodType, monthDay}: the deadlines the plan sets for units' reports.
    .addColumn('deadlines', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_tasks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .execute();
  await db.schema.createIndex('plan_tasks_plan').on('plan_tasks').column('plan_id').execute();

  await db.schema
    .createTable('plan_task_units')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('lead', 'support')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_task_units_task').on('plan_task_units').column('task_id').execute();

  await db.schema
    .createTable('plan_targets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('comparator', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('value_unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('plan_targets_plan').on('plan_targets').column('plan_id').execute();

  await db.schema
    .createTable('templates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('based_on_id', 'integer', (c) => c.references('templates.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('templates_code_version', ['code', 'version'])
    .execute();

  await db.schema
    .createTable('template_sections')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('template_id', 'integer', (c) => c.notNull().references('templates.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('hint', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('has_text', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('template_sections_number', ['template_id', 'number'])
    .execute();

  await db.schema
    .createTable('template_indicators')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('template_id', 'integer', (c) => c.notNull().references('templates.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type IN ('count', 'amount', 'percent', 'yesno', 'text')`))
    .addColumn('rule', 'text', (c) => c.notNull().check(sql`rule IN ('SUM', 'RATE', 'SHARE', 'NONE', 'TEXT')`))
    .addColumn('numerator', 'text')
    .addColumn('denominator', 'text')
    .addColumn('accumulation', 'text', (c) => c.notNull().defaultTo('period'))
    .addColumn('grp', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('template_indicators_code', ['template_id', 'code'])
    .execute();

  await db.schema
    .createTable('template_rules')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('template_id', 'integer', (c) => c.notNull().references('templates.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('expression', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('periods')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type IN ('month', 'quarter', 'half', 'nine_months', 'year', 'ad_hoc')`),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer')
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('template_id', 'integer', (c) => c.notNull().references('templates.id'))
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id'))
    .addColumn('expected_mode', 'text', (c) => c.notNull().check(sql`expected_mode IN ('kinds', 'list')`))
    .addColumn('expected_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('periods_deadline').on('periods').column('deadline').execute();

  await db.schema
    .createTable('period_units')
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('period_units_pk', ['period_id', 'unit_id'])
    .execute();

  // Built-in data installed once (for example the default template): never re-added after the
  // user deletes it.
  await db.schema
    .createTable('installed_resources')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('installed_at', 'text', (c) => c.notNull())
    .execute();
}
