import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvCell, downloadCsv, toCsv } from './csv';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('CSV for Excel', () => {
  it('starts with a byte-order mark so Excel reads the Chinese as UTF-8, and ends rows with CRLF', () => {
    const text = toCsv(['单位', '发布数'], [['东城分局', 1234]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('单位,发布数\r\n东城分局,1234\r\n');
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes commas, quotes and line breaks, doubling the quotes inside', () => {
    expect(csvCell('平安东城，警务, 动态')).toBe('"平安东城，警务, 动态"');
    expect(csvCell('他说"你好"')).toBe('"他说""你好"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('普通文本')).toBe('普通文本');
  });

  it('leaves empty what has no value and writes numbers as they are', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.425)).toBe('0.425');
  });

  it('keeps a title that starts like a formula from running when the file is opened', () => {
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe('"\'=HYPERLINK(""http://evil.example"")"');
    expect(csvCell('+86 110')).toBe("'+86 110");
    expect(csvCell('@所有人')).toBe("'@所有人");
    expect(csvCell('-5 度')).toBe("'-5 度");
  });

  it('downloads the file under the name given, as UTF-8 text/csv', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:csv';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    downloadCsv('部门排名.csv', ['单位'], [['西城分局']]);
    expect(clicked).toEqual([{ href: 'blob:csv', download: '部门排名.csv' }]);
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFF单位\r\n西城分局\r\n');
    expect(document.querySelector('a')).toBeNull();
  });
});
