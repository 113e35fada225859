import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { SessionEntity } from '../../database/entities';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(SessionEntity);
  }

  async insert(s: Omit<SessionEntity, 'createdAt' | 'user'>): Promise<void> {
    await this.repo.insert(s);
  }

  findLive(tokenHash: string): Promise<SessionEntity | null> {
    return this.repo.findOneBy({ tokenHash, revokedAt: IsNull() });
  }

  async touch(tokenHash: string, at: Date): Promise<void> {
    await this.repo.update({ tokenHash }, { lastSeenAt: at });
  }

  async revoke(tokenHash: string, at: Date): Promise<void> {
    await this.repo.update({ tokenHash, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeAllOf(userId: number, at: Date): Promise<void> {
    await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Sessions past their absolute end carry no information worth keeping (logins are in the audit log). */
  async deleteExpiredBefore(at: Date): Promise<void> {
    await this.repo.delete({ expiresAt: LessThan(at) });
  }
}
