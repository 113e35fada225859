import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DepartmentsModule } from '../departments/departments.module';
import { PostsModule } from '../posts/posts.module';
import { UsersModule } from '../users/users.module';
import { DemoActors } from './demo-actors';
import { DemoChannels } from './demo-channels';
import { DemoFirstStart } from './demo-first-start';
import { DemoImports } from './demo-imports';
import { DemoPosts } from './demo-posts';
import { DemoSeeder } from './demo.seeder';

/** 演示数据: the demo organisation, its channel accounts, their history and its recent posts. */
@Module({
  imports: [DepartmentsModule, UsersModule, AccountsModule, PostsModule],
  providers: [DemoSeeder, DemoChannels, DemoActors, DemoImports, DemoPosts, DemoFirstStart],
  exports: [DemoSeeder, DemoChannels, DemoFirstStart],
})
export class DemoModule {}
