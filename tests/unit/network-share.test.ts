// A SQLite data file on a network share is refused, with the shared-database option explained.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { networkShareOf, refuseNetworkShare } from '../../src/main/platform/network-share';
import { freshCore, tempDir } from './helpers';

describe('a data file on a network share', () => {
  it('is recognised by its UNC path or its file system', () => {
    expect(networkShareOf('\\\\may-chu\\chung\\du-lieu.db')).toMatch(/mạng/);
    expect(networkShareOf('//may-chu/chung/du-lieu.db')).toMatch(/mạng/);
    expect(networkShareOf('/mnt/chung/du-lieu.db', () => 0xff534d42)).toBe('ổ mạng CIFS');
    expect(networkShareOf('/mnt/chung/du-lieu.db', () => 0x6969)).toBe('ổ mạng NFS');
    expect(networkShareOf('/home/a/du-lieu.db', () => 0xef53)).toBeNull();
    expect(networkShareOf(path.join(tempDir(), 'du-lieu.db'))).toBeNull();
  });

  it('is refused in Vietnamese, pointing to PostgreSQL', async () => {
    expect(() => refuseNetworkShare('/mnt/chung/du-lieu.db', () => 0x517b)).toThrow(
      /nằm trên ổ mạng SMB\. SQLite không khóa được tệp qua mạng.*PostgreSQL/,
    );
    // a local file opens as always
    const core = await freshCore();
    await core.close();
  });
});
