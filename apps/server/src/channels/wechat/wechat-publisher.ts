// 发布: images to permanent material, one draft, freepublish/submit (asynchronous: `pending` with the
// publish_id), then freepublish/get — or, when the answer to a send was lost, a search of the published
// list and the draft box.
import {
  MalformedResponseError,
  OutcomeUnknownError,
  PermanentError,
  RetryableError,
} from '../channel-errors';
import type {
  ChannelAccount,
  OutgoingPublication,
  PublicationLookup,
  PublicationStatus,
  PublishResult,
} from '../channel.interface';
import { filePart } from '../http/body';
import { type Clock } from '../../common/clock';
import { publishedPage } from './wechat-articles';
import { type WechatClient } from './wechat-client';
import { publishOutcome } from './wechat-publish-status';
import { articleExternalId } from './wechat-refs';
import { draftAdded, draftList, imageUrl, mediaUpload, publishState, publishSubmitted } from './wechat-wire';

type Image = NonNullable<OutgoingPublication['images']>[number];

/** Thumb material must be a JPEG of at most 64 KB; anything else goes in as a (permanent) image. */
const THUMB_MAX_BYTES = 64 * 1024;
const CLOCK_SLACK_MS = 2 * 60_000;
/** How long a submitted job may stay out of both the published list and the draft box. */
const PUBLISHING_WINDOW_MS = 15 * 60_000;

export class WechatPublisher {
  constructor(
    private readonly client: WechatClient,
    private readonly clock: Clock,
  ) {}

  async publish(account: ChannelAccount, p: OutgoingPublication): Promise<PublishResult> {
    const [cover, ...inline] = p.images ?? [];
    if (!cover)
      throw new PermanentError({
        code: null,
        message: '微信图文需要封面图 / a WeChat article needs a cover image',
      });
    const draft = await beforeSubmit(() => this.draft(account, p, cover, inline));
    const job = await this.client.call(account, {
      path: '/cgi-bin/freepublish/submit',
      body: { kind: 'json', value: { media_id: draft.media_id } },
      schema: publishSubmitted,
      write: true,
    });
    return { state: 'pending', externalId: job.publish_id };
  }

  /** The images and the draft: nothing anyone can read yet. */
  private async draft(account: ChannelAccount, p: OutgoingPublication, cover: Image, inline: Image[]) {
    const thumb = await this.upload(account, cover);
    // Article bodies drop outside images: the rest go through uploadimg and into the body.
    let content = p.body;
    for (const img of inline) content += `<p><img src="${await this.inlineImage(account, img)}"></p>`;
    return this.client.call(account, {
      path: '/cgi-bin/draft/add',
      body: {
        kind: 'json',
        value: {
          articles: [
            {
              article_type: 'news',
              title: p.title,
              author: p.author ?? '',
              digest: p.digest ?? '',
              content,
              thumb_media_id: thumb,
              need_open_comment: 1,
              only_fans_can_comment: 0,
            },
          ],
        },
      },
      schema: draftAdded,
      write: true,
    });
  }

  async status(account: ChannelAccount, lookup: PublicationLookup): Promise<PublicationStatus> {
    if (lookup.externalId && /^\d+$/.test(lookup.externalId)) return this.job(account, lookup.externalId);
    return this.search(account, lookup);
  }

  private async job(account: ChannelAccount, publishId: string): Promise<PublicationStatus> {
    try {
      const s = await this.client.call(account, {
        path: '/cgi-bin/freepublish/get',
        body: { kind: 'json', value: { publish_id: publishId } },
        schema: publishState,
        write: false,
      });
      return publishOutcome(s, this.clock.now());
    } catch (e) {
      // 53502: no such publish_id.
      if (e instanceof PermanentError && e.fault.code === '53502') return { state: 'absent' };
      throw e;
    }
  }

  /** A send whose answer was lost: in the published list, still a draft (never submitted), or in between. */
  private async search(account: ChannelAccount, lookup: PublicationLookup): Promise<PublicationStatus> {
    const after = lookup.notBefore.getTime() - CLOCK_SLACK_MS;
    const page = await publishedPage(this.client, account, 0, false);
    for (const m of page.item) {
      if (m.update_time * 1000 < after) continue;
      const i = m.content.news_item.findIndex((a) => a.title === lookup.title && !a.is_deleted);
      const item = m.content.news_item[i];
      if (item) {
        return {
          state: 'published',
          externalId: articleExternalId(m.article_id, i + 1, item.url),
          url: item.url || null,
          publishedAt: new Date(m.update_time * 1000),
        };
      }
    }
    const drafts = await this.client.call(account, {
      path: '/cgi-bin/draft/batchget',
      body: { kind: 'json', value: { offset: 0, count: 20, no_content: 1 } },
      schema: draftList,
      write: false,
    });
    const drafted = drafts.item.some(
      (d) => d.update_time * 1000 >= after && d.content.news_item.some((a) => a.title === lookup.title),
    );
    // Still in the draft box: submit never took. A new send makes a new draft, which is harmless.
    if (drafted) return { state: 'absent' };
    const sentAt = lookup.sentAt ?? lookup.notBefore;
    if (this.clock.now().getTime() - sentAt.getTime() < PUBLISHING_WINDOW_MS) {
      throw new RetryableError({
        code: null,
        message: '发布任务可能仍在处理中，稍后再查 / the publish job may still be running: ask again later',
      });
    }
    return { state: 'absent' };
  }

  private async upload(account: ChannelAccount, img: Image): Promise<string> {
    const thumb = img.contentType === 'image/jpeg' && img.data.length <= THUMB_MAX_BYTES;
    const r = await this.client.call(account, {
      path: '/cgi-bin/material/add_material',
      query: { type: thumb ? 'thumb' : 'image' },
      body: { kind: 'multipart', form: mediaForm(img) },
      schema: mediaUpload,
      write: true,
    });
    return r.media_id;
  }

  private async inlineImage(account: ChannelAccount, img: Image): Promise<string> {
    const r = await this.client.call(account, {
      path: '/cgi-bin/media/uploadimg',
      body: { kind: 'multipart', form: mediaForm(img) },
      schema: imageUrl,
      write: true,
    });
    return r.url;
  }
}

/**
 * Before the submit nothing is published: an answer lost there leaves at most a stray image or draft, and a
 * new send makes new ones. So it is worth another try, not a search of what went out.
 */
async function beforeSubmit<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof OutcomeUnknownError || e instanceof MalformedResponseError)
      throw new RetryableError(e.fault, { cause: e });
    throw e;
  }
}

function mediaForm(img: Image): FormData {
  const form = new FormData();
  form.append('media', filePart(img.data, img.contentType), img.fileName);
  return form;
}
