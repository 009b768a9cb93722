import { defineConfig } from 'vitest/config';

/**
 * The service suites that run a second time on PostgreSQL (a throwaway server started by
 * tests/pg/cluster.ts), as Kysely's own tests loop over dialects: every database test of these
 * files opens its data on the server instead of a SQLite file (BCNV_TEST_DATABASE=postgres).
 */
const ON_POSTGRES = [
  'tests/unit/units.test.ts',
  'tests/unit/reporting.test.ts',
  'tests/unit/reporting-periods.test.ts',
  'tests/unit/reporting-board.test.ts',
  'tests/unit/workflow.test.ts',
  'tests/unit/collect.test.ts',
  'tests/unit/collect-bad-input.test.ts',
  'tests/unit/collect-cli.test.ts',
  'tests/unit/compile.test.ts',
  'tests/unit/compile-breaches.test.ts',
  'tests/unit/aggregate-sql.test.ts',
  'tests/unit/workflow-figures.test.ts',
  'tests/unit/reorganise-compare.test.ts',
  'tests/unit/reorganise-window.test.ts',
  'tests/unit/reorganise-scores.test.ts',
  'tests/unit/cli-full-cycle.test.ts',
  'tests/unit/report-conflicts.test.ts',
  'tests/unit/scoring-files.test.ts',
  'tests/unit/scoring.test.ts',
  'tests/unit/scoring-rounds.test.ts',
  'tests/unit/plan-import.test.ts',
  'tests/unit/reorganise.test.ts',
  'tests/unit/reorganise-repoint.test.ts',
  'tests/unit/reorganise-cli.test.ts',
  'tests/unit/documents-model.test.ts',
  'tests/unit/dispatch-agency.test.ts',
  'tests/unit/doc-templates-store.test.ts',
  'tests/unit/reminders.test.ts',
  'tests/unit/holidays.test.ts',
  'tests/unit/unit-import.test.ts',
  'tests/unit/workflow-audit.test.ts',
  'tests/unit/audit-refs.test.ts',
  'tests/unit/shared-office.test.ts',
  'tests/unit/stale-edit.test.ts',
  'tests/unit/paged-units.test.ts',
  'tests/unit/standings-sql.test.ts',
  'tests/unit/board-page.test.ts',
  'tests/unit/migrations-unordered.test.ts',
  'tests/unit/db-copy-mismatch.test.ts',
  'tests/unit/migration-0200.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/postgres*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...ON_POSTGRES, 'tests/unit/postgres*.test.ts'],
          env: { BCNV_TEST_DATABASE: 'postgres' },
          // The server starts once per test file (a few seconds) and each test migrates its own database.
          testTimeout: 0,
          hookTimeout: 0,
        },
      },
    ],
  },
});
