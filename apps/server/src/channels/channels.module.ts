import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
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
 * for the accounts module's authorisation flow. Needs the global Clock (CommonModule) and APP_CONFIG.
 */
@Module({
  providers: [
    ChannelHttp,
    FeedReader,
    WeiboProvider,
    {
      provide: WechatProvider,
      useFactory: (http: ChannelHttp, clock: Clock, config: AppConfig) =>
        new WechatProvider(http, clock, config.dispatch.wechatPublishingWindowSeconds * 1000),
      inject: [ChannelHttp, Clock, APP_CONFIG],
    },
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
