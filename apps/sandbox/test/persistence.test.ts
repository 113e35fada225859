import { describe, expect, it } from 'vitest';
import { share, startTest, weibo, weiboAccount } from './helpers';

describe('state on disk', () => {
  it('survives a restart from the same data dir: accounts, tokens, posts, faults, ledger, clock, seed', async () => {
    let t = await startTest({ seed: 'persist' });
    const a = await weiboAccount(t);
    const posted = await share(t, a, '重启之前发布 http://localhost/before');
    await t.ctl('POST', '/faults', {
      account: a.id,
      endpoint: '/2/statuses/show.json',
      kind: 'platformError',
      code: 10001,
    });
    await t.ctl('POST', '/clock', { advanceSeconds: 3600 });
    const firstUrl = t.url;
    t = await t.restart();
    try {
      expect(t.url).not.toBe(firstUrl);
      const timeline = await weibo(t, 'GET', '/2/statuses/user_timeline.json', { access_token: a.token });
      expect((timeline.body.statuses as { idstr: string }[]).map((s) => s.idstr)).toEqual([
        posted.body.idstr,
      ]);
      // Links are rebuilt from the new address.
      expect(
        (
          timeline.body.statuses as { user: { profile_image_url: string } }[]
        )[0]!.user.profile_image_url.startsWith(t.url),
      ).toBe(true);
      expect(
        (
          await weibo(t, 'GET', '/2/statuses/show.json', {
            access_token: a.token,
            id: posted.body.idstr as string,
          })
        ).body.error_code,
      ).toBe(10001);
      expect((await t.ctl<{ total: number }>('GET', `/published?account=${a.id}`)).body.total).toBe(1);
      const health = await t.ctl<{ seed: string; offsetSeconds: number }>('GET', '/health');
      expect(health.body.seed).toBe('persist');
      expect(health.body.offsetSeconds).toBe(3600);
      const next = await share(t, a, '重启之后发布 http://localhost/after');
      expect(BigInt(next.body.idstr as string) > BigInt(posted.body.idstr as string)).toBe(true);
      expect((await share(t, a, '重启之前发布 http://localhost/before')).body.error_code).toBe(20019);
    } finally {
      await t.close();
    }
  });
});
