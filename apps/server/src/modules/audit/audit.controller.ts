import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { auditQuerySchema } from '@sunlight/contracts';
import { createZodDto } from 'nestjs-zod';
import { Roles } from '../../common/decorators';
import { AuditService } from './audit.service';

class AuditQueryDto extends createZodDto(auditQuerySchema) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** 安全审计员 only; there is deliberately no write endpoint. */
  @Get()
  @Roles('auditor')
  search(@Query() q: AuditQueryDto) {
    return this.audit.search(q);
  }
}
