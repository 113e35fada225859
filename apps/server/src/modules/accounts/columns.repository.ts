import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ColumnEntity } from '../../database/entities';

export type ColumnFields = Pick<
  ColumnEntity,
  'code' | 'name' | 'quotaPeriod' | 'quotaMin' | 'quotaMax' | 'disabled'
> &
  Partial<Pick<ColumnEntity, 'responsibleDepartmentId'>>;

/** Columns are always reached through an account the service has already checked for scope. */
@Injectable()
export class ColumnsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private repo() {
    return this.ds.getRepository(ColumnEntity);
  }

  /** With the account's department and the responsible one, which the answer names (责任部门). */
  listOf(accountId: number): Promise<ColumnEntity[]> {
    return this.repo().find({
      where: { accountId },
      relations: { account: { department: true }, responsibleDepartment: true },
      order: { disabled: 'ASC', code: 'ASC' },
    });
  }

  findOf(accountId: number, id: number): Promise<ColumnEntity | null> {
    return this.repo().findOne({
      where: { accountId, id },
      relations: { account: { department: true }, responsibleDepartment: true },
    });
  }

  async codeTaken(accountId: number, code: string, exceptId?: number): Promise<boolean> {
    const found = await this.repo().findOneBy({ accountId, code });
    return found !== null && found.id !== exceptId;
  }

  async create(accountId: number, fields: ColumnFields): Promise<number> {
    return (await this.repo().save(this.repo().create({ ...fields, accountId }))).id;
  }

  async update(id: number, changes: Partial<ColumnFields>): Promise<void> {
    if (Object.keys(changes).length) await this.repo().update(id, changes);
  }
}
