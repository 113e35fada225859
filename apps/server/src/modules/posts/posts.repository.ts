import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AttachmentEntity } from '../../database/entities';
import { retryOnDeadlock } from '../../database/deadlock-retry';
import { PostStore } from './post-store';
import { PublicationStore } from './publication-store';

export interface PostTx {
  posts: PostStore;
  publications: PublicationStore;
}

/** Entry to the posts' SQL: the stores outside a transaction, or bound to one for a state change. */
@Injectable()
export class PostsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  get posts(): PostStore {
    return new PostStore(this.ds.manager);
  }

  get publications(): PublicationStore {
    return new PublicationStore(this.ds.manager);
  }

  /** A state change and everything that goes with it (timeline, versions, publications) commit together. */
  transaction<T>(work: (tx: PostTx) => Promise<T>): Promise<T> {
    return retryOnDeadlock(() =>
      this.ds.transaction((em) => work({ posts: new PostStore(em), publications: new PublicationStore(em) })),
    );
  }

  async insertAttachment(row: Omit<AttachmentEntity, 'id' | 'createdAt' | 'department'>): Promise<number> {
    const repo = this.ds.getRepository(AttachmentEntity);
    return (await repo.save(repo.create(row))).id;
  }

  attachments(ids: readonly number[]): Promise<AttachmentEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.ds
      .getRepository(AttachmentEntity)
      .find({ where: { id: In([...ids]) }, relations: { department: true } });
  }
}
