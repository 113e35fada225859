import { Injectable } from '@nestjs/common';
import { type PostGate } from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { PostAccess } from './post-access';
import { PostGateService } from './post-gate.service';
import { PostsRepository } from './posts.repository';

/** The gate's findings on a post as it stands, for the composer's highlights and the reviewer's list. */
@Injectable()
export class PostGateCheck {
  constructor(
    private readonly repo: PostsRepository,
    private readonly access: PostAccess,
    private readonly gate: PostGateService,
  ) {}

  async of(actor: Actor, id: number): Promise<PostGate> {
    const post = await this.access.readable(actor, id);
    return this.gate.report(post, await this.repo.posts.variants(id));
  }
}
