import { HttpStatus, Injectable } from '@nestjs/common';
import { channelHasColumns, channelLabels, postBodyMaxLength, postReaderRoles } from '@sunlight/contracts';
import { type Actor, coversPath } from '../../common/actor';
import { AppError, forbidden } from '../../common/app-error';
import { type AccountEntity, type AttachmentEntity, type ColumnEntity } from '../../database/entities';
import { sanitiseHtml } from './html-sanitiser';
import { PostsRepository } from './posts.repository';
import { type PostTarget } from './variant-rows';

const invalid = (path: string, message: string) =>
  new AppError(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    `提交的内容有误：${path}：${message}`,
    `Invalid input: ${path}`,
    [{ path, message }],
  );

/** Checks what an editor puts into a post: target accounts in their scope, their own uploads, clean HTML. */
@Injectable()
export class PostInputs {
  constructor(private readonly repo: PostsRepository) {}

  /** Sanitised body HTML, within what WeChat (the strictest channel) accepts. */
  body(html: string): string {
    const clean = sanitiseHtml(html);
    if (clean.length > postBodyMaxLength)
      throw invalid('body', `正文不超过 ${postBodyMaxLength} 个字符（含格式）`);
    return clean;
  }

  /**
   * Accounts the editor may write for (editor scope), enabled and able to publish, with their columns. On
   * another department's account the editor may write to the columns their department is responsible for
   * (责任部门: a 分局 keeping its column of the city portal updated).
   */
  async targets(
    actor: Actor,
    inputs: ReadonlyArray<{ accountId: number; columnId: number | null }>,
  ): Promise<PostTarget[]> {
    const ids = [...new Set(inputs.map((t) => t.accountId))];
    if (ids.length !== inputs.length) throw invalid('targets', '同一账号只能选择一次');
    const accounts = await this.repo.posts.accounts(ids);
    const columns = (await this.repo.posts.columnsOf(ids)).filter((c) => !c.disabled);
    return inputs.map((t, i) => {
      const account = accounts.find((a) => a.id === t.accountId);
      if (!account?.department) throw invalid(`targets.${i}.accountId`, '账号不存在');
      const ofAccount = columns.filter((c) => c.accountId === account.id);
      const column = t.columnId === null ? null : (ofAccount.find((c) => c.id === t.columnId) ?? null);
      if (!mayWriteTo(actor, account, column, ofAccount))
        throw forbidden(
          `账号「${account.name}」不在您的管辖范围内，也没有由您的部门负责的栏目`,
          'Target account outside your scope',
        );
      if (account.disabled) throw invalid(`targets.${i}.accountId`, `账号「${account.name}」已停用`);
      if (account.channel === 'feed')
        throw invalid(`targets.${i}.accountId`, `${channelLabels.feed}不能发布`);
      if (t.columnId === null) return { account, column: null };
      if (!column || !channelHasColumns[account.channel])
        throw invalid(`targets.${i}.columnId`, '栏目不属于该账号或已停用');
      return { account, column };
    });
  }

  /** Uploads the caller may use: made within a department they work for. */
  async attachments(actor: Actor, ids: readonly number[]): Promise<AttachmentEntity[]> {
    const found = await this.repo.attachments(ids);
    for (const id of ids) {
      const a = found.find((f) => f.id === id);
      if (!a?.department || !coversPath(actor, a.department.path, postReaderRoles))
        throw invalid('attachmentIds', `附件 ${id} 不存在或不在您的管辖范围内`);
    }
    return ids.map((id) => found.find((f) => f.id === id)!);
  }
}

/**
 * An account in the editor's scope, or a column of it (chosen, or still to be chosen) whose 责任部门 is: the
 * column is checked again when it is picked, and a portal target cannot be submitted without one.
 */
function mayWriteTo(
  actor: Actor,
  account: AccountEntity,
  column: ColumnEntity | null,
  columnsOfAccount: readonly ColumnEntity[],
): boolean {
  if (coversPath(actor, account.department!.path, ['editor'])) return true;
  const responsible = (c: ColumnEntity) =>
    !!c.responsibleDepartment && coversPath(actor, c.responsibleDepartment.path, ['editor']);
  return column ? responsible(column) : columnsOfAccount.some(responsible);
}
