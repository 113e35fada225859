import { type DynamicModule, Module } from '@nestjs/common';
import { ChannelsModule } from '../../channels/channels.module';
import { AccountsModule } from '../accounts/accounts.module';
import { FileStore } from '../posts/file-store';
import { SafetyModule } from '../safety/safety.module';
import { DispatchSchedule } from './dispatch-schedule.service';
import { DispatchSettlement } from './dispatch-settle.service';
import { DispatchPollHandler, DispatchSendHandler } from './dispatch.handlers';
import { DispatchJobs } from './dispatch.jobs';
import { DispatchRepository } from './dispatch.repository';
import { DispatchService } from './dispatch.service';
import { DispatchWorker } from './dispatch.worker';

/**
 * 发布调度: sends queued publications once each, through the lease mechanism. Handlers are registered in
 * every role; only the worker role ticks. FileStore is provided here too: the worker role has no posts module.
 */
@Module({})
export class DispatchModule {
  static forRole(roles: { worker: boolean }): DynamicModule {
    return {
      module: DispatchModule,
      imports: [AccountsModule, ChannelsModule, SafetyModule],
      providers: [
        DispatchRepository,
        DispatchService,
        DispatchSettlement,
        DispatchSchedule,
        DispatchSendHandler,
        DispatchPollHandler,
        DispatchJobs,
        FileStore,
        ...(roles.worker ? [DispatchWorker] : []),
      ],
      exports: [DispatchSchedule],
    };
  }
}
