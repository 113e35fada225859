import { type AttachmentKind, attachmentRules } from '@sunlight/contracts';

export interface Sniffed {
  kind: AttachmentKind;
  mime: string;
}

const startsWith = (b: Buffer, sig: readonly number[]) => sig.every((v, i) => b[i] === v);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The file's type from its own first bytes, never from what the browser claims: a script renamed .jpg is
 * refused. Office files share two containers (OLE for .doc/.xls, ZIP for .docx/.xlsx), so within a
 * container the extension tells Word from Excel.
 */
export function sniffAttachment(bytes: Buffer, fileName: string): Sniffed | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const [jpeg, png, gif] = attachmentRules.image.mimes;
  const [pdf, doc, docx, xls, xlsx] = attachmentRules.document.mimes;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: jpeg! };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', mime: png! };
  if (
    bytes
      .subarray(0, 6)
      .toString('latin1')
      .match(/^GIF8[79]a$/)
  )
    return { kind: 'image', mime: gif! };
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'document', mime: pdf! };
  if (startsWith(bytes, OLE)) {
    if (ext === 'doc') return { kind: 'document', mime: doc! };
    if (ext === 'xls') return { kind: 'document', mime: xls! };
  }
  if (startsWith(bytes, ZIP)) {
    if (ext === 'docx') return { kind: 'document', mime: docx! };
    if (ext === 'xlsx') return { kind: 'document', mime: xlsx! };
  }
  return null;
}
