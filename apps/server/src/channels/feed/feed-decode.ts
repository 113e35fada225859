// Bytes of a feed → text rss-parser can read. Government feeds are often GBK/GB2312 (which rss-parser cannot
// decode), carry a bare "&" or control characters (which its strict XML parser rejects): research §3.4.
import iconv from 'iconv-lite';

/** GB2312 and GBK are subsets of GB18030; decoding as the superset loses nothing and saves odd characters. */
const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5hkscs',
};

function charsetOfContentType(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function charsetOfDeclaration(bytes: Buffer): string | null {
  // The declaration is ASCII in every encoding a feed may use.
  const head = bytes.subarray(0, 256).toString('latin1');
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** The charset the server or the document declares, if any (a BOM means UTF-8). */
export function declaredCharset(bytes: Buffer, contentType: string | undefined): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const declared = charsetOfContentType(contentType) ?? charsetOfDeclaration(bytes);
  if (!declared) return null;
  const name = ALIASES[declared] ?? declared;
  return iconv.encodingExists(name) ? name : null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Undeclared bytes are UTF-8 by the XML spec; when they are not valid UTF-8, the site meant its local
 * legacy encoding: GB18030 if the text reads cleanly as such (Chinese sites), else Windows-1252.
 */
function undeclared(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const chinese = iconv.decode(bytes, 'gb18030');
    return chinese.includes('\uFFFD') ? iconv.decode(bytes, 'windows-1252') : chinese;
  }
}

export function decodeFeed(bytes: Buffer, contentType: string | undefined): string {
  const charset = declaredCharset(bytes, contentType);
  return charset ? iconv.decode(bytes, charset) : undeclared(bytes);
}

// Control characters XML 1.0 forbids (tab, LF and CR are allowed).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// An "&" that does not start an entity or character reference.
const BARE_AMPERSAND = /&(?!(?:[A-Za-z][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/g;
const CDATA = /(<!\[CDATA\[[\s\S]*?\]\]>)/;

/** Repairs what strict XML parsers reject; CDATA sections are left exactly as they are. */
export function repairXml(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(CONTROL, '')
    .split(CDATA)
    .map((part) => (part.startsWith('<![CDATA[') ? part : part.replace(BARE_AMPERSAND, '&amp;')))
    .join('');
}
