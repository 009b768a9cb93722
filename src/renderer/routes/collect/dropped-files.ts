// Files dropped as a folder: the renderer gets the files themselves through the drop, never a path.
const SPREADSHEET = /\.(xlsx|xlsm|xls)$/i;

/** Spreadsheets and Excel's "~$" lock files (read so that the review can say why they are skipped). */
export const isSpreadsheetName = (name: string): boolean => SPREADSHEET.test(name) || name.startsWith('~$');

/** Every file of a dropped folder (the renderer gets the files, never a path). */
export async function filesOfEntry(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile)
    return [await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))];
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const out: File[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const e of batch) out.push(...(e.isDirectory || isSpreadsheetName(e.name) ? await filesOfEntry(e) : []));
  }
  return out;
}

/** The files of a drop: every spreadsheet in the dropped folders, or the dropped files. */
export async function droppedFiles(e: { dataTransfer: DataTransfer }): Promise<{ files: File[]; fromFolder: boolean }> {
  const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.() ?? null);
  if (!entries.some((x) => x?.isDirectory)) return { files: [...e.dataTransfer.files], fromFolder: false };
  const all: File[] = [];
  for (const entry of entries) if (entry) all.push(...(await filesOfEntry(entry)));
  return { files: all, fromFolder: true };
}
