import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createPostRequestSchema,
  idSchema,
  postListQuerySchema,
  postReaderRoles,
  regenerateVariantsRequestSchema,
  sanitiseRequestSchema,
  updatePostRequestSchema,
  updateVariantRequestSchema,
} from '@sunlight/contracts';
import { createZodDto, ZodValidationPipe } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { sanitiseHtml } from './html-sanitiser';
import { PostDetails } from './post-details.service';
import { PostsService } from './posts.service';

class PostListQueryDto extends createZodDto(postListQuerySchema) {}
class CreatePostDto extends createZodDto(createPostRequestSchema) {}
class UpdatePostDto extends createZodDto(updatePostRequestSchema) {}
class UpdateVariantDto extends createZodDto(updateVariantRequestSchema) {}
class RegenerateDto extends createZodDto(regenerateVariantsRequestSchema) {}
class SanitiseDto extends createZodDto(sanitiseRequestSchema) {}
const idPipe = new ZodValidationPipe(idSchema);

/** 稿件: drafts, autosave (PATCH with the version read), channel variants, history. */
@ApiTags('posts')
@Controller('posts')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly details: PostDetails,
  ) {}

  @Get()
  @Roles(...postReaderRoles)
  list(@CurrentActor() actor: Actor, @Query() q: PostListQueryDto) {
    return this.details.list(actor, q);
  }

  @Post()
  @Roles('editor')
  create(@CurrentActor() actor: Actor, @Body() body: CreatePostDto) {
    return this.posts.create(actor, body);
  }

  /** Pasted HTML (Word, WPS, web pages) cleaned by the same allow-list the server stores with. */
  @Post('sanitise')
  @HttpCode(200)
  @Roles('editor')
  sanitise(@Body() body: SanitiseDto) {
    return { html: sanitiseHtml(body.html) };
  }

  @Get(':id')
  @Roles(...postReaderRoles)
  get(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.details.get(actor, id);
  }

  /** Autosave and edits; 409 when someone saved a newer version meanwhile. */
  @Patch(':id')
  @Roles('editor')
  update(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: UpdatePostDto) {
    return this.posts.update(actor, id, body);
  }

  @Post(':id/variants/generate')
  @HttpCode(200)
  @Roles('editor')
  regenerate(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: RegenerateDto) {
    return this.posts.regenerate(actor, id, body);
  }

  @Patch(':id/variants/:accountId')
  @Roles('editor')
  updateVariant(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe) id: number,
    @Param('accountId', idPipe) accountId: number,
    @Body() body: UpdateVariantDto,
  ) {
    return this.posts.updateVariant(actor, id, accountId, body);
  }

  /** Versions, the timeline of transitions and every review step. */
  @Get(':id/history')
  @Roles(...postReaderRoles)
  history(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.details.history(actor, id);
  }
}
