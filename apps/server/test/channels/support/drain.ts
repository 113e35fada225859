import type { ChannelAccount, ChannelProvider, CollectBatch } from '../../../src/channels/channel.interface';

/** Collects a stream until the provider says nothing more is waiting, as the collector job will. */
export async function drain(
  provider: ChannelProvider,
  account: ChannelAccount,
  stream: string,
  cursor: string | null,
): Promise<{ batches: CollectBatch[]; cursor: string | null }> {
  const batches: CollectBatch[] = [];
  for (let i = 0; i < 50; i++) {
    const b = await provider.collect(account, stream, cursor);
    batches.push(b);
    cursor = b.cursor;
    if (!b.more) return { batches, cursor };
  }
  throw new Error(`${provider.channel}/${stream} still had more after 50 batches`);
}
