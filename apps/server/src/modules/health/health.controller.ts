import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { Public } from '../../common/decorators';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 while the database answers (workers being down shows in the body), 503 when it does not. */
  @Get()
  @Public()
  async check(@Res({ passthrough: true }) res: Response) {
    const h = await this.health.check();
    if (h.db === 'down') res.status(503);
    return h;
  }
}
