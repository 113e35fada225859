import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  idSchema,
  postReaderRoles,
  reviewDecisionRequestSchema,
  scheduleRequestSchema,
  schedulerRoles,
  urgentApproveRequestSchema,
  versionedRequestSchema,
} from '@sunlight/contracts';
import { createZodDto, ZodValidationPipe } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { PostGateCheck } from './post-gate-check.service';
import { ReviewService } from './review.service';
import { ScheduleService } from './schedule.service';

class VersionedDto extends createZodDto(versionedRequestSchema) {}
class ReviewDecisionDto extends createZodDto(reviewDecisionRequestSchema) {}
class UrgentApproveDto extends createZodDto(urgentApproveRequestSchema) {}
class ScheduleDto extends createZodDto(scheduleRequestSchema) {}
const idPipe = new ZodValidationPipe(idSchema);

/** The workflow of a post: submit → 初审 (→ 复审) → 终审 → 排期, and back. Each step names the version it saw. */
@ApiTags('posts')
@Controller('posts/:id')
export class WorkflowController {
  constructor(
    private readonly review: ReviewService,
    private readonly schedule: ScheduleService,
    private readonly gate: PostGateCheck,
  ) {}

  /** The content-safety gate's findings on the post as it stands. */
  @Get('gate')
  @Roles(...postReaderRoles)
  check(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.gate.of(actor, id);
  }

  @Post('submit')
  @HttpCode(200)
  @Roles('editor')
  submit(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: VersionedDto) {
    return this.review.submit(actor, id, body);
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles('editor')
  withdraw(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: VersionedDto) {
    return this.review.withdraw(actor, id, body);
  }

  @Post('review')
  @HttpCode(200)
  @Roles('reviewer', 'approver')
  decide(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: ReviewDecisionDto) {
    return this.review.decide(actor, id, body);
  }

  @Post('urgent-approve')
  @HttpCode(200)
  @Roles('approver')
  urgent(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: UrgentApproveDto) {
    return this.review.urgentApprove(actor, id, body);
  }

  /** 排期 at a time, or now; on a scheduled post, moves all its queued publications. */
  @Post('schedule')
  @HttpCode(200)
  @Roles(...schedulerRoles)
  scheduleAt(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: ScheduleDto) {
    return this.schedule.schedule(actor, id, body);
  }

  @Post('cancel')
  @HttpCode(200)
  @Roles(...schedulerRoles)
  cancel(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.schedule.cancel(actor, id);
  }

  @Post('send-now')
  @HttpCode(200)
  @Roles(...schedulerRoles)
  sendNow(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.schedule.sendNow(actor, id);
  }
}
