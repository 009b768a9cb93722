// Which automatic backups the rotation deletes: the oldest of each automatic kind beyond the number
// kept. One home for the main process (which deletes them) and the screen (which asks first).
import type { BackupItem } from '../model/safety';

/** Automatic copies subject to the rotation; manual and safety copies are never deleted. */
export const ROTATED_BACKUP_REASONS = ['hang-ngay', 'truoc-nang-cap'] as const;

/** The copies a rotation to `keep` removes, given `items` newest first (as backups.list returns them). */
export function rotatedAway(items: readonly BackupItem[], keep: number): BackupItem[] {
  return ROTATED_BACKUP_REASONS.flatMap((reason) => items.filter((i) => i.reason === reason).slice(keep));
}
