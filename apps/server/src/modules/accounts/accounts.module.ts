import { Module } from '@nestjs/common';
import { SecretBox } from '../../common/secret-box';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ChannelsModule } from '../../channels/channels.module';
import { DepartmentsModule } from '../departments/departments.module';
import { AccountConnectionService } from './account-connection.service';
import { AccountCredentials } from './account-credentials';
import { AccountOAuthService } from './account-oauth.service';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { ColumnsController } from './columns.controller';
import { ColumnsRepository } from './columns.repository';
import { ColumnsService } from './columns.service';

/**
 * 账号与栏目. Exports what collection and publishing need: the accounts' storage and the one place that
 * turns a stored account into a ChannelAccount with its secrets opened.
 */
@Module({
  imports: [DepartmentsModule, ChannelsModule],
  controllers: [AccountsController, ColumnsController],
  providers: [
    { provide: SecretBox, useFactory: (c: AppConfig) => new SecretBox(c.secretKey), inject: [APP_CONFIG] },
    AccountCredentials,
    AccountsRepository,
    AccountsService,
    AccountConnectionService,
    AccountOAuthService,
    ColumnsRepository,
    ColumnsService,
  ],
  exports: [AccountsRepository, ColumnsRepository, AccountCredentials, SecretBox],
})
export class AccountsModule {}
