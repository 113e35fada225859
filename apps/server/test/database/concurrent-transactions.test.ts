import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingEntity } from '../../src/database/entities';
import { migratedDataSource, testEngines } from '../support/engines';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testEngines())('concurrent transactions on %s', (engine) => {
  let ctx: Awaited<ReturnType<typeof migratedDataSource>>;
  beforeAll(async () => {
    ctx = await migratedDataSource(engine);
  });
  afterAll(() => ctx?.close());

  it('keeps a write made beside a transaction that rolls back', async () => {
    const settings = ctx.ds.getRepository(SettingEntity);
    const failing = ctx.ds.transaction(async (tx) => {
      await tx.getRepository(SettingEntity).insert({ key: 'inside', value: '1' });
      await pause(50);
      throw new Error('roll back');
    });
    await pause(10);
    await settings.insert({ key: 'beside', value: '1' });
    await expect(failing).rejects.toThrow('roll back');
    expect((await settings.find()).map((s) => s.key)).toEqual(['beside']);
  });

  it('runs many overlapping transactions without one failing another', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ctx.ds.transaction(async (tx) => {
          await tx.getRepository(SettingEntity).insert({ key: `k${i}`, value: String(i) });
          await pause(i % 3);
          await tx.getRepository(SettingEntity).update({ key: `k${i}` }, { value: `v${i}` });
        }),
      ),
    );
    const rows = await ctx.ds.getRepository(SettingEntity).find();
    expect(rows.filter((r) => r.key.startsWith('k') && r.value === `v${r.key.slice(1)}`)).toHaveLength(40);
  });
});
