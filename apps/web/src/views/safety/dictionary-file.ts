/**
 * The text of an uploaded dictionary file. Files saved by Windows Notepad or exported from Excel in China
 * are often GBK rather than UTF-8, so a file that is not valid UTF-8 is read as GB18030 (a superset of GBK).
 */
export function decodeDictionaryFile(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Lines that hold an entry (not blank, not a # comment), for saying how much a file holds before it is sent. */
export function entryLineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() && !line.trim().startsWith('#')).length;
}
