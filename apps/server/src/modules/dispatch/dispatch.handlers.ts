// dispatch.send and dispatch.poll: the channel call in prepare (no transaction waits on the network), the
// state change in run, committed with the job or not at all.
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type JobEntity, type PublicationEntity } from '../../database/entities';
import { type JobHandler } from '../jobs/job-handlers';
import { type Outcome } from './dispatch-outcome';
import { pollPayloadOf, sendPayloadOf } from './dispatch-job-specs';
import { DispatchSettlement } from './dispatch-settle.service';
import { DispatchRepository } from './dispatch.repository';
import { DispatchService } from './dispatch.service';

interface Attempt {
  pub: PublicationEntity | null;
  outcome: Outcome;
  sealedToken: string | null;
}

@Injectable()
export class DispatchSendHandler implements JobHandler<Attempt> {
  constructor(
    private readonly service: DispatchService,
    private readonly settlement: DispatchSettlement,
    private readonly repo: DispatchRepository,
  ) {}

  async prepare(job: JobEntity): Promise<Attempt> {
    const pub = await this.repo.find(sendPayloadOf(job).publicationId);
    const outcome = await this.service.attempt(pub);
    // The token the send used, only when a refresh is asked for: skipped if another replaced it meanwhile.
    const refresh = outcome.kind === 'retry' && outcome.refreshToken;
    const sealedToken = pub && refresh ? await this.service.sealedToken(pub.accountId) : null;
    return { pub, outcome, sealedToken };
  }

  async run(_job: JobEntity, tx: EntityManager, a: Attempt): Promise<void> {
    if (!a.pub) return;
    await this.settlement.apply(tx, a.pub, 'sending', a.outcome, { sealedToken: a.sealedToken });
  }
}

@Injectable()
export class DispatchPollHandler implements JobHandler<Attempt> {
  constructor(
    private readonly service: DispatchService,
    private readonly settlement: DispatchSettlement,
    private readonly repo: DispatchRepository,
  ) {}

  async prepare(job: JobEntity): Promise<Attempt> {
    const pub = await this.repo.find(pollPayloadOf(job).publicationId);
    return { pub, outcome: await this.service.poll(pub), sealedToken: null };
  }

  async run(job: JobEntity, tx: EntityManager, a: Attempt): Promise<void> {
    if (!a.pub) return;
    const { polls } = pollPayloadOf(job);
    await this.settlement.apply(tx, a.pub, 'pending_confirmation', a.outcome, { polls });
  }
}
