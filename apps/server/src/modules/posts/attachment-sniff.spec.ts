import { describe, expect, it } from 'vitest';
import { sniffAttachment } from './attachment-sniff';

const bytes = (...b: number[]) => Buffer.from([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('sniffAttachment', () => {
  it('knows images and documents by their first bytes', () => {
    expect(sniffAttachment(bytes(0xff, 0xd8, 0xff, 0xe0), 'a.bin')).toEqual({
      kind: 'image',
      mime: 'image/jpeg',
    });
    expect(sniffAttachment(Buffer.from('GIF89a......'), 'x.gif')?.mime).toBe('image/gif');
    expect(sniffAttachment(Buffer.from('%PDF-1.7\n'), 'x.pdf')?.kind).toBe('document');
    expect(sniffAttachment(bytes(0x50, 0x4b, 0x03, 0x04), '通报.docx')?.mime).toMatch(/wordprocessingml/);
    expect(sniffAttachment(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), '统计.XLS')?.mime).toBe(
      'application/vnd.ms-excel',
    );
  });

  it('refuses what it does not know, whatever the name says', () => {
    expect(sniffAttachment(Buffer.from('<script>alert(1)</script>'), 'photo.jpg')).toBeNull();
    expect(sniffAttachment(bytes(0x50, 0x4b, 0x03, 0x04), 'archive.zip')).toBeNull();
  });
});
