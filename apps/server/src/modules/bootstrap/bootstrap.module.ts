import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { AccountsModule } from '../accounts/accounts.module';
import { DemoModule } from '../demo/demo.module';
import { UsersModule } from '../users/users.module';
import { BootstrapService } from './bootstrap.service';

@Module({
  imports: [DepartmentsModule, UsersModule, AccountsModule, DemoModule],
  providers: [BootstrapService],
  exports: [BootstrapService],
})
export class BootstrapModule {}
