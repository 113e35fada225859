import { Test } from '@nestjs/testing';
import { channels } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { CommonModule } from '../../src/common/common.module';
import { ChannelRegistry } from '../../src/channels/channel-registry';
import type { ChannelProvider } from '../../src/channels/channel.interface';
import { ChannelsModule } from '../../src/channels/channels.module';
import { type AppConfig } from '../../src/config/app-config';
import { ConfigModule } from '../../src/config/config.module';
import { WeiboOAuth } from '../../src/channels/weibo/weibo-oauth';

describe('ChannelsModule', () => {
  it('gives one provider per channel through the registry, and the Weibo OAuth helper', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        CommonModule.withClock(),
        ConfigModule.forConfig({ dispatch: { wechatPublishingWindowSeconds: 900 } } as AppConfig),
        ChannelsModule,
      ],
    }).compile();
    const registry = moduleRef.get(ChannelRegistry);
    for (const channel of channels) {
      const p = registry.provider(channel);
      expect(p.channel).toBe(channel);
      expect(p.streams.length).toBeGreaterThan(0);
    }
    expect(moduleRef.get(WeiboOAuth)).toBeInstanceOf(WeiboOAuth);
    await moduleRef.close();
  });

  it('refuses to start with a channel missing or doubled', () => {
    const fake = (channel: ChannelProvider['channel']) => ({ channel }) as ChannelProvider;
    expect(() => new ChannelRegistry([fake('weibo'), fake('wechat'), fake('portal')])).toThrow(/feed/);
    expect(() => new ChannelRegistry([fake('weibo'), fake('weibo')])).toThrow(/two providers/);
  });
});
