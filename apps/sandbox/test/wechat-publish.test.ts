import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTest, TINY_JPEG, wechatAccount, wx, wxToken, type TestSandbox } from './helpers';

let t: TestSandbox;
let token: string;
let accountId: string;
let thumb: string;

beforeAll(async () => {
  t = await startTest();
  const acc = await wechatAccount(t, { publishDelayMs: 400 });
  accountId = acc.id;
  token = await wxToken(t, acc.appid, acc.secret);
  const form = new FormData();
  form.set('media', new Blob([TINY_JPEG], { type: 'image/jpeg' }), 'cover.jpg');
  const res = await fetch(`${t.url}/cgi-bin/material/add_material?type=thumb&access_token=${token}`, {
    method: 'POST',
    body: form,
  });
  thumb = ((await res.json()) as { media_id: string }).media_id;
});
afterAll(() => t.close());

type Err = { errcode: number; errmsg: string };
const article = (over: Record<string, unknown> = {}) => ({
  title: '警方提示：警惕冒充客服退款诈骗',
  author: '江城公安',
  content: '<p>近期，冒充电商客服以"退款"为由实施诈骗的案件高发。</p><script>alert(1)</script>',
  thumb_media_id: thumb,
  need_open_comment: 1,
  ...over,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('material', () => {
  it('uploadimg returns a URL that serves the image; add_material rejects a non-image (40005)', async () => {
    const form = new FormData();
    form.set('media', new Blob([TINY_JPEG]), 'in-article.jpg');
    const r = (await (
      await fetch(`${t.url}/cgi-bin/media/uploadimg?access_token=${token}`, { method: 'POST', body: form })
    ).json()) as { url: string };
    expect(r.url).toMatch(/\/mmbiz_jpg\/.+\/0$/);
    const img = await fetch(r.url);
    expect(Buffer.from(await img.arrayBuffer()).equals(TINY_JPEG)).toBe(true);
    const bad = new FormData();
    bad.set('media', new Blob([Buffer.from('text')]), 'x.txt');
    const e = (await (
      await fetch(`${t.url}/cgi-bin/material/add_material?type=image&access_token=${token}`, {
        method: 'POST',
        body: bad,
      })
    ).json()) as Err;
    expect(e.errcode).toBe(40005);
    expect(await wx(t, '/cgi-bin/material/get_materialcount', token)).toMatchObject({ image_count: 1 });
    // A temporary upload cannot be a draft's cover: only permanent material can.
    const tmp = new FormData();
    tmp.set('media', new Blob([TINY_JPEG]), 't.jpg');
    const temp = (await (
      await fetch(`${t.url}/cgi-bin/media/upload?type=image&access_token=${token}`, {
        method: 'POST',
        body: tmp,
      })
    ).json()) as {
      media_id: string;
      type: string;
    };
    expect(temp.type).toBe('image');
    const refused = await wx<Err>(t, '/cgi-bin/draft/add', token, {
      articles: [article({ thumb_media_id: temp.media_id })],
    });
    expect(refused.errcode).toBe(40007);
  });
});

describe('draft → freepublish', () => {
  it('draft/add validates (44003 no title, 40007 no permanent cover, 45003 long title) and stores', async () => {
    expect(
      (await wx<Err>(t, '/cgi-bin/draft/add', token, { articles: [article({ title: '' })] })).errcode,
    ).toBe(44003);
    expect(
      (await wx<Err>(t, '/cgi-bin/draft/add', token, { articles: [article({ thumb_media_id: 'nope' })] }))
        .errcode,
    ).toBe(40007);
    expect(
      (await wx<Err>(t, '/cgi-bin/draft/add', token, { articles: [article({ title: '长'.repeat(65) })] }))
        .errcode,
    ).toBe(45003);
    expect((await wx<Err>(t, '/cgi-bin/draft/add', token, {})).errcode).toBe(44003);
    const empty = (await (
      await fetch(`${t.url}/cgi-bin/draft/add?access_token=${token}`, { method: 'POST' })
    ).json()) as Err;
    expect(empty.errcode).toBe(44002);
    const get = (await (await fetch(`${t.url}/cgi-bin/draft/add?access_token=${token}`)).json()) as Err;
    expect(get.errcode).toBe(43002);
  });

  it('runs draft/add → freepublish/submit → get (1 publishing → 0 success) and leaves the draft box', async () => {
    const added = await wx<{ media_id: string }>(t, '/cgi-bin/draft/add', token, {
      articles: [article(), article({ title: '第二篇', need_open_comment: 0 })],
    });
    expect(Object.keys(added)).toEqual(['media_id']);
    const draft = await wx<{ news_item: { title: string; content: string; digest: string }[] }>(
      t,
      '/cgi-bin/draft/get',
      token,
      { media_id: added.media_id },
    );
    expect(draft.news_item).toHaveLength(2);
    expect(draft.news_item[0]!.content).not.toContain('<script>');
    expect(draft.news_item[0]!.digest.length).toBeGreaterThan(0);
    expect(await wx(t, '/cgi-bin/draft/count', token)).toEqual({ total_count: 1 });
    const upd = await wx<Err>(t, '/cgi-bin/draft/update', token, {
      media_id: added.media_id,
      index: 1,
      articles: article({ title: '第二篇（修改）' }),
    });
    expect(upd).toEqual({ errcode: 0, errmsg: 'ok' });

    const sub = await wx<{ errcode: number; publish_id: string; msg_data_id: string }>(
      t,
      '/cgi-bin/freepublish/submit',
      token,
      { media_id: added.media_id },
    );
    expect(sub.errcode).toBe(0);
    expect(sub.publish_id).toMatch(/^\d+$/);
    const again = await wx<Err>(t, '/cgi-bin/freepublish/submit', token, { media_id: added.media_id });
    expect(again.errcode).toBe(40007);
    const during = await wx(t, '/cgi-bin/freepublish/get', token, { publish_id: sub.publish_id });
    expect(during).toEqual({ publish_id: sub.publish_id, publish_status: 1 });
    await sleep(500);
    const done = await wx<{
      publish_status: number;
      article_id: string;
      article_detail: { count: number; item: { idx: number; article_url: string }[] };
      fail_idx: number[];
    }>(t, '/cgi-bin/freepublish/get', token, { publish_id: sub.publish_id });
    expect(done.publish_status).toBe(0);
    expect(done.article_detail.count).toBe(2);
    expect(done.article_detail.item.map((i) => i.idx)).toEqual([1, 2]);
    expect(done.fail_idx).toEqual([]);
    // The link names the message and the article's place in it, as mp.weixin.qq.com links do.
    const link = new URL(done.article_detail.item[1]!.article_url);
    expect(link.searchParams.get('mid')).toBe(sub.msg_data_id);
    expect(link.searchParams.get('idx')).toBe('2');
    const page = await fetch(link);
    expect(await page.text()).toContain('第二篇（修改）');
    expect(await wx(t, '/cgi-bin/draft/count', token)).toEqual({ total_count: 0 });
    const list = await wx<{
      total_count: number;
      item: { article_id: string; content: { news_item: { title: string; url: string }[] } }[];
    }>(t, '/cgi-bin/freepublish/batchget', token, { offset: 0, count: 10, no_content: 1 });
    expect(list.total_count).toBe(1);
    expect(list.item[0]!.article_id).toBe(done.article_id);
    expect(list.item[0]!.content.news_item.map((n) => n.url)).toEqual(
      done.article_detail.item.map((i) => i.article_url),
    );
    const art = await wx<{ news_item: { title: string; is_deleted: boolean }[] }>(
      t,
      '/cgi-bin/freepublish/getarticle',
      token,
      { article_id: done.article_id },
    );
    expect(art.news_item.map((n) => n.title)).toEqual(['警方提示：警惕冒充客服退款诈骗', '第二篇（修改）']);
    const ledger = await t.ctl<{ items: { externalId: string; status: string; kind: string }[] }>(
      'GET',
      `/published?account=${accountId}`,
    );
    expect(ledger.body.items).toEqual([
      expect.objectContaining({ externalId: sub.publish_id, status: 'published', kind: 'article' }),
    ]);
    expect(
      await wx(t, '/cgi-bin/freepublish/delete', token, { article_id: done.article_id, index: 0 }),
    ).toEqual({ errcode: 0, errmsg: 'ok' });
    const after = await wx<{ publish_status: number }>(t, '/cgi-bin/freepublish/get', token, {
      publish_id: sub.publish_id,
    });
    expect(after.publish_status).toBe(5);
  });

  it('a publishOutcome fault ends the job in status 4 with fail_idx, and the draft returns to the box', async () => {
    await t.ctl('POST', '/faults', {
      account: accountId,
      endpoint: '/cgi-bin/freepublish/submit',
      kind: 'publishOutcome',
      publishStatus: 4,
      failIdx: [1],
      times: 1,
    });
    const added = await wx<{ media_id: string }>(t, '/cgi-bin/draft/add', token, {
      articles: [article({ title: '审核不通过的文章' })],
    });
    const sub = await wx<{ publish_id: string }>(t, '/cgi-bin/freepublish/submit', token, {
      media_id: added.media_id,
    });
    await t.ctl('POST', '/clock', { advanceSeconds: 1 });
    const r = await wx(t, '/cgi-bin/freepublish/get', token, { publish_id: sub.publish_id });
    expect(r).toEqual({ publish_id: sub.publish_id, publish_status: 4, fail_idx: [1] });
    expect(await wx(t, '/cgi-bin/draft/count', token)).toEqual({ total_count: 1 });
    expect((await wx<Err>(t, '/cgi-bin/freepublish/get', token, { publish_id: '1' })).errcode).toBe(53502);
    expect((await wx<Err>(t, '/cgi-bin/freepublish/getarticle', token, { article_id: 'nope' })).errcode).toBe(
      53600,
    );
  });

  it('mass/sendall sends a draft once per clientmsgid (45065 on repeat)', async () => {
    const added = await wx<{ media_id: string }>(t, '/cgi-bin/draft/add', token, {
      articles: [article({ title: '群发文章' })],
    });
    const body = {
      filter: { is_to_all: true },
      mpnews: { media_id: added.media_id },
      msgtype: 'mpnews',
      send_ignore_reprint: 0,
      clientmsgid: 'post-42',
    };
    const sent = await wx<{ errcode: number; errmsg: string; msg_id: number; msg_data_id: number }>(
      t,
      '/cgi-bin/message/mass/sendall',
      token,
      body,
    );
    expect(sent).toMatchObject({ errcode: 0, errmsg: 'send job submission success' });
    expect(typeof sent.msg_id).toBe('number');
    expect(typeof sent.msg_data_id).toBe('number');
    expect((await wx<Err>(t, '/cgi-bin/message/mass/sendall', token, body)).errcode).toBe(45065);
  });
});
