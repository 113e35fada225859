import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoginThrottleEntity } from '../../database/entities';

@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(LoginThrottleEntity);
  }

  find(username: string): Promise<LoginThrottleEntity | null> {
    return this.repo.findOneBy({ username });
  }

  async save(t: LoginThrottleEntity): Promise<void> {
    await this.repo.save(t);
  }

  async clear(username: string): Promise<void> {
    await this.repo.delete({ username });
  }
}
