// The Platform of the desktop app: native dialogs, and the system's programs to open files.
import { dialog, shell, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { Platform } from './platform';
import { AppError } from '../../shared/errors';

export function electronPlatform(getWindow: () => BrowserWindow | null, defaultFolder: () => string): Platform {
  const withWindow = <T>(fn: (win: BrowserWindow | null) => Promise<T>) => fn(getWindow());
  return {
    chooseSavePath: (defaultName, filters) =>
      withWindow(async (win) => {
        const options = {
          title: 'Lưu tệp',
          defaultPath: path.join(defaultFolder(), defaultName),
          filters,
          buttonLabel: 'Lưu',
        };
        const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      }),
    chooseOpenPath: (filters) =>
      withWindow(async (win) => {
        const options = { title: 'Chọn tệp', defaultPath: defaultFolder(), filters, properties: ['openFile' as const] };
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }),
    chooseFolder: () =>
      withWindow(async (win) => {
        const options = {
          title: 'Chọn thư mục',
          defaultPath: defaultFolder(),
          properties: ['openDirectory' as const, 'createDirectory' as const],
          buttonLabel: 'Chọn',
        };
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }),
    async openPath(target) {
      const message = await shell.openPath(target);
      if (message) throw new AppError('OPEN_FAILED', `Không mở được tệp “${path.basename(target)}”: ${message}`);
    },
    async revealPath(target) {
      shell.showItemInFolder(target);
    },
  };
}
