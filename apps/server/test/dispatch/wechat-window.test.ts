import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWechat,
  type CollectionFixture,
  startCollectionFixture,
} from '../collection/support/collection-fixture';
import { testEngines } from '../support/engines';
import {
  dispatchTick,
  dispatchUntilPublished,
  expectStatus,
  loseWechatSubmitAnswer,
  publication,
  queuePublication,
  sentOf,
} from './support/dispatch-fixture';

/** Shorter than a job's lease (60 s), so moving the clock past it takes no job from its worker. */
const WINDOW_S = 30;

// WeChat publishes asynchronously: a submit whose answer was lost shows nowhere for a while, and only after
// the publishing window is its absence taken to mean it never went out. The window runs from the submit; it
// ran from the claim, so a send whose uploads and draft took longer than the window was judged absent the
// moment its submit went unanswered, and sent again (seen once in CI's exactly-once run: two articles).
describe.each(testEngines())('the WeChat publishing window on %s', (engine) => {
  let f: CollectionFixture;

  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'dispatch-wechat-window', {
      SUNLIGHT_WECHAT_PUBLISHING_WINDOW: String(WINDOW_S),
    });
  });
  afterAll(() => f?.close());

  it('runs from the submit, not the claim: a slow preparation does not get an unanswered submit sent again', async () => {
    const wechat = await addWechat(f, '江城公安慢传');
    await f.poll(); // its access token
    const pub = await queuePublication(f, wechat.account.id, { cover: true });
    // Making the draft takes a while, during which the worker's clock passes the window…
    await f.sandbox.fault({
      platform: 'wechat',
      endpoint: '/cgi-bin/draft/add',
      kind: 'slow',
      delayMs: 1_500,
      times: 1,
    });
    // …and the platform takes the submit but the answer is lost: the article is publishing, not yet listed.
    await loseWechatSubmitAnswer(f);
    const sending = dispatchTick(f);
    await new Promise((r) => setTimeout(r, 700));
    f.t.clock.advance((WINDOW_S + 10) * 1000);
    await sending;
    expectStatus(await publication(f, pub.id), 'pending_confirmation');

    // The sandbox publishes in real time (1.5 s); the ticks below move the worker's clock faster than that.
    await new Promise((r) => setTimeout(r, 2_000));
    await dispatchUntilPublished(f, pub.id);
    expectStatus(await publication(f, pub.id), 'published');
    expect(await sentOf(f, wechat.sandboxId, pub)).toHaveLength(1);
  });
});
