import { HttpStatus, Injectable } from '@nestjs/common';
import { type WechatPushQuery } from '@sunlight/contracts';
import { Clock } from '../../common/clock';
import { AppError, notFound } from '../../common/app-error';
import { MalformedResponseError } from '../../channels/channel-errors';
import { parseWechatPush, verifyWechatSignature } from '../../channels/wechat/wechat-push';
import { AccountCredentials } from '../accounts/account-credentials';
import { AccountsRepository } from '../accounts/accounts.repository';
import { PushedMessagesRepository } from './pushed-messages.repository';

const badSignature = () =>
  new AppError(
    HttpStatus.FORBIDDEN,
    'FORBIDDEN',
    '消息推送签名校验失败：请核对公众号后台“服务器配置”中的令牌 (Token) 与本账号设置的消息推送令牌是否一致',
    'WeChat push signature does not match the push token set on this account',
  );

/**
 * WeChat's message push for one account: the echostr handshake, and followers' messages stored as 私信
 * interactions. Every call must carry a signature made with the account's push token.
 */
@Injectable()
export class WechatPushService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly credentials: AccountCredentials,
    private readonly messages: PushedMessagesRepository,
    private readonly clock: Clock,
  ) {}

  async handshake(accountId: number, q: WechatPushQuery): Promise<string> {
    await this.verify(accountId, q);
    return q.echostr ?? '';
  }

  async receive(accountId: number, q: WechatPushQuery, xml: unknown): Promise<void> {
    await this.verify(accountId, q);
    if (typeof xml !== 'string' || xml.trim() === '')
      throw new AppError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', '推送内容为空', 'Empty WeChat push body');
    let push;
    try {
      push = parseWechatPush(xml);
    } catch (err) {
      if (!(err instanceof MalformedResponseError)) throw err;
      throw new AppError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', err.fault.message, err.fault.message);
    }
    // Publish-job events are the dispatcher's to reconcile by polling; only followers' messages are stored here.
    if (push.type === 'message') await this.messages.store(accountId, push.interaction, this.clock.now());
  }

  private async verify(accountId: number, q: WechatPushQuery): Promise<void> {
    const account = await this.accounts.findById(accountId);
    if (!account || account.channel !== 'wechat' || account.disabled)
      throw notFound('该公众号账号', 'WeChat account');
    const token = this.credentials.openSecrets(account).pushToken;
    if (!token || !verifyWechatSignature(token, q)) throw badSignature();
  }
}
