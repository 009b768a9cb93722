// The rotation rule the main process deletes by and Cài đặt → Sao lưu asks about (shared, one home).
import { describe, expect, it } from 'vitest';
import { rotatedAway } from '../../src/shared/domain/backup-rotation';
import type { BackupItem } from '../../src/shared/model/safety';

const item = (name: string, reason: string): BackupItem => ({ name, reason, size: 1, createdAt: '' });

describe('rotatedAway', () => {
  // newest first, as backups.list gives them
  const items = [
    item('d4', 'hang-ngay'),
    item('m2', 'thu-cong'),
    item('d3', 'hang-ngay'),
    item('u2', 'truoc-nang-cap'),
    item('s1', 'truoc-khoi-phuc'),
    item('d2', 'hang-ngay'),
    item('u1', 'truoc-nang-cap'),
    item('d1', 'hang-ngay'),
    item('m1', 'thu-cong'),
  ];

  it('keeps the newest of each automatic kind and names the older ones', () => {
    expect(rotatedAway(items, 2).map((i) => i.name)).toEqual(['d2', 'd1']);
    expect(rotatedAway(items, 1).map((i) => i.name)).toEqual(['d3', 'd2', 'd1', 'u1']);
  });

  it('never names a manual copy or a safety copy, and nothing when keeping more than there are', () => {
    const away = rotatedAway(items, 0).map((i) => i.name);
    expect(away).toEqual(['d4', 'd3', 'd2', 'd1', 'u2', 'u1']);
    expect(rotatedAway(items, 4)).toEqual([]);
    expect(rotatedAway([], 1)).toEqual([]);
  });
});
