import { type DynamicModule, Module } from '@nestjs/common';
import { ChannelsModule } from '../../channels/channels.module';
import { AccountsModule } from '../accounts/accounts.module';
import { CollectMetricsHandler } from './collect-metrics.handler';
import { CollectStreamHandler } from './collect-stream.handler';
import { CollectionAdminService } from './collection-admin.service';
import { CollectionSchedule } from './collection-schedule.service';
import { CollectionStateRepository } from './collection-state.repository';
import { CollectionController } from './collection.controller';
import { CollectionJobs } from './collection.jobs';
import { CollectionRepository } from './collection.repository';
import { CollectionService } from './collection.service';
import { CollectionWorker } from './collection.worker';
import { HistoryImportRepository } from './history-import.repository';
import { ImportPageHandler } from './import-page.handler';
import { PushedMessagesRepository } from './pushed-messages.repository';
import { RefreshTokenHandler } from './refresh-token.handler';
import { WechatPushController } from './wechat-push.controller';
import { WechatPushService } from './wechat-push.service';

/**
 * 采集: polling every stream of every account, metrics, token refresh and history imports, as jobs on the
 * lease mechanism. Handlers are registered in every role; only the worker role ticks, only the api serves.
 */
@Module({})
export class CollectionModule {
  static forRole(roles: { api: boolean; worker: boolean }): DynamicModule {
    return {
      module: CollectionModule,
      imports: [AccountsModule, ChannelsModule],
      controllers: roles.api ? [CollectionController, WechatPushController] : [],
      providers: [
        CollectionRepository,
        CollectionStateRepository,
        HistoryImportRepository,
        CollectionService,
        CollectionSchedule,
        CollectStreamHandler,
        CollectMetricsHandler,
        RefreshTokenHandler,
        ImportPageHandler,
        CollectionJobs,
        CollectionAdminService,
        PushedMessagesRepository,
        WechatPushService,
        ...(roles.worker ? [CollectionWorker] : []),
      ],
      exports: [CollectionSchedule],
    };
  }
}
