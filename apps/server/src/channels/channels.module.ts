import { Module } from '@nestjs/common';
import { CHANNEL_PROVIDERS, ChannelRegistry } from './channel-registry';
import { type ChannelProvider } from './channel.interface';
import { FeedReader } from './feed/feed-reader';
import { FeedProvider } from './feed/feed.provider';
import { ChannelHttp } from './http/channel-http';
import { PortalProvider } from './portal/portal.provider';
import { WechatProvider } from './wechat/wechat.provider';
import { WeiboOAuth } from './weibo/weibo-oauth';
import { WeiboProvider } from './weibo/weibo.provider';

/**
 * The channel adapters behind one registry: `registry.provider(account.channel)`. WeiboOAuth is exported
 * for the accounts module's authorisation flow. Needs the global Clock (CommonModule).
 */
@Module({
  providers: [
    ChannelHttp,
    FeedReader,
    WeiboProvider,
    WechatProvider,
    PortalProvider,
    FeedProvider,
    WeiboOAuth,
    {
      provide: CHANNEL_PROVIDERS,
      useFactory: (...providers: ChannelProvider[]) => providers,
      inject: [WeiboProvider, WechatProvider, PortalProvider, FeedProvider],
    },
    ChannelRegistry,
  ],
  exports: [ChannelRegistry, WeiboOAuth],
})
export class ChannelsModule {}
