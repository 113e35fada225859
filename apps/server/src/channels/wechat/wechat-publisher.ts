// 发布: images to permanent material, one draft, freepublish/submit (asynchronous: `pending` with the
// publish_id), then freepublish/get — or, when the answer to a send was lost, a search of the published
// list and the draft box.
import { type z } from 'zod';
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
import { PAGE, publishedPage } from './wechat-articles';
import { type WechatCall, type WechatClient } from './wechat-client';
import { publishOutcome } from './wechat-publish-status';
import { articleExternalId } from './wechat-refs';
import {
  draftAdded,
  draftList,
  imageUrl,
  mediaUpload,
  publishState,
  publishSubmitted,
  wechatStatus,
} from './wechat-wire';

type Image = NonNullable<OutgoingPublication['images']>[number];

/** Thumb material must be a JPEG of at most 64 KB; anything else goes in as a (permanent) image. */
const THUMB_MAX_BYTES = 64 * 1024;
const CLOCK_SLACK_MS = 2 * 60_000;
/** How long a submitted job may stay out of both the published list and the draft box, unless configured. */
const PUBLISHING_WINDOW_MS = 15 * 60_000;
/** Tries of one call before the submit, and the pause before the next (times the tries so far). */
const PREPARE_TRIES = 3;
const PREPARE_PAUSE_MS = 300;
/** Drafts younger than this may be a stray of an earlier attempt at the same send (retries span hours, not days). */
const STRAY_DRAFT_AGE_MS = 86_400_000;
/** A search reads at most this many pages of each list (20 items a page) back to the send. */
const SEARCH_PAGES = 50;

export class WechatPublisher {
  constructor(
    private readonly client: WechatClient,
    private readonly clock: Clock,
    private readonly publishingWindowMs = PUBLISHING_WINDOW_MS,
  ) {}

  async publish(account: ChannelAccount, p: OutgoingPublication): Promise<PublishResult> {
    const [cover, ...inline] = p.images ?? [];
    if (!cover)
      throw new PermanentError({
        code: null,
        message: '微信图文需要封面图 / a WeChat article needs a cover image',
      });
    await this.removeStrayDrafts(account, p.title);
    const draft = await this.draft(account, p, cover, inline);
    await p.beforeSubmit?.();
    const job = await this.client
      .call(account, {
        path: '/cgi-bin/freepublish/submit',
        body: { kind: 'json', value: { media_id: draft.media_id } },
        schema: publishSubmitted,
        write: true,
      })
      .catch((e: unknown) => {
        // 40007: the draft just made is gone — another attempt at this send took it for a stray, or a person
        // deleted it. Whether the article went out is for the channel to say, not a reason to give up.
        if (e instanceof PermanentError && e.fault.code === '40007')
          throw new OutcomeUnknownError(e.fault, { cause: e });
        throw e;
      });
    return { state: 'pending', externalId: job.publish_id };
  }

  /**
   * An earlier attempt that died or lost an answer before its submit left its draft in the box. Removed now,
   * at most one draft of this title is ours — this attempt's — so a lookup may read "still a draft" as "this
   * attempt never submitted"; a stray could otherwise stand in for a job of this attempt still publishing.
   */
  private async removeStrayDrafts(account: ChannelAccount, title: string): Promise<void> {
    const since = this.clock.now().getTime() - STRAY_DRAFT_AGE_MS;
    for (const d of await this.drafts(account, since, true)) {
      if (!d.content.news_item.some((a) => a.title === title)) continue;
      await this.prepare(account, {
        path: '/cgi-bin/draft/delete',
        body: { kind: 'json', value: { media_id: d.media_id } },
        schema: wechatStatus,
        write: true,
      }).catch((e: unknown) => {
        // 40007, no such draft: a delete tried again after its answer was lost, or a stray already gone.
        if (!(e instanceof PermanentError && e.fault.code === '40007')) throw e;
      });
    }
  }

  /** The images and the draft: nothing anyone can read yet. */
  private async draft(account: ChannelAccount, p: OutgoingPublication, cover: Image, inline: Image[]) {
    const thumb = await this.upload(account, cover);
    // Article bodies drop outside images: the rest go through uploadimg and into the body.
    let content = p.body;
    for (const img of inline) content += `<p><img src="${await this.inlineImage(account, img)}"></p>`;
    return this.prepare(account, {
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
    const published = await newestBack(after, (offset) => publishedPage(this.client, account, offset, false));
    for (const m of published) {
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
    const drafts = await this.drafts(account, after);
    // Still in the draft box: submit never took. A new send removes it and makes a new one.
    if (drafts.some((d) => d.content.news_item.some((a) => a.title === lookup.title)))
      return { state: 'absent' };
    const sentAt = lookup.sentAt ?? lookup.notBefore;
    if (this.clock.now().getTime() - sentAt.getTime() < this.publishingWindowMs) {
      throw new RetryableError({
        code: null,
        message: '发布任务可能仍在处理中，稍后再查 / the publish job may still be running: ask again later',
      });
    }
    return { state: 'absent' };
  }

  /** `preparing`: read for a send that has not been submitted yet (see prepare). */
  private drafts(account: ChannelAccount, after: number, preparing = false) {
    return newestBack(after, (offset) => {
      const call: WechatCall<typeof draftList> = {
        path: '/cgi-bin/draft/batchget',
        body: { kind: 'json', value: { offset, count: PAGE, no_content: 1 } },
        schema: draftList,
        write: false,
      };
      return preparing ? this.prepare(account, call) : this.client.call(account, call);
    });
  }

  /**
   * A call before the submit, when nothing is published yet: an answer lost or garbled there leaves at most
   * a stray image or draft, so a transient failure is tried again at once (twice), and then ends the attempt
   * as retryable — never as an unknown outcome that would need the channel searched.
   */
  private async prepare<S extends z.ZodType>(
    account: ChannelAccount,
    call: WechatCall<S>,
  ): Promise<z.infer<S>> {
    for (let tried = 1; ; tried++) {
      try {
        return await this.client.call(account, call);
      } catch (e) {
        const lost = e instanceof OutcomeUnknownError || e instanceof MalformedResponseError;
        if (!lost && !(e instanceof RetryableError)) throw e;
        if (tried >= PREPARE_TRIES) throw lost ? new RetryableError(e.fault, { cause: e }) : e;
        await new Promise((r) => setTimeout(r, PREPARE_PAUSE_MS * tried));
      }
    }
  }

  private async upload(account: ChannelAccount, img: Image): Promise<string> {
    const thumb = img.contentType === 'image/jpeg' && img.data.length <= THUMB_MAX_BYTES;
    const r = await this.prepare(account, {
      path: '/cgi-bin/material/add_material',
      query: { type: thumb ? 'thumb' : 'image' },
      body: { kind: 'multipart', form: mediaForm(img) },
      schema: mediaUpload,
      write: true,
    });
    return r.media_id;
  }

  private async inlineImage(account: ChannelAccount, img: Image): Promise<string> {
    const r = await this.prepare(account, {
      path: '/cgi-bin/media/uploadimg',
      body: { kind: 'multipart', form: mediaForm(img) },
      schema: imageUrl,
      write: true,
    });
    return r.url;
  }
}

/**
 * The items of a newest-first list (published messages, drafts) back to `after`, page by page. A list too
 * long to read back that far cannot rule a send out: the question is asked again later, never answered
 * "absent".
 */
async function newestBack<T extends { update_time: number }>(
  after: number,
  page: (offset: number) => Promise<{ total_count: number; item: T[] }>,
): Promise<T[]> {
  const found: T[] = [];
  for (let offset = 0, n = 0; n < SEARCH_PAGES; n++) {
    const p = await page(offset);
    found.push(...p.item.filter((m) => m.update_time * 1000 >= after));
    offset += p.item.length;
    const reachedOld = p.item.some((m) => m.update_time * 1000 < after);
    if (reachedOld || p.item.length === 0 || offset >= p.total_count) return found;
  }
  throw new RetryableError({
    code: null,
    message: `列表过长，无法核对到发送时刻 / more than ${SEARCH_PAGES * PAGE} items since the send: ask again later`,
  });
}

function mediaForm(img: Image): FormData {
  const form = new FormData();
  form.append('media', filePart(img.data, img.contentType), img.fileName);
  return form;
}
