import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { ReviewService } from './review.service';

/** 待审稿件: what waits for the caller's signature, oldest first. */
@ApiTags('posts')
@Controller('review-queue')
export class ReviewQueueController {
  constructor(private readonly review: ReviewService) {}

  @Get()
  @Roles('reviewer', 'approver')
  queue(@CurrentActor() actor: Actor) {
    return this.review.queue(actor);
  }
}
