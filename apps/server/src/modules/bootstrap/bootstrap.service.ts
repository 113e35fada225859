import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { generatePassword, hashPassword } from '../../common/passwords';
import { DepartmentsRepository } from '../departments/departments.repository';
import { demoRootName, demoUsers } from '../demo/demo-organisation';
import { DemoSeeder } from '../demo/demo.seeder';
import { UsersRepository } from '../users/users.repository';

export const BOOTSTRAP_ADMIN = 'admin';

export interface Credentials {
  username: string;
  password: string | undefined;
  mustChange: boolean;
}

/**
 * First start of an installation: the root department, the bootstrap admin and, when asked for,
 * the demo organisation. Generated passwords are returned to be printed once and never stored.
 */
@Injectable()
export class BootstrapService {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly departments: DepartmentsRepository,
    private readonly users: UsersRepository,
    private readonly demo: DemoSeeder,
  ) {}

  async firstStart(): Promise<Credentials[]> {
    if ((await this.departments.count()) > 0) return [];
    const root = await this.departments.create(this.config.demo ? demoRootName : '本单位', null);
    const issued: Credentials[] = [];
    const adminPassword = this.config.adminPassword ?? generatePassword();
    const adminMustChange = this.config.adminPassword === undefined;
    await this.users.create(
      {
        username: BOOTSTRAP_ADMIN,
        displayName: '系统管理员',
        departmentId: root.id,
        passwordHash: await hashPassword(adminPassword),
        mustChangePassword: adminMustChange,
      },
      [{ role: 'admin', departmentId: root.id }],
    );
    issued.push({
      username: BOOTSTRAP_ADMIN,
      password: adminMustChange ? adminPassword : undefined,
      mustChange: adminMustChange,
    });
    if (this.config.demo) {
      const demoPassword = this.config.demoPassword ?? generatePassword();
      const demoMustChange = this.config.demoPassword === undefined;
      await this.demo.seed(root, demoPassword, demoMustChange);
      for (const u of demoUsers)
        issued.push({
          username: u.username,
          password: demoMustChange ? demoPassword : undefined,
          mustChange: demoMustChange,
        });
      this.logger.log(`demo organisation ${demoRootName} created`);
    }
    return issued;
  }
}
