import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { type Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { LOGIN_RATE_LIMITED } from './common/decorators';
import { ErrorFilter } from './common/error.filter';
import { loggerParams } from './common/logging';
import { type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { openDataSource, resolveDataSourceOptions } from './database/data-source';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BootstrapModule } from './modules/bootstrap/bootstrap.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { CollectionModule } from './modules/collection/collection.module';
import { ColumnQuotasModule } from './modules/column-quotas/column-quotas.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { DispatchModule } from './modules/dispatch/dispatch.module';
import { FiguresModule } from './modules/figures/figures.module';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { PostsModule } from './modules/posts/posts.module';
import { SafetyModule } from './modules/safety/safety.module';
import { SettingsModule } from './modules/settings/settings.module';
import { UsersModule } from './modules/users/users.module';

const MINUTE = 60_000;

function apiImports(config: AppConfig) {
  return [
    ThrottlerModule.forRoot([
      { name: 'api', ttl: MINUTE, limit: config.rateLimit.api },
      {
        name: 'login',
        ttl: MINUTE,
        limit: config.rateLimit.login,
        skipIf: (ctx) => Reflect.getMetadata(LOGIN_RATE_LIMITED, ctx.getHandler()) !== true,
      },
    ]),
    AuthModule,
    DepartmentsModule,
    UsersModule,
    AccountsModule,
    PostsModule,
    CalendarModule,
    ColumnQuotasModule,
    HealthModule,
    BootstrapModule,
    ...(config.webDist
      ? [ServeStaticModule.forRoot({ rootPath: config.webDist, exclude: ['/api/{*rest}'] })]
      : []),
  ];
}

/** One codebase, two roles: `api` serves HTTP, `worker` runs the scheduled jobs, `all` does both. */
@Module({})
export class AppModule {
  static forConfig(config: AppConfig, clock?: Clock): DynamicModule {
    const api = config.role !== 'worker';
    const worker = config.role !== 'api';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(config),
        LoggerModule.forRoot(loggerParams(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => resolveDataSourceOptions(config.database),
          dataSourceFactory: (options) => openDataSource(options!),
        }),
        CommonModule.withClock(clock),
        SettingsModule,
        AuditModule,
        JobsModule.forRole(worker),
        SafetyModule,
        CollectionModule.forRole({ api, worker }),
        DispatchModule.forRole({ worker }),
        FiguresModule.forRole({ api, worker }),
        ...(api ? apiImports(config) : []),
      ],
      providers: api
        ? [
            { provide: APP_GUARD, useClass: ThrottlerGuard },
            { provide: APP_FILTER, useClass: ErrorFilter },
            { provide: APP_PIPE, useClass: ZodValidationPipe },
          ]
        : [],
    };
  }
}
