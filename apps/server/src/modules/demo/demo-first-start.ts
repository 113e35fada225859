import { Injectable } from '@nestjs/common';
import { SettingsService } from '../settings/settings.service';
import { DemoChannels } from './demo-channels';
import { DemoImports } from './demo-imports';
import { DemoPosts } from './demo-posts';

/**
 * What a demo installation does at start: on the first, connect the demo accounts and import their history;
 * then write the demo's recent posts that are not written yet (each once), through review and dispatch.
 */
@Injectable()
export class DemoFirstStart {
  constructor(
    private readonly settings: SettingsService,
    private readonly channels: DemoChannels,
    private readonly imports: DemoImports,
    private readonly posts: DemoPosts,
  ) {}

  async run(): Promise<void> {
    if (!(await this.settings.isDemo())) return;
    if (await this.channels.connectOnce()) {
      await this.imports.startAll();
      await this.posts.writeOnce();
    }
  }
}
