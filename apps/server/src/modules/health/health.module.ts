import { Module } from '@nestjs/common';
import { DispatchRepository } from '../dispatch/dispatch.repository';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ controllers: [HealthController], providers: [HealthService, DispatchRepository] })
export class HealthModule {}
