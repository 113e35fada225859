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
}
