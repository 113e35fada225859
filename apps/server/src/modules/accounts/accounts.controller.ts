import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  accountListQuerySchema,
  accountReaderRoles,
  createAccountRequestSchema,
  idSchema,
  oauthAuthorizeQuerySchema,
  oauthCodeRequestSchema,
  setCredentialsRequestSchema,
  updateAccountRequestSchema,
} from '@sunlight/contracts';
import { createZodDto, ZodValidationPipe } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { AccountConnectionService } from './account-connection.service';
import { AccountOAuthService } from './account-oauth.service';
import { AccountsService } from './accounts.service';

class AccountListQueryDto extends createZodDto(accountListQuerySchema) {}
class CreateAccountDto extends createZodDto(createAccountRequestSchema) {}
class UpdateAccountDto extends createZodDto(updateAccountRequestSchema) {}
class SetCredentialsDto extends createZodDto(setCredentialsRequestSchema) {}
class OAuthAuthorizeQueryDto extends createZodDto(oauthAuthorizeQuerySchema) {}
class OAuthCodeDto extends createZodDto(oauthCodeRequestSchema) {}
const idPipe = new ZodValidationPipe(idSchema);

/** 账号矩阵. Everyone who works with content or figures reads it within their scope; admins change it. */
@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly connection: AccountConnectionService,
    private readonly oauth: AccountOAuthService,
  ) {}

  @Get()
  @Roles(...accountReaderRoles)
  list(@CurrentActor() actor: Actor, @Query() q: AccountListQueryDto) {
    return this.accounts.list(actor, q);
  }

  @Get(':id')
  @Roles(...accountReaderRoles)
  get(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.accounts.get(actor, id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateAccountDto) {
    return this.accounts.create(actor, body);
  }

  /** Also disables and enables (`{ disabled }`), as for users. */
  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: UpdateAccountDto) {
    return this.accounts.update(actor, id, body);
  }

  /** Write-only: the answer says which credentials are set, never what they are. */
  @Post(':id/credentials')
  @HttpCode(200)
  @Roles('admin')
  setCredentials(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe) id: number,
    @Body() body: SetCredentialsDto,
  ) {
    return this.accounts.setCredentials(actor, id, body);
  }

  /** 测试连接: 200 either way; `ok` and the channel's own error text tell the outcome. */
  @Post(':id/test')
  @HttpCode(200)
  @Roles('admin')
  test(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.connection.test(actor, id);
  }

  @Get(':id/oauth/authorize-url')
  @Roles('admin')
  authorizeUrl(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe) id: number,
    @Query() q: OAuthAuthorizeQueryDto,
  ) {
    return this.oauth.authorizeUrl(actor, id, q.redirectUri);
  }

  @Post(':id/oauth/code')
  @HttpCode(200)
  @Roles('admin')
  exchangeCode(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: OAuthCodeDto) {
    return this.oauth.exchangeCode(actor, id, body);
  }
}
