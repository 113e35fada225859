import { Injectable } from '@nestjs/common';
import { hashPassword } from '../../common/passwords';
import { type DepartmentEntity } from '../../database/entities';
import { DepartmentsRepository } from '../departments/departments.repository';
import { SettingsService } from '../settings/settings.service';
import { UsersRepository } from '../users/users.repository';
import { demoDepartments, demoUsers } from './demo-organisation';

/** Fills a new installation with the demonstration organisation and its users. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly users: UsersRepository,
    private readonly settings: SettingsService,
  ) {}

  async seed(root: DepartmentEntity, password: string, mustChangePassword: boolean): Promise<void> {
    const byName = new Map<string, DepartmentEntity>();
    for (const name of demoDepartments) byName.set(name, await this.departments.create(name, root));
    const passwordHash = await hashPassword(password);
    for (const u of demoUsers) {
      if (await this.users.usernameTaken(u.username)) continue;
      const home = u.home ? byName.get(u.home)! : root;
      const scope = u.scope ? byName.get(u.scope)! : root;
      await this.users.create(
        {
          username: u.username,
          displayName: u.displayName,
          departmentId: home.id,
          passwordHash,
          mustChangePassword,
        },
        [{ role: u.role, departmentId: scope.id }],
      );
    }
    await this.settings.markDemo();
  }
}
