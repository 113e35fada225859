import { Injectable } from '@nestjs/common';
import { type Actor } from '../../common/actor';
import { actorOf } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';

/** The demo users as the services see them when they act at first start, from this machine. */
@Injectable()
export class DemoActors {
  constructor(private readonly users: UsersRepository) {}

  async of(username: string): Promise<Actor> {
    const user = await this.users.findByUsername(username);
    if (!user || user.disabled) throw new Error(`demo user ${username} is missing or disabled`);
    return actorOf(user, '127.0.0.1');
  }
}
