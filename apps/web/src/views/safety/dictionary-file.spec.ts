import { describe, expect, it } from 'vitest';
import { decodeDictionaryFile, entryLineCount } from './dictionary-file';

describe('dictionary files', () => {
  it('reads UTF-8, and GBK as Notepad and Excel save it', () => {
    expect(decodeDictionaryFile(new TextEncoder().encode('机密\t禁止').buffer)).toBe('机密\t禁止');
    const gbk = new Uint8Array([187, 250, 195, 220, 9, 189, 251, 214, 185]);
    expect(decodeDictionaryFile(gbk.buffer)).toBe('机密\t禁止');
  });

  it('counts the lines that hold an entry', () => {
    expect(entryLineCount('# 说明\n机密\t禁止\r\n\n  \n据悉\n')).toBe(2);
  });
});
