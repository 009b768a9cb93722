// Checks through other programs (LibreOffice, python-docx, openpyxl, pdftotext, qpdf): slower, and
// they need the Debian tools, so they run as their own step (npm run test:integration).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/integration/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
