import { HttpStatus, Injectable } from '@nestjs/common';
import { type Attachment, attachmentRules, postReaderRoles } from '@sunlight/contracts';
import { type Actor, coversPath } from '../../common/actor';
import { AppError, forbidden, notFound } from '../../common/app-error';
import { type AttachmentEntity } from '../../database/entities';
import { AuditService } from '../audit/audit.service';
import { sniffAttachment } from './attachment-sniff';
import { FileStore } from './file-store';
import { toAttachment } from './post.mapper';
import { PostsRepository } from './posts.repository';

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const MB = 1024 * 1024;

/** 附件: images and documents for posts, checked by their own bytes and size, stored by content hash. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly repo: PostsRepository,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: Actor, file: UploadedFile | undefined): Promise<Attachment> {
    if (!file) throw badFile('请选择要上传的文件', 'No file was sent');
    // Browsers send names as latin1 bytes of UTF-8 (multer keeps them so): 通报.pdf arrives mangled.
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, 255) || 'file';
    const sniffed = sniffAttachment(file.buffer, name);
    if (!sniffed)
      throw badFile(
        '只能上传 JPG、PNG、GIF 图片或 PDF、Word、Excel 文档',
        'Only JPEG/PNG/GIF images and PDF/Word/Excel documents',
      );
    const max = attachmentRules[sniffed.kind].maxBytes;
    if (file.size > max)
      throw new AppError(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'PAYLOAD_TOO_LARGE',
        `${sniffed.kind === 'image' ? '图片' : '文档'}不能超过 ${max / MB} MB`,
        `The file is larger than ${max / MB} MB`,
      );
    const hash = await this.files.put(file.buffer);
    const id = await this.repo.insertAttachment({
      hash,
      name,
      mime: sniffed.mime,
      size: file.size,
      departmentId: actor.departmentId,
      uploadedBy: actor.userId,
    });
    await this.audit.record({
      actor,
      action: 'attachment.upload',
      result: 'success',
      targetType: 'attachment',
      targetId: id,
      detail: `${name}（${sniffed.mime}，${file.size} 字节）`,
    });
    const [row] = await this.repo.attachments([id]);
    return toAttachment(row!);
  }

  /** Readable by everyone who works with posts in the uploader's department subtree. */
  async readable(actor: Actor, id: number): Promise<{ attachment: AttachmentEntity; path: string }> {
    const [a] = await this.repo.attachments([id]);
    if (!a?.department) throw notFound('附件', 'Attachment');
    if (!coversPath(actor, a.department.path, postReaderRoles))
      throw forbidden('该附件不在您的管辖范围内', 'Attachment outside your scope');
    return { attachment: a, path: this.files.pathOf(a.hash) };
  }
}

const badFile = (zh: string, en: string) =>
  new AppError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', zh, en, [{ path: 'file', message: zh }]);
