import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Channel, quotaRuleSchema } from '@sunlight/contracts';
import { z } from 'zod';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { type DepartmentEntity } from '../../database/entities';
import { AccountCredentials } from '../accounts/account-credentials';
import { AccountsRepository } from '../accounts/accounts.repository';
import { ColumnsRepository } from '../accounts/columns.repository';
import { DepartmentsRepository } from '../departments/departments.repository';
import { SettingsService } from '../settings/settings.service';
import { demoPortalOffice, demoRootName } from './demo-organisation';

const platformAccount = z.object({
  name: z.string().min(1),
  baseUrl: z.url(),
  credentials: z.record(z.string(), z.string().nullable()),
});

/**
 * The demo accounts file (SUNLIGHT_DEMO_ACCOUNTS): one Weibo and one WeChat account per department, named
 * as in the demo organisation, and the bureau's portal with its columns — where they live and how to log in.
 */
const demoAccountsSchema = z.object({
  departments: z.array(z.object({ name: z.string(), weibo: platformAccount, wechat: platformAccount })),
  portal: platformAccount.extend({
    feeds: z.object({ rss: z.url() }),
    config: z.object({ columns: z.array(z.object({ code: z.string(), name: z.string() })) }),
    /** 栏目更新要求 by column code: the demo's quotas, which the demo history was written against. */
    quotas: z.record(z.string(), quotaRuleSchema).default({}),
  }),
});
type PlatformAccount = z.infer<typeof platformAccount>;

interface NewAccount {
  channel: Channel;
  source: PlatformAccount;
  settings: Record<string, string>;
  secrets: Record<string, string>;
}

/**
 * Connects the demo organisation to the channel accounts of the demo accounts file, once: on a demo
 * installation that has no accounts yet. From then on the accounts are the operator's to change.
 */
@Injectable()
export class DemoChannels {
  private readonly logger = new Logger('DemoChannels');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
    private readonly departments: DepartmentsRepository,
    private readonly accounts: AccountsRepository,
    private readonly columns: ColumnsRepository,
    private readonly credentials: AccountCredentials,
  ) {}

  /** Whether it connected the accounts now (a first start), rather than finding them there. */
  async connectOnce(): Promise<boolean> {
    const file = this.config.demoAccountsFile;
    if (!file || !(await this.settings.isDemo()) || (await this.accounts.count()) > 0) return false;
    const parsed = demoAccountsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      this.logger.warn(`demo accounts file ${file} is not usable: ${parsed.error.message}`);
      return false;
    }
    const root = await this.departments.siblingNamed(null, demoRootName);
    if (!root) return false;
    const office = await this.departments.siblingNamed(root.id, demoPortalOffice);
    const { departments, portal } = parsed.data;
    let created = 0;
    for (const d of departments) {
      const dept = d.name === demoRootName ? root : await this.departments.siblingNamed(root.id, d.name);
      if (!dept) continue;
      const w = d.weibo.credentials;
      await this.create(dept, {
        channel: 'weibo',
        source: d.weibo,
        settings: pick({ uid: w.uid }),
        secrets: pick({ appKey: w.appKey, appSecret: w.appSecret }),
      });
      await this.create(dept, {
        channel: 'wechat',
        source: d.wechat,
        settings: pick({ appid: d.wechat.credentials.appid }),
        secrets: pick({ secret: d.wechat.credentials.secret }),
      });
      created += 2;
    }
    const portalId = await this.create(root, {
      channel: 'portal',
      source: portal,
      settings: pick({ siteId: portal.credentials.siteId, feedUrl: portal.feeds.rss }),
      secrets: pick({ apiKey: portal.credentials.apiKey }),
    });
    for (const c of portal.config.columns) {
      const quota = portal.quotas[c.code];
      await this.columns.create(portalId, {
        code: c.code,
        name: c.name,
        quotaPeriod: quota?.period ?? null,
        quotaMin: quota?.min ?? null,
        quotaMax: quota?.max ?? null,
        disabled: false,
        ...(office ? { responsibleDepartmentId: office.id } : {}),
      });
    }
    this.logger.log(`demo organisation connected to ${created + 1} channel accounts from ${file}`);
    return true;
  }

  private create(dept: DepartmentEntity, a: NewAccount): Promise<number> {
    const { accessToken, expiresAt } = a.source.credentials;
    return this.accounts.create(
      {
        departmentId: dept.id,
        channel: a.channel,
        name: a.source.name,
        baseUrl: a.source.baseUrl,
        settings: JSON.stringify(a.settings),
      },
      (id) =>
        this.credentials.sealNew(id, a.channel, {
          secrets: a.secrets,
          ...(accessToken ? { accessToken, tokenExpiresAt: expiresAt ? new Date(expiresAt) : null } : {}),
        }),
    );
  }
}

/** The entries that have a value. */
function pick(values: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => !!e[1]));
}
