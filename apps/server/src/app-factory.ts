import 'reflect-metadata';
import { type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { type Clock } from './common/clock';
import { useChineseValidationMessages } from './common/zod-locale';
import { type AppConfig } from './config/app-config';
import { configureHttp } from './http-setup';
import { BootstrapService, type Credentials } from './modules/bootstrap/bootstrap.service';
import { DemoFirstStart } from './modules/demo/demo-first-start';
import { migrate, waitForMigrations } from './modules/bootstrap/migrator';
import { SafetyDictionarySeeder } from './modules/safety/safety-seeder';

export interface StartedApp {
  /** The HTTP application in the api and all roles; a plain context for a worker. */
  app: INestApplication | INestApplicationContext;
  http: INestApplication | undefined;
  /** Passwords generated on the first start, to be shown once. */
  issued: Credentials[];
}

/** Builds and starts the server for its role; main.ts and the integration tests both start it this way. */
export async function startApp(config: AppConfig, clock?: Clock): Promise<StartedApp> {
  useChineseValidationMessages();
  if (config.role === 'worker') {
    const app = await NestFactory.createApplicationContext(AppModule.forConfig(config, clock), {
      bufferLogs: true,
    });
    app.useLogger(app.get(Logger));
    app.enableShutdownHooks();
    await waitForMigrations(app.get(DataSource));
    return { app, http: undefined, issued: [] };
  }
  const http = await NestFactory.create(AppModule.forConfig(config, clock), {
    bufferLogs: true,
    bodyParser: false,
  });
  http.useLogger(http.get(Logger));
  http.enableShutdownHooks();
  configureHttp(http, config);
  await migrate(http.get(DataSource));
  const issued = await http.get(BootstrapService).firstStart();
  await http.get(SafetyDictionarySeeder).seedOnce();
  await http.get(DemoFirstStart).run();
  await http.listen(config.port, config.host);
  return { app: http, http, issued };
}
