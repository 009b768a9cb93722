import fs from 'node:fs';
import path from 'node:path';

// What the services need from the desktop around them. Electron implements it with native
// dialogs; the test bridge and the CLI implement it with plain folders.

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  /** Asks where to save a file; null when the user cancels. */
  chooseSavePath(defaultName: string, filters: FileFilter[]): Promise<string | null>;
}

/** A platform that saves into one folder without asking (tests, CLI). */
export function folderPlatform(folder: string): Platform {
  return {
    async chooseSavePath(defaultName) {
      fs.mkdirSync(folder, { recursive: true });
      return path.join(folder, defaultName);
    },
  };
}
