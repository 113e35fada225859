// The parts every hand-wired worker process of the crash tests needs: the database named by DATABASE_URL,
// the channel providers talking to the sandbox over HTTP, and the credentials sealed with the test key.
// (tsx emits no decorator metadata for Nest to inject by, hence the wiring by hand.)
import { ChannelRegistry } from '../../src/channels/channel-registry';
import { FeedReader } from '../../src/channels/feed/feed-reader';
import { FeedProvider } from '../../src/channels/feed/feed.provider';
import { ChannelHttp } from '../../src/channels/http/channel-http';
import { PortalProvider } from '../../src/channels/portal/portal.provider';
import { WechatProvider } from '../../src/channels/wechat/wechat.provider';
import { WeiboProvider } from '../../src/channels/weibo/weibo.provider';
import { Clock } from '../../src/common/clock';
import { SecretBox } from '../../src/common/secret-box';
import { createDataSource } from '../../src/database/data-source';
import { AccountCredentials } from '../../src/modules/accounts/account-credentials';
import { JobsRepository } from '../../src/modules/jobs/jobs.repository';

export async function workerWiring() {
  const url = process.env.DATABASE_URL!;
  const ds = await createDataSource(
    url.startsWith('sqlite:')
      ? { type: 'sqlite', path: url.slice('sqlite:'.length), isNew: false }
      : { type: 'mysql', url, database: new URL(url).pathname.slice(1) },
  );
  const clock = new Clock();
  const http = new ChannelHttp({ timeoutMs: 10_000 });
  const reader = new FeedReader(http, clock);
  const registry = new ChannelRegistry([
    new WeiboProvider(http, clock),
    new WechatProvider(http, clock),
    new PortalProvider(http, clock, reader),
    new FeedProvider(reader),
  ]);
  const credentials = new AccountCredentials(
    new SecretBox(Buffer.from(process.env.SUNLIGHT_SECRET_KEY!, 'hex')),
  );
  return { ds, clock, registry, credentials, jobs: new JobsRepository(ds) };
}
