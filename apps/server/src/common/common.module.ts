import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock';

@Global()
@Module({})
export class CommonModule {
  /** Tests hand in a clock they can move; everything else uses the real one. */
  static withClock(clock: Clock = new Clock()): DynamicModule {
    return { module: CommonModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
