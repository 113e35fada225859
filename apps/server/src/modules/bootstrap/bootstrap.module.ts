import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { AccountsModule } from '../accounts/accounts.module';
import { DemoChannels } from '../demo/demo-channels';
import { DemoSeeder } from '../demo/demo.seeder';
import { UsersModule } from '../users/users.module';
import { BootstrapService } from './bootstrap.service';

@Module({
  imports: [DepartmentsModule, UsersModule, AccountsModule],
  providers: [BootstrapService, DemoSeeder, DemoChannels],
  exports: [BootstrapService, DemoChannels],
})
export class BootstrapModule {}
