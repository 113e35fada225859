// 渠道版本 generated from the body: the editor writes once, each target account gets what its channel takes.
import {
  type Channel,
  type PostKind,
  wechatDigestLength,
  weiboLength,
  weiboTextLimit,
} from '@sunlight/contracts';
import { htmlToText } from '../../channels/text';

export interface VariantSource {
  title: string;
  /** Sanitised HTML. */
  body: string;
  kind: PostKind;
  /** Who signs a WeChat article (作者): the post's department. */
  author: string;
  /** The post's uploads, images and documents. */
  attachments: ReadonlyArray<{ id: number; kind: 'image' | 'document' }>;
}

export interface GeneratedVariant {
  title: string;
  text: string;
  digest: string;
  author: string;
  coverId: number | null;
  imageIds: number[];
  attachmentIds: number[];
}

const WEIBO_URL = /(https?:\/\/[^\s\u3000-\u303f\uff00-\uffef<>"']+)/;
const ATTACHMENT_IMG = /<img\b[^>]*\bsrc="\/api\/attachments\/(\d+)\/content"/g;
/** Weibo shows up to nine pictures. */
const WEIBO_MAX_IMAGES = 9;

export function generateVariant(channel: Channel, src: VariantSource): GeneratedVariant {
  const images = imagesOf(src);
  const documents = src.attachments.filter((a) => a.kind === 'document').map((a) => a.id);
  const plain = htmlToText(src.body);
  switch (channel) {
    case 'weibo':
      return {
        title: src.title,
        text: weiboText(src),
        digest: '',
        author: '',
        coverId: null,
        imageIds: images.slice(0, WEIBO_MAX_IMAGES),
        attachmentIds: [],
      };
    case 'wechat':
      return {
        title: src.title,
        text: src.body,
        digest: firstChars(plain, wechatDigestLength),
        author: src.author,
        coverId: images[0] ?? null,
        imageIds: images,
        attachmentIds: [],
      };
    case 'portal':
    case 'feed':
      return {
        title: src.title,
        text: src.body,
        digest: '',
        author: src.author,
        coverId: null,
        imageIds: images,
        attachmentIds: documents,
      };
  }
}

/**
 * 微博正文: 【标题】 and the body's text, links kept as addresses (each counts 10), cut to the platform limit
 * with an ellipsis; a link is never cut in half. A forward's body is its comment and goes alone.
 */
export function weiboText(src: Pick<VariantSource, 'title' | 'body' | 'kind'>): string {
  const body = htmlToText(linksAsText(src.body)).replace(/\n+/g, '\n');
  const full = src.kind === 'original' && src.title.trim() ? `【${src.title.trim()}】${body}` : body;
  return cutToWeiboLimit(full, weiboTextLimit);
}

export function cutToWeiboLimit(text: string, limit: number): string {
  if (weiboLength(text) <= limit) return text;
  let out = '';
  for (const token of text.split(WEIBO_URL)) {
    if (WEIBO_URL.test(token)) {
      if (weiboLength(`${out}${token}…`) > limit) break;
      out += token;
      continue;
    }
    let stop = false;
    for (const ch of token) {
      if (weiboLength(`${out}${ch}…`) > limit) {
        stop = true;
        break;
      }
      out += ch;
    }
    if (stop) break;
  }
  return `${out.trimEnd()}…`;
}

/** `<a href="u">说明</a>` → `说明 u`, so the address survives the tags being stripped. */
function linksAsText(html: string): string {
  return html.replace(
    /<a\b[^>]*\bhref="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi,
    (_, href: string, label: string) => {
      const text = htmlToText(label);
      return text && text !== href ? `${text} ${href} ` : `${href} `;
    },
  );
}

/** Images in body order (those inserted in the text), then the other uploaded images. */
function imagesOf(src: VariantSource): number[] {
  const inBody = [...src.body.matchAll(ATTACHMENT_IMG)].map((m) => Number(m[1]));
  const uploaded = src.attachments.filter((a) => a.kind === 'image').map((a) => a.id);
  return [...new Set([...inBody, ...uploaded])];
}

function firstChars(text: string, n: number): string {
  return [...text.replace(/\s+/g, ' ').trim()].slice(0, n).join('');
}
