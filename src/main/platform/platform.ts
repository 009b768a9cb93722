import fs from 'node:fs';
import path from 'node:path';

// What the services need from the desktop around them. Electron implements it with native
// dialogs; the test bridge and the CLI implement it with plain folders. The renderer never
// names a path: every path comes from here.

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  /** Asks where to save a file; null when the user cancels. */
  chooseSavePath(defaultName: string, filters: FileFilter[]): Promise<string | null>;
  /** Asks for one existing file to open; null when the user cancels. */
  chooseOpenPath(filters: FileFilter[]): Promise<string | null>;
  /** Asks for a folder to write several files into; null when the user cancels. */
  chooseFolder(): Promise<string | null>;
  /** Opens a file the app wrote or keeps, with the system's program for it. */
  openPath(target: string): Promise<void>;
  /** Shows a file the app wrote in its folder (the file selected); without it, the folder is opened. */
  revealPath?(target: string): Promise<void>;
}

export interface FolderPlatformOptions {
  /** What chooseOpenPath answers (tests set it before each open). */
  nextOpenPath?: () => string | null;
  /** Records what openPath was asked to open. */
  opened?: string[];
}

/** A platform that saves into one folder without asking (tests, CLI). */
export function folderPlatform(folder: string, options: FolderPlatformOptions = {}): Platform {
  return {
    async chooseSavePath(defaultName) {
      fs.mkdirSync(folder, { recursive: true });
      return path.join(folder, defaultName);
    },
    async chooseOpenPath() {
      return options.nextOpenPath ? options.nextOpenPath() : null;
    },
    async chooseFolder() {
      fs.mkdirSync(folder, { recursive: true });
      return folder;
    },
    async openPath(target) {
      options.opened?.push(target);
    },
    async revealPath(target) {
      options.opened?.push(target);
    },
  };
}

/** The CLI's platform: saves to the path given on the command line, opens nothing. */
export function fixedPathPlatform(target: string): Platform {
  return {
    chooseSavePath: async () => path.resolve(target),
    chooseOpenPath: async () => null,
    chooseFolder: async () => path.resolve(target),
    openPath: async () => {},
  };
}
