import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { safetyCheckRequestSchema, safetyCheckRoles } from '@sunlight/contracts';
import { createZodDto } from 'nestjs-zod';
import { Roles } from '../../common/decorators';
import { SafetyGate } from './safety-gate.service';

class SafetyCheckDto extends createZodDto(safetyCheckRequestSchema) {}

/** 内容安全检查 of a text as it is being written: the editor's live highlighting and the admin's 试一试. */
@ApiTags('safety')
@Controller('safety')
export class SafetyController {
  constructor(private readonly gate: SafetyGate) {}

  /** 200 whatever the verdict: `blocked`, `warnings` and the hits by field tell it. */
  @Post('check')
  @HttpCode(200)
  @Roles(...safetyCheckRoles)
  check(@Body() body: SafetyCheckDto) {
    return this.gate.check(body.fields, body.classification);
  }
}
