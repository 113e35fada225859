import { Injectable } from '@nestjs/common';
import { channelSecretKeys, channelUsesUserToken, type ConnectionTestResult } from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { SecretBoxError } from '../../common/secret-box';
import { ChannelRegistry } from '../../channels/channel-registry';
import { type ChannelAccount } from '../../channels/channel.interface';
import { type AccountEntity } from '../../database/entities';
import { AuditService } from '../audit/audit.service';
import { AccountCredentials } from './account-credentials';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { explainFailure } from './connection-test';

type Outcome = Omit<ConnectionTestResult, 'testedAt'>;

/** 测试连接: a real call to the platform through the account's channel provider. */
@Injectable()
export class AccountConnectionService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly repo: AccountsRepository,
    private readonly credentials: AccountCredentials,
    private readonly registry: ChannelRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async test(actor: Actor, id: number): Promise<ConnectionTestResult> {
    const account = await this.accounts.administered(actor, id);
    const testedAt = this.clock.now();
    const outcome = await this.attempt(account, testedAt);
    await this.audit.record({
      actor,
      action: 'account.test',
      result: outcome.ok ? 'success' : 'failed',
      targetType: 'account',
      targetId: id,
      detail: [account.name, outcome.message, outcome.channelCode, outcome.channelMessage]
        .filter(Boolean)
        .join('：')
        .slice(0, 1000),
    });
    return { ...outcome, testedAt: testedAt.toISOString() };
  }

  private async attempt(account: AccountEntity, now: Date): Promise<Outcome> {
    const missing = this.missingCredentials(account);
    if (missing.length) return failed(`请先设置凭据：${missing.join('、')}`);
    let target: ChannelAccount;
    try {
      target = this.credentials.toChannelAccount(account);
    } catch (err) {
      if (!(err instanceof SecretBoxError)) throw err;
      return failed('已保存的凭据无法解密（SUNLIGHT_SECRET_KEY 已更换），请重新设置该账号的凭据');
    }
    try {
      const check = await this.registry.provider(account.channel).testConnection(target);
      if (account.authFailedAt) await this.repo.setCredentials(account.id, { authFailedAt: null });
      return {
        ok: true,
        displayName: check.displayName,
        detail: check.detail ?? null,
        message: `连接成功：渠道确认账号为「${check.displayName}」`,
        channelCode: null,
        channelMessage: null,
      };
    } catch (err) {
      const secrets = [...Object.values(target.secrets), ...(target.accessToken ? [target.accessToken] : [])];
      const why = explainFailure(err, secrets);
      if (why.credentialsRejected) await this.repo.setCredentials(account.id, { authFailedAt: now });
      return {
        ...failed(why.message),
        channelCode: why.channelCode,
        channelMessage: why.channelMessage,
      };
    }
  }

  private missingCredentials(a: AccountEntity): string[] {
    const set = this.credentials.secretsSet(a);
    const missing: string[] = channelSecretKeys[a.channel].filter((k) => !set[k]);
    if (channelUsesUserToken[a.channel] && !a.accessToken) missing.push('访问令牌');
    return missing;
  }
}

function failed(message: string): Outcome {
  return { ok: false, displayName: null, detail: null, message, channelCode: null, channelMessage: null };
}
