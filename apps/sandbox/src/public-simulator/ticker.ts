// The public acting on its own: at `perMinute` interactions a minute on average, in 5-second ticks.
// Some hours carry an event burst (chosen from the seed and the hour), at four times the rate.
import type { SandboxContext } from '../core/context';
import { hash01, Rng } from '../core/rng';
import { EVENTS } from './corpus/events';
import type { PublicSimulator } from './simulator';

const TICK_MS = 5000;

export class PublicTicker {
  private perMinute = 0;
  private burstChance = 0.08;
  private ticks = 0;

  constructor(
    private readonly ctx: SandboxContext,
    private readonly sim: PublicSimulator,
  ) {
    ctx.timers.every(TICK_MS, () => this.tick());
  }

  configure(perMinute: number, burstChance?: number): void {
    this.perMinute = Math.max(0, perMinute);
    if (burstChance !== undefined) this.burstChance = Math.min(1, Math.max(0, burstChance));
  }

  status() {
    return {
      perMinute: this.perMinute,
      burstChance: this.burstChance,
      currentBurst: this.burstNow()?.code ?? null,
    };
  }

  private burstNow() {
    const hour = Math.floor(this.ctx.clock.now() / 3600_000);
    if (hash01(this.ctx.seed, 'burst', hour) >= this.burstChance) return undefined;
    return EVENTS[Math.floor(hash01(this.ctx.seed, 'burst-event', hour) * EVENTS.length)];
  }

  private tick(): void {
    if (this.perMinute <= 0 || this.ctx.accounts.list().length === 0) return;
    const burst = this.burstNow();
    const rng = new Rng(`${this.ctx.seed}:tick:${this.ticks++}`);
    const count = rng.poisson(((this.perMinute * TICK_MS) / 60_000) * (burst ? 4 : 1));
    if (count > 0) this.sim.advance({ count, event: burst?.code, eventShare: 0.6 });
  }
}
