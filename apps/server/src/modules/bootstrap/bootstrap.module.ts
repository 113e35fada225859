import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { DemoSeeder } from '../demo/demo.seeder';
import { UsersModule } from '../users/users.module';
import { BootstrapService } from './bootstrap.service';

@Module({
  imports: [DepartmentsModule, UsersModule],
  providers: [BootstrapService, DemoSeeder],
  exports: [BootstrapService],
})
export class BootstrapModule {}
