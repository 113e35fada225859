import { Injectable, Logger } from '@nestjs/common';
import {
  type AuditAction,
  type AuditEntry,
  type AuditQuery,
  type AuditResult,
  type Page,
} from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { AuditRepository } from './audit.repository';

export interface AuditEvent {
  /** Who acted; for failed logins only the username they typed is known. */
  actor?: Pick<Actor, 'userId' | 'username' | 'ip'>;
  username?: string;
  ip?: string | null;
  action: AuditAction;
  result: AuditResult;
  targetType?: string;
  targetId?: string | number;
  detail?: string;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** Audit writes never hide the outcome of the action itself, but a lost entry is logged loudly. */
  async record(e: AuditEvent): Promise<void> {
    try {
      await this.repo.append({
        at: this.clock.now(),
        userId: e.actor?.userId ?? null,
        username: (e.actor?.username ?? e.username ?? null)?.slice(0, 64) ?? null,
        ip: (e.actor?.ip ?? e.ip ?? null)?.slice(0, 64) ?? null,
        action: e.action,
        result: e.result,
        targetType: e.targetType ?? null,
        targetId: e.targetId === undefined ? null : String(e.targetId),
        detail: e.detail ?? null,
      });
    } catch (err) {
      this.logger.error({ err, action: e.action }, 'audit entry could not be written');
    }
  }

  async search(q: AuditQuery): Promise<Page<AuditEntry>> {
    const [rows, total] = await this.repo.search(q);
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        userId: r.userId,
        username: r.username,
        ip: r.ip,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        result: r.result,
        detail: r.detail,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
