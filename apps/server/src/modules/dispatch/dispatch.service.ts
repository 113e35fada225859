import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { publicationPayloadSchema } from '@sunlight/contracts';
import { ChannelRegistry } from '../../channels/channel-registry';
import type {
  ChannelAccount,
  ChannelProvider,
  PublicationStatus as ChannelStatus,
  OutgoingPublication,
} from '../../channels/channel.interface';
import { htmlToText } from '../../channels/text';
import { Clock } from '../../common/clock';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { type PublicationEntity } from '../../database/entities';
import { AccountCredentials } from '../accounts/account-credentials';
import { FileStore } from '../posts/file-store';
import { SafetyGate } from '../safety/safety-gate.service';
import {
  errorText,
  type Outcome,
  outcomeOfAbsence,
  outcomeOfError,
  outcomeOfStatus,
} from './dispatch-outcome';
import { DispatchRepository } from './dispatch.repository';

/** Later than this past its due time, a send is noted as late (迟发). */
const LATE_NOTE_MS = 60_000;

interface Target {
  provider: ChannelProvider;
  account: ChannelAccount;
}

/**
 * One attempt at one publication, everything outside a transaction: claim it, re-check the gate, send, and
 * when the outcome is uncertain ask the channel before anything is sent again. Returns what to write.
 */
@Injectable()
export class DispatchService {
  constructor(
    private readonly repo: DispatchRepository,
    private readonly registry: ChannelRegistry,
    private readonly credentials: AccountCredentials,
    private readonly gate: SafetyGate,
    private readonly files: FileStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One attempt at the publication as read just now (null: it is gone). */
  async attempt(found: PublicationEntity | null): Promise<Outcome> {
    if (!found) return { kind: 'skip' };
    const id = found.id;
    if (found.status === 'sending') {
      // Taken over from a worker that died mid-send: it may have gone out, so ask before sending.
      await this.repo.touch(id, '接管中断的发送，先向渠道核实');
      return this.reconcile(found, true);
    }
    if (found.status !== 'queued' || !found.dueAt || found.dueAt > this.clock.now()) return { kind: 'skip' };
    const lateMs = this.clock.now().getTime() - found.dueAt.getTime();
    if (lateMs > this.config.dispatch.maxLateMinutes * 60_000) {
      if (!(await this.repo.claim(id, this.clock.now()))) return { kind: 'skip' };
      const minutes = Math.round(lateMs / 60_000);
      return {
        kind: 'pending',
        externalId: null,
        note: `已超过发送时间 ${minutes} 分钟，未发送，请人工确认`,
        poll: false,
      };
    }
    const now = this.clock.now();
    if (!(await this.repo.claim(id, now))) return { kind: 'skip' };
    // As the claim left the row: the lookup after an unknown outcome tells the channel when it sent.
    const pub = { ...found, attempts: found.attempts + 1, sentAt: now };
    const blocked = await this.gateBlocks(pub);
    if (blocked) return { kind: 'failed', failure: 'permanent', note: blocked };
    return this.send(pub, lateMs > LATE_NOTE_MS ? `迟发 ${Math.round(lateMs / 60_000)} 分钟` : null);
  }

  /**
   * Asks the channel about a publication awaiting confirmation: one it accepted and is still publishing
   * (WeChat's asynchronous publishing, with the id it gave), or one whose send had an unknown outcome and
   * could not be checked at the time (no id).
   */
  async poll(pub: PublicationEntity | null): Promise<Outcome> {
    if (pub?.status !== 'pending_confirmation') return { kind: 'skip' };
    const accepted = pub.externalId !== null;
    let status: ChannelStatus;
    try {
      const t = await this.target(pub);
      status = await t.provider.fetchPublicationStatus(t.account, this.lookup(pub));
    } catch (err) {
      return { kind: 'pending', externalId: pub.externalId, note: errorText(err), poll: true, accepted };
    }
    const known = outcomeOfStatus(status, null, !accepted);
    if (known) return known;
    // An id the channel gave and no longer knows is for a person; no id and no trace: it never went out.
    if (accepted)
      return { kind: 'pending', externalId: pub.externalId, note: '渠道查无此条，请人工确认', poll: false };
    return outcomeOfAbsence(pub.lastError ?? '发送结果不明', pub.attempts, this.clock.now());
  }

  private async send(pub: PublicationEntity, lateNote: string | null): Promise<Outcome> {
    const now = this.clock.now();
    let t: Target;
    let outgoing: OutgoingPublication;
    try {
      t = await this.target(pub);
      outgoing = await this.outgoing(pub);
    } catch (err) {
      // Nothing was sent: an account gone or a file missing is for a person.
      return { kind: 'failed', failure: 'permanent', note: errorText(err) };
    }
    // Where the preparation takes long (WeChat's uploads and draft), the send is made at its submit, not at
    // the claim: a lookup after a lost answer must not count the preparation as publishing time.
    let sentAt = pub.sentAt;
    const beforeSubmit = async () => {
      sentAt = this.clock.now();
      await this.repo.markSent(pub.id, sentAt);
    };
    try {
      const result = await t.provider.publish(t.account, { ...outgoing, beforeSubmit });
      if (result.state === 'published') return { kind: 'published', ...result, note: lateNote };
      return {
        kind: 'pending',
        externalId: result.externalId,
        note: lateNote ?? '渠道处理中',
        poll: true,
        accepted: true,
      };
    } catch (err) {
      return (
        outcomeOfError(err, pub.attempts, now) ?? this.reconcile({ ...pub, sentAt }, false, errorText(err))
      );
    }
  }

  /**
   * Never resend blindly: published → published; absent → send (on takeover) or queue again after a backoff;
   * a question the channel could not answer now → 待确认, asked again by the poll job until it answers (a
   * person decides only if it never does).
   */
  private async reconcile(pub: PublicationEntity, sendIfAbsent: boolean, cause?: string): Promise<Outcome> {
    let status: ChannelStatus;
    try {
      const t = await this.target(pub);
      status = await t.provider.fetchPublicationStatus(t.account, this.lookup(pub));
    } catch (err) {
      return {
        kind: 'pending',
        externalId: pub.externalId,
        note: `无法确认是否已发出，稍后再向渠道核实: ${errorText(err)}`,
        poll: true,
      };
    }
    const known = outcomeOfStatus(status, cause ? `核实后确认: ${cause}` : null, true);
    if (known) return known;
    if (!sendIfAbsent) return outcomeOfAbsence(cause ?? '发送结果不明', pub.attempts, this.clock.now());
    // The dead worker may have died before its gate check: nothing goes out unchecked.
    const blocked = await this.gateBlocks(pub);
    if (blocked) return { kind: 'failed', failure: 'permanent', note: blocked };
    const now = this.clock.now();
    await this.repo.markSent(pub.id, now);
    return this.send({ ...pub, sentAt: now }, null);
  }

  private async gateBlocks(pub: PublicationEntity): Promise<string | null> {
    const classification = pub.postId !== null ? await this.repo.classificationOf(pub.postId) : null;
    if (!classification) return '找不到稿件，无法确认密级';
    const p = this.payload(pub);
    const result = await this.gate.check(
      [
        { name: 'title', text: p.title },
        ...(p.digest ? [{ name: 'digest', text: p.digest }] : []),
        { name: 'body', text: htmlToText(p.body), html: p.body },
      ],
      classification,
      { fresh: true },
    );
    if (!result.blocked) return null;
    if (result.classificationBlocked) return `内容安全: 密级不是公开 (${classification})，不能发送`;
    return `内容安全: 发送前复查发现 ${result.counts.block} 处禁用内容`;
  }

  private payload(pub: PublicationEntity) {
    return publicationPayloadSchema.parse(JSON.parse(pub.payload ?? 'null'));
  }

  private async outgoing(pub: PublicationEntity): Promise<OutgoingPublication> {
    const p = this.payload(pub);
    const images = await Promise.all(
      p.images.map(async (i) => ({
        fileName: i.fileName,
        contentType: i.contentType,
        data: await readFile(this.files.pathOf(i.hash)),
      })),
    );
    return {
      idempotencyKey: p.idempotencyKey,
      kind: p.kind,
      title: p.title,
      body: p.body,
      digest: p.digest,
      author: p.author,
      columnCode: p.columnCode,
      forwardOf: p.forwardOf,
      images,
      operatorIp: p.operatorIp,
    };
  }

  private lookup(pub: PublicationEntity) {
    const p = this.payload(pub);
    return {
      idempotencyKey: p.idempotencyKey,
      externalId: pub.externalId,
      title: p.title,
      body: p.body,
      // A send cannot predate the row; a day of slack covers clocks that disagree.
      notBefore: new Date(pub.createdAt.getTime() - 86_400_000),
      // Rows claimed before sent_at existed: the claim or a later settlement last touched them.
      sentAt: pub.sentAt ?? pub.updatedAt,
    };
  }

  private async target(pub: PublicationEntity): Promise<Target> {
    const account = await this.repo.account(pub.accountId);
    if (!account) throw new Error('账号不存在');
    if (account.disabled) throw new Error('账号已停用');
    return {
      provider: this.registry.provider(account.channel),
      account: this.credentials.toChannelAccount(account),
    };
  }

  /** The sealed token the send used, so a refresh queued for it is skipped if another already replaced it. */
  async sealedToken(accountId: number): Promise<string | null> {
    return (await this.repo.account(accountId))?.accessToken ?? null;
  }
}
