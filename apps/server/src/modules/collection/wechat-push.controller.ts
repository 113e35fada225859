import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idSchema, type WechatPushQuery, wechatPushQuerySchema } from '@sunlight/contracts';
import { type Response } from 'express';
import { ZodValidationPipe } from 'nestjs-zod';
import { Public } from '../../common/decorators';
import { WechatPushService } from './wechat-push.service';

const idPipe = new ZodValidationPipe(idSchema);
const queryPipe = new ZodValidationPipe(wechatPushQuerySchema);

/**
 * The URL to enter in the WeChat console's 服务器配置 for an account. Called by WeChat, not by a person: no
 * session, the signature made with the account's push token is the proof.
 */
@ApiTags('channels')
@Public()
@Controller('channels/wechat/:accountId/push')
export class WechatPushController {
  constructor(private readonly push: WechatPushService) {}

  @Get()
  async handshake(
    @Param('accountId', idPipe) accountId: number,
    @Query(queryPipe) q: WechatPushQuery,
    @Res() res: Response,
  ): Promise<void> {
    res.type('text/plain').send(await this.push.handshake(accountId, q));
  }

  /** Answers "success" so WeChat does not push the same message again. */
  @Post()
  @HttpCode(200)
  async receive(
    @Param('accountId', idPipe) accountId: number,
    @Query(queryPipe) q: WechatPushQuery,
    @Body() xml: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.push.receive(accountId, q, xml);
    res.type('text/plain').send('success');
  }
}
