import { Injectable } from '@nestjs/common';
import { type Classification, type GateResult, type PostGate } from '@sunlight/contracts';
import { htmlToText } from '../../channels/text';
import { type PostVariantEntity } from '../../database/entities';
import { SafetyGate } from '../safety/safety-gate.service';

/** One piece of text the gate reads (the safety module's GateInput), with its label for people. */
export interface PostGateField {
  name: string;
  text: string;
  html?: string;
  label: string;
}

export interface GatedPost {
  title: string;
  body: string;
  classification: Classification;
}

const channelNames: Record<string, string> = {
  weibo: '微博',
  wechat: '微信',
  portal: '网站',
  feed: '订阅源',
};

/**
 * The content-safety gate as the workflow calls it: on submit, on every approval, and before a scheduled
 * publication is queued or moved. It reads the title, the body, image alt texts and every channel variant.
 */
@Injectable()
export class PostGateService {
  constructor(private readonly safety: SafetyGate) {}

  async check(post: GatedPost, variants: readonly PostVariantEntity[]): Promise<GateResult> {
    return this.scan(gateFields(post, variants), post.classification);
  }

  /** The result with the fields' 中文 names, for the composer's and the reviewer's hit lists. */
  async report(post: GatedPost, variants: readonly PostVariantEntity[]): Promise<PostGate> {
    const fields = gateFields(post, variants);
    return {
      result: await this.scan(fields, post.classification),
      fields: fields.map(({ name, label, text }) => ({ name, label, text })),
    };
  }

  /** The one call of the safety module's gate (modules/safety): dictionaries, links, classification. */
  private scan(fields: readonly PostGateField[], classification: Classification): Promise<GateResult> {
    return this.safety.check(
      fields.map(({ name, text, html }) => (html === undefined ? { name, text } : { name, text, html })),
      classification,
    );
  }
}

export function gateFields(post: GatedPost, variants: readonly PostVariantEntity[]): PostGateField[] {
  const fields: PostGateField[] = [
    { name: 'title', label: '标题', text: post.title },
    { name: 'body', label: '正文', text: htmlToText(post.body), html: post.body },
  ];
  const alts = [...post.body.matchAll(/<img\b[^>]*\balt="([^"]*)"/g)].map((m) => m[1]!).filter(Boolean);
  if (alts.length) fields.push({ name: 'alt', label: '图片说明', text: alts.join('\n') });
  for (const v of variants) {
    const name = `${channelNames[v.channel] ?? v.channel}「${v.account?.name ?? v.accountId}」`;
    const html = v.channel === 'weibo' ? undefined : v.text;
    fields.push({ name: `variant:${v.accountId}:title`, label: `${name}标题`, text: v.title });
    fields.push({
      name: `variant:${v.accountId}:text`,
      label: `${name}正文`,
      text: html === undefined ? v.text : htmlToText(html),
      ...(html === undefined ? {} : { html }),
    });
    if (v.digest)
      fields.push({ name: `variant:${v.accountId}:digest`, label: `${name}摘要`, text: v.digest });
  }
  return fields.filter((f) => f.text.trim() !== '');
}
