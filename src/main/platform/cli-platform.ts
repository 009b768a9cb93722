// The command line's answers to the questions the app asks in a dialog: `--open FILE` answers
// "which file?" (in order, one per question), `--save FILE|FOLDER` answers "where to save?" and
// "which folder?". A question with no answer left is an error naming the flag, never a silent
// default: a script must not write somewhere it did not say.
import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from './platform';
import { AppError } from '../../shared/errors';

export interface CliAnswers {
  /** Files for "open" dialogs, used in order. */
  open: string[];
  /** Files or folders for "save" and "choose folder" dialogs, used in order. */
  save: string[];
}

export interface CliPlatform extends Platform {
  /** Answers not used by the call (a script's mistake worth a warning). */
  unused(): { open: string[]; save: string[] };
  /** What the app asked the system to open (the command line opens nothing and says so). */
  opened: string[];
}

const isFolder = (p: string) => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

export function cliPlatform(answers: CliAnswers): CliPlatform {
  const open = answers.open.map((f) => path.resolve(f));
  const save = answers.save.map((f) => path.resolve(f));
  const opened: string[] = [];
  return {
    opened,
    unused: () => ({ open: [...open], save: [...save] }),
    async chooseOpenPath() {
      const next = open.shift();
      if (next === undefined)
        throw new AppError('CLI_NEEDS_FILE', 'Chức năng này cần chọn một tệp để mở: thêm --open TỆP vào dòng lệnh.');
      if (!fs.existsSync(next))
        throw new AppError('NOT_FOUND', `Không có tệp “${next}” (--open).`, { file: path.basename(next) });
      return next;
    },
    /** A folder given with --save receives the file under the name the app proposes. */
    async chooseSavePath(defaultName) {
      const next = save.shift();
      if (next === undefined)
        throw new AppError(
          'CLI_NEEDS_TARGET',
          `Chức năng này ghi tệp “${defaultName}”: thêm --save TỆP (hoặc --save THƯ_MỤC) vào dòng lệnh.`,
        );
      if (isFolder(next)) return path.join(next, defaultName);
      if (!isFolder(path.dirname(next)))
        throw new AppError('NOT_FOUND', `Không có thư mục “${path.dirname(next)}” để ghi tệp (--save).`);
      return next;
    },
    async chooseFolder() {
      const next = save.shift();
      if (next === undefined)
        throw new AppError('CLI_NEEDS_TARGET', 'Chức năng này ghi vào một thư mục: thêm --save THƯ_MỤC vào dòng lệnh.');
      fs.mkdirSync(next, { recursive: true });
      return next;
    },
    /** Refused, so that no result claims a file was opened: the message names where it is. */
    async openPath(target) {
      opened.push(target);
      throw new AppError('CLI_NO_OPEN', `Dòng lệnh không mở tệp bằng chương trình khác; tệp ở: ${target}.`);
    },
  };
}
