import { Logger } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { DueWorkTick } from './due-work-tick';

describe('DueWorkTick', () => {
  it('skips a tick while the previous one still runs, and none after shutdown', async () => {
    const tick = new DueWorkTick(new Logger('test'), 'failed');
    let release!: () => void;
    const work = vi.fn(() => new Promise<void>((r) => (release = r)));
    const first = tick.run(work);
    await tick.run(work);
    expect(work).toHaveBeenCalledTimes(1);
    release();
    await first;
    tick.stop();
    await tick.run(work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('logs a failure and keeps ticking', async () => {
    const logger = new Logger('test');
    const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const tick = new DueWorkTick(logger, 'finding due work failed');
    await tick.run(() => Promise.reject(new Error('db down')));
    const [context, message] = error.mock.calls[0] ?? [];
    expect((context as { err: unknown }).err).toBeInstanceOf(Error);
    expect(message).toBe('finding due work failed');
    const work = vi.fn(() => Promise.resolve());
    await tick.run(work);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
