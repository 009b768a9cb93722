// Saving an export: the platform picks the place (a dialog in the app), we write atomically.
import type { FileFilter, Platform } from './platform';
import { writeFileAtomic } from './files';

export async function saveExport(
  platform: Platform,
  defaultName: string,
  filters: FileFilter[],
  data: Uint8Array,
): Promise<{ saved: boolean; path: string | null }> {
  const target = await platform.chooseSavePath(defaultName, filters);
  if (!target) return { saved: false, path: null };
  writeFileAtomic(target, data);
  return { saved: true, path: target };
}
