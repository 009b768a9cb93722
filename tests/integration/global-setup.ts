// One folder per run for LibreOffice's user profiles (each test file makes its own inside): two runs
// at once never share a profile, and nothing is left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    officeRunDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-office-run-'));
  project.provide('officeRunDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
