/** A link found in a field, with where it stands and what the allow-list is asked about. */
export interface FoundLink {
  start: number;
  end: number;
  /** The link as written (in HTML: the attribute's value as it stands, entities and all). */
  raw: string;
  /** The host to check against the allow-list, or null for a link that can never be allowed. */
  host: string | null;
  /** What the hit names: the host, or the scheme of a link that has none (javascript:). */
  term: string;
}

// Written-out links in plain text: with a scheme, or starting with www. Chinese punctuation ends a link,
// as it does when people read one (访问https://www.gov.cn。).
const TEXT_LINK = /(?:\bhttps?:\/\/|\bftp:\/\/|\bwww\.)[^\s<>"'`，。！？、；：（）【】《》「」『』“”‘’…]+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

// Attributes through which HTML loads or links to something elsewhere.
const URL_ATTRIBUTE =
  /\b(?:href|src|action|formaction|poster|data|background|cite)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
// Links that lead nowhere else: same-site paths and anchors, mail and phone numbers.
const HARMLESS = /^(?:mailto|tel|sms):/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The host of an absolute URL, lower-cased and in its xn-- form; null when it does not parse. */
export function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname;
    return host ? host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Links written out in plain text. */
export function linksInText(text: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const m of text.matchAll(TEXT_LINK)) {
    const raw = m[0].replace(TRAILING, '');
    if (/^(?:https?|ftp):\/\/$/i.test(raw) || /^www\.$/i.test(raw)) continue;
    const host = hostOf(/^www\./i.test(raw) ? `http://${raw}` : raw);
    found.push({ start: m.index, end: m.index + raw.length, raw, host, term: host ?? raw });
  }
  return found;
}

/**
 * Links in the attributes of HTML that load or lead elsewhere. Entities are decoded first, as the browser
 * does, so `http://gov.cn&#64;evil.com` is seen for what it is (a link to evil.com). Relative links,
 * anchors, mail and phone links and inline images are not external; a script or any other scheme is.
 */
export function linksInHtml(html: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const m of html.matchAll(URL_ATTRIBUTE)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? '';
    const start = m.index + m[0].length - raw.length - (m[3] === undefined ? 1 : 0);
    // Browsers drop tabs and line breaks anywhere in a URL and spaces around it (java\tscript: runs).
    const value = decodeEntities(raw)
      .replace(/[\t\n\r]/g, '')
      .trim();
    const link = classify(value, /\bsrc\s*=/i.test(m[0]));
    if (link) found.push({ start, end: start + raw.length, raw, ...link });
  }
  return found;
}

function classify(value: string, isSrc: boolean): Pick<FoundLink, 'host' | 'term'> | undefined {
  if (!value || HARMLESS.test(value)) return undefined;
  if (value.startsWith('//')) return withHost(`http:${value}`);
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined;
  if (scheme === 'http' || scheme === 'https' || scheme === 'ftp') return withHost(value);
  if (scheme === 'data' && isSrc && /^data:image\//i.test(value)) return undefined;
  return { host: null, term: `${scheme}:` };
}

function withHost(url: string): Pick<FoundLink, 'host' | 'term'> {
  const host = hostOf(url);
  return { host, term: host ?? url };
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  sol: '/',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
