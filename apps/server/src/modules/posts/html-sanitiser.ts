import sanitizeHtml from 'sanitize-html';

/**
 * The one allow-list for article HTML (WeChat articles, portal pages): structure, emphasis, links, images,
 * tables and the two styles Chinese official writing needs (text-align, text-indent: 首行缩进两字). Everything
 * else goes: scripts and event handlers, classes, ids, and what Word and WPS paste along (mso-* styles,
 * <o:p>, <xml>, conditional comments, <font>, <span lang>).
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'section',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    '*': ['style'],
  },
  allowedStyles: {
    '*': {
      'text-align': [/^(left|right|center|justify)$/],
      'text-indent': [/^\d+(\.\d+)?(em|px)$/],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Word's <xml>, <style> and <o:p> carry no visible text worth keeping beyond a stray &nbsp;.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'xml', 'title', 'head', 'meta', 'link'],
  transformTags: {
    b: 'strong',
    i: 'em',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};

/** Sanitised article HTML; empty paragraphs Word leaves between blocks are dropped. */
export function sanitiseHtml(html: string): string {
  // <o:p> only ever holds Word's paragraph spacing (&nbsp;); a disallowed tag would keep that text.
  return sanitizeHtml(html.replace(/<o:p>[\s\S]*?<\/o:p>/gi, ''), options)
    .replace(/<p>(?:\s|&nbsp;|\u00a0)*<\/p>/g, '')
    .replace(/<(\w+) style="">/g, '<$1>')
    .trim();
}
