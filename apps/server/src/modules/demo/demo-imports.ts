import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AccountsRepository } from '../accounts/accounts.repository';
import { CollectionAdminService } from '../collection/collection-admin.service';
import { DemoActors } from './demo-actors';

/**
 * 导入历史 of every demo account, as demo_admin would start it from the account matrix: the workers walk each
 * account's history back to its first post, and the matrix shows the progress.
 */
@Injectable()
export class DemoImports {
  private readonly logger = new Logger('DemoImports');

  constructor(
    private readonly actors: DemoActors,
    private readonly accounts: AccountsRepository,
    // The collection module is built per role (api/worker), so it is looked up rather than imported here.
    private readonly modules: ModuleRef,
  ) {}

  async startAll(): Promise<number> {
    const admin = await this.actors.of('demo_admin');
    const collection = this.modules.get(CollectionAdminService, { strict: false });
    const accounts = await this.accounts.list({ paths: admin.grants.map((g) => g.path) });
    for (const a of accounts) await collection.startImport(admin, a.id);
    this.logger.log(`history import of ${accounts.length} demo accounts started`);
    return accounts.length;
  }
}
