// The one place that turns an account's channel into the code that speaks its platform. Everything else asks the
// registry, so no module outside channels/ ever branches on a channel name.
import { Inject, Injectable } from '@nestjs/common';
import { type Channel, channels } from '@sunlight/contracts';
import { type ChannelProvider } from './channel.interface';

/** Injection token for the list of providers the module registers. */
export const CHANNEL_PROVIDERS = Symbol('CHANNEL_PROVIDERS');

@Injectable()
export class ChannelRegistry {
  private readonly byChannel: ReadonlyMap<Channel, ChannelProvider>;

  constructor(@Inject(CHANNEL_PROVIDERS) providers: readonly ChannelProvider[]) {
    const map = new Map<Channel, ChannelProvider>();
    for (const p of providers) {
      if (map.has(p.channel)) throw new Error(`two providers registered for channel ${p.channel}`);
      map.set(p.channel, p);
    }
    // Fail at start rather than on the first collection run of a forgotten channel.
    const missing = channels.filter((c) => !map.has(c));
    if (missing.length > 0) throw new Error(`no channel provider for ${missing.join(', ')}`);
    this.byChannel = map;
  }

  provider(channel: Channel): ChannelProvider {
    const p = this.byChannel.get(channel);
    if (!p) throw new Error(`no channel provider for ${channel}`);
    return p;
  }
}
