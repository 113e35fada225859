import { Injectable, Logger } from '@nestjs/common';
import { type Post } from '@sunlight/contracts';
import { type Actor, scopePaths } from '../../common/actor';
import { Clock } from '../../common/clock';
import { shanghaiDayOf, shanghaiDayStart } from '../../common/shanghai-time';
import { AccountsRepository } from '../accounts/accounts.repository';
import { ColumnsRepository } from '../accounts/columns.repository';
import { AttachmentsService } from '../posts/attachments.service';
import { PostsService } from '../posts/posts.service';
import { ReviewService } from '../posts/review.service';
import { ScheduleService } from '../posts/schedule.service';
import { SettingsService } from '../settings/settings.service';
import { DemoActors } from './demo-actors';
import { demoCover } from './demo-cover';
import { type DemoPostPlan, demoPostPlans } from './demo-posts-plan';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Writes the demo's recent posts through the same services the composer and the review pages call: the editor
 * writes and submits, demo_reviewer signs 初审, demo_approver 终审, and the post is queued for the dispatcher
 * (at once, or at its planned time). Each post is written once per installation.
 */
@Injectable()
export class DemoPosts {
  private readonly logger = new Logger('DemoPosts');

  constructor(
    private readonly actors: DemoActors,
    private readonly accounts: AccountsRepository,
    private readonly columns: ColumnsRepository,
    private readonly posts: PostsService,
    private readonly review: ReviewService,
    private readonly schedule: ScheduleService,
    private readonly attachments: AttachmentsService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** Writes the plans not written yet; returns how many it wrote. */
  async writeOnce(plans: readonly DemoPostPlan[] = demoPostPlans): Promise<number> {
    let written = 0;
    for (const plan of plans) {
      const step = `demo-post:${plan.key}`;
      if (await this.settings.isDone(step)) continue;
      try {
        await this.write(plan);
      } catch (e) {
        // A demo post that cannot be written (an account renamed in the demo file …) must not stop the start.
        this.logger.warn(`demo post ${plan.key} not written: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      await this.settings.markDone(step);
      written++;
    }
    return written;
  }

  private async write(plan: DemoPostPlan): Promise<Post> {
    const editor = await this.actors.of(plan.author);
    const reviewer = await this.actors.of('demo_reviewer');
    const approver = await this.actors.of('demo_approver');
    const targets = await this.targets(editor, plan);
    const cover = await this.attachments.upload(editor, {
      originalname: 'cover.png',
      buffer: demoCover(),
      size: demoCover().length,
    });
    let post = await this.posts.create(editor, {
      title: plan.title,
      body: plan.body,
      kind: 'original',
      forwardOf: null,
      classification: 'public',
      tags: plan.tags,
      targets,
      attachmentIds: [cover.id],
      urgent: false,
      urgentReason: null,
      scheduledAt: plan.scheduled ? this.plannedTime(plan.scheduled).toISOString() : null,
    });
    post = await this.review.submit(editor, post.id, { version: post.version });
    for (const signer of [reviewer, approver])
      post = await this.review.decide(signer, post.id, {
        version: post.version,
        decision: 'approve',
        comment: plan.reviewComment,
        anchors: [],
        acknowledgedWarnings: [],
      });
    // 终审 of a post without a planned time leaves it approved: the editor sends it at once.
    if (!plan.scheduled)
      post = await this.schedule.schedule(editor, post.id, { version: post.version, at: null });
    return post;
  }

  /** The plan's accounts among those the editor may write for, as the composer offers them. */
  private async targets(
    editor: Actor,
    plan: DemoPostPlan,
  ): Promise<{ accountId: number; columnId: number | null }[]> {
    const all = await this.accounts.list({ paths: scopePaths(editor, ['editor']) });
    return Promise.all(
      plan.targets.map(async (t) => {
        const account = all.find((a) => a.name === t.account && !a.disabled);
        if (!account) throw new Error(`no demo account named ${t.account}`);
        if (!t.column) return { accountId: account.id, columnId: null };
        const column = (await this.columns.listOf(account.id)).find((c) => c.code === t.column);
        if (!column) throw new Error(`no column ${t.column} on ${t.account}`);
        return { accountId: account.id, columnId: column.id };
      }),
    );
  }

  /** That many days from today (Asia/Shanghai) at the hour. */
  private plannedTime(at: { inDays: number; hour: number }): Date {
    const today = shanghaiDayStart(shanghaiDayOf(this.clock.now())).getTime();
    return new Date(today + at.inDays * DAY_MS + at.hour * HOUR_MS);
  }
}
