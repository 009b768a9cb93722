// The Platform of the desktop app: native save dialogs.
import { dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { Platform } from './platform';

export function electronPlatform(getWindow: () => BrowserWindow | null, defaultFolder: () => string): Platform {
  return {
    async chooseSavePath(defaultName, filters) {
      const win = getWindow();
      const options = { title: 'Lưu tệp', defaultPath: path.join(defaultFolder(), defaultName), filters, buttonLabel: 'Lưu' };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
