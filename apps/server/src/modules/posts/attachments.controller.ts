import { createReadStream } from 'node:fs';
import { Controller, Get, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { attachmentRules, idSchema, postReaderRoles } from '@sunlight/contracts';
import { ZodValidationPipe } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { AttachmentsService, type UploadedFile as Upload } from './attachments.service';

const idPipe = new ZodValidationPipe(idSchema);
const largest = Math.max(...Object.values(attachmentRules).map((r) => r.maxBytes));

/** 附件 upload (multipart field `file`) and download. */
@ApiTags('posts')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles('editor')
  @ApiConsumes('multipart/form-data')
  // Multer stops reading past the largest allowed size; the service applies each kind's own limit.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: largest, files: 1 } }))
  upload(@CurrentActor() actor: Actor, @UploadedFile() file: Upload | undefined) {
    return this.attachments.upload(actor, file);
  }

  /** Images open in place (the editor and previews show them); documents download. */
  @Get(':id/content')
  @Roles(...postReaderRoles)
  async content(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    const { attachment, path } = await this.attachments.readable(actor, id);
    const inline = attachment.mime.startsWith('image/');
    return new StreamableFile(createReadStream(path), {
      type: attachment.mime,
      length: attachment.size,
      disposition: `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
    });
  }
}
