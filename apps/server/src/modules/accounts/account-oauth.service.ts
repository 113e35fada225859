import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type Account,
  channelLabels,
  channelUsesUserToken,
  type OAuthAuthorizeResponse,
  type OAuthCodeRequest,
} from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { AppError, conflict } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { SecretBox, SecretBoxError } from '../../common/secret-box';
import { type WeiboApp, WeiboOAuth } from '../../channels/weibo/weibo-oauth';
import { type AccountEntity } from '../../database/entities';
import { AuditService } from '../audit/audit.service';
import { AccountCredentials } from './account-credentials';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { explainFailure } from './connection-test';

/** How long the operator has to approve on the platform's page. */
const STATE_TTL_MS = 10 * 60 * 1000;

/**
 * 微博授权: the OAuth authorisation-code flow. The state handed to the browser is signed and names the
 * account, the admin and the redirect address, so a code can only land on the account it was asked for.
 */
@Injectable()
export class AccountOAuthService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly repo: AccountsRepository,
    private readonly credentials: AccountCredentials,
    private readonly box: SecretBox,
    private readonly weibo: WeiboOAuth,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async authorizeUrl(actor: Actor, id: number, redirectUri: string): Promise<OAuthAuthorizeResponse> {
    const account = await this.authorisable(actor, id);
    const payload = `${account.id}.${actor.userId}.${this.clock.now().getTime() + STATE_TTL_MS}`;
    const state = `${payload}.${this.box.sign(`${payload}|${redirectUri}`)}`;
    return { url: this.weibo.authorizeUrl(this.app(account, redirectUri), state), state };
  }

  async exchangeCode(actor: Actor, id: number, req: OAuthCodeRequest): Promise<Account> {
    const account = await this.authorisable(actor, id);
    this.checkState(req.state, account.id, actor.userId, req.redirectUri);
    const app = this.app(account, req.redirectUri);
    const grant = await this.weibo
      .exchangeCode(app, this.secrets(account).appSecret ?? '', req.code)
      .catch(async (err: unknown) => {
        const why = explainFailure(err, Object.values(this.secrets(account)));
        const text = [why.channelCode, why.channelMessage].filter(Boolean).join(' ');
        await this.record(actor, account, 'failed', `${why.message}：${text}`);
        throw new AppError(
          HttpStatus.BAD_REQUEST,
          'BAD_REQUEST',
          `微博授权失败：${why.message}（渠道返回：${text}）`,
          `Weibo authorisation failed: ${text}`,
        );
      });
    const settings = JSON.parse(account.settings) as Record<string, string>;
    if (settings.uid && settings.uid !== grant.uid)
      throw conflict(
        `授权的微博账号（UID ${grant.uid}）不是该账号设置的 UID ${settings.uid}，请用正确的微博账号登录后重新授权`,
        'The authorised Weibo user is not the account’s uid',
      );
    if (!settings.uid)
      await this.repo.update(id, { settings: JSON.stringify({ ...settings, uid: grant.uid }) });
    await this.repo.setCredentials(
      id,
      this.credentials.apply(account, { accessToken: grant.accessToken, tokenExpiresAt: grant.expiresAt }),
    );
    await this.record(
      actor,
      account,
      'success',
      `UID ${grant.uid}，有效期至 ${grant.expiresAt.toISOString()}`,
    );
    return this.accounts.get(actor, id);
  }

  private async authorisable(actor: Actor, id: number): Promise<AccountEntity> {
    const account = await this.accounts.administered(actor, id);
    if (!channelUsesUserToken[account.channel])
      throw conflict(
        `${channelLabels[account.channel]}账号无需授权`,
        `${account.channel} accounts are not authorised by OAuth`,
      );
    const set = this.credentials.secretsSet(account);
    if (!set.appKey || !set.appSecret)
      throw conflict('请先设置 App Key 和 App Secret，再进行授权', 'Set the app key and secret first');
    return account;
  }

  private secrets(account: AccountEntity): Record<string, string> {
    try {
      return this.credentials.openSecrets(account);
    } catch (err) {
      if (!(err instanceof SecretBoxError)) throw err;
      throw conflict(
        '已保存的凭据无法解密（SUNLIGHT_SECRET_KEY 已更换），请重新设置该账号的凭据',
        'Stored credentials cannot be decrypted',
      );
    }
  }

  private app(account: AccountEntity, redirectUri: string): WeiboApp {
    return { baseUrl: account.baseUrl, appKey: this.secrets(account).appKey ?? '', redirectUri };
  }

  private checkState(state: string, accountId: number, userId: number, redirectUri: string): void {
    const parts = state.split('.');
    const [account, user, expires, signature] = parts;
    const payload = parts.slice(0, 3).join('.');
    const valid =
      parts.length === 4 &&
      this.box.verify(`${payload}|${redirectUri}`, signature ?? '') &&
      Number(account) === accountId &&
      Number(user) === userId &&
      Number(expires) > this.clock.now().getTime();
    if (!valid)
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'BAD_REQUEST',
        '授权请求已过期或不属于该账号，请重新点击“微博授权”',
        'OAuth state is invalid or expired',
      );
  }

  private record(actor: Actor, account: AccountEntity, result: 'success' | 'failed', detail: string) {
    return this.audit.record({
      actor,
      action: 'account.authorized',
      result,
      targetType: 'account',
      targetId: account.id,
      detail: `${account.name}：${detail}`.slice(0, 1000),
    });
  }
}
