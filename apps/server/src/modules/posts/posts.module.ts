import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { SafetyModule } from '../safety/safety.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { FileStore } from './file-store';
import { PostAccess } from './post-access';
import { PostDetails } from './post-details.service';
import { PostEditor } from './post-editor.service';
import { PostGateCheck } from './post-gate-check.service';
import { PostGateService } from './post-gate.service';
import { PostInputs } from './post-inputs';
import { PostJournal } from './post-journal';
import { PostsController } from './posts.controller';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';
import { PublicationActions } from './publication-actions.service';
import { PublicationsController } from './publications.controller';
import { ReviewQueueController } from './review-queue.controller';
import { ReviewService } from './review.service';
import { ScheduleService } from './schedule.service';
import { WorkflowController } from './workflow.controller';

/**
 * 稿件、审核、排期: composing, the review workflow and scheduling. The dispatcher (worker) takes over from the
 * queued publications this module writes; the content calendar reads them.
 */
@Module({
  imports: [DepartmentsModule, SafetyModule],
  controllers: [
    PostsController,
    WorkflowController,
    ReviewQueueController,
    PublicationsController,
    AttachmentsController,
  ],
  providers: [
    PostsRepository,
    PostAccess,
    PostInputs,
    PostJournal,
    PostGateService,
    PostGateCheck,
    PostDetails,
    PostEditor,
    PostsService,
    ReviewService,
    ScheduleService,
    PublicationActions,
    AttachmentsService,
    FileStore,
  ],
  // The demo's first start writes its recent posts through the same services the pages call.
  exports: [PostGateService, FileStore, PostsService, ReviewService, ScheduleService, AttachmentsService],
})
export class PostsModule {}
