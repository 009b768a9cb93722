// Where the app keeps its data when no --db is given: the same folder Electron's
// app.getPath('userData') gives for the product name, so the CLI and the app agree.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Báo cáo Nội vụ';

export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** The one SQLite file of the app, in its user-data folder. */
export const DB_FILE_NAME = 'bao-cao-noi-vu.db';

export const defaultDbPath = () => path.join(defaultUserDataDir(), DB_FILE_NAME);
