// A file the user picked, as the contract takes it: the renderer never touches the file system,
// it hands the bytes and the name to the main process, which checks both.
export async function fileBytes(file: File): Promise<{ fileName: string; data: Uint8Array<ArrayBuffer> }> {
  return { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}
