import { Injectable } from '@nestjs/common';
import { SettingsRepository } from './settings.repository';

const DEMO_KEY = 'demo';

@Injectable()
export class SettingsService {
  private demo: boolean | undefined;

  constructor(private readonly repo: SettingsRepository) {}

  /** Whether this installation runs on demonstration data; it never changes once set, so it is cached. */
  async isDemo(): Promise<boolean> {
    this.demo ??= (await this.repo.get(DEMO_KEY)) === '1';
    return this.demo;
  }

  async markDemo(): Promise<void> {
    await this.repo.set(DEMO_KEY, '1');
    this.demo = true;
  }

  /** Whether a one-time step of the installation (a demo post written at first start …) was done. */
  async isDone(step: string): Promise<boolean> {
    return (await this.repo.get(`done:${step}`.slice(0, 64))) === '1';
  }

  async markDone(step: string): Promise<void> {
    await this.repo.set(`done:${step}`.slice(0, 64), '1');
  }
}
