import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { CompiledDictionary } from './compiled-dictionary';
import { SafetyRepository } from './safety.repository';

/** How stale a process's dictionary may be before it asks the database for the version again. */
export const dictionaryRecheckMs = 5_000;

/**
 * The compiled dictionary of this process. The gate's hot path touches no database: at most once every
 * few seconds one indexed read of the version row tells whether another process (or this one) changed the
 * dictionaries; only then are the entries read again and the automaton rebuilt.
 */
@Injectable()
export class SafetyDictionaryCache {
  private readonly logger = new Logger('SafetyDictionary');
  private compiled: CompiledDictionary | undefined;
  private checkedAt = -Infinity;
  private pending: Promise<CompiledDictionary> | undefined;

  constructor(
    private readonly repo: SafetyRepository,
    private readonly clock: Clock,
  ) {}

  /** The current dictionary; `fresh` asks the database now (the dispatcher's last check before sending). */
  current(fresh = false): Promise<CompiledDictionary> {
    const age = this.clock.now().getTime() - this.checkedAt;
    if (this.compiled && !fresh && age < dictionaryRecheckMs) return Promise.resolve(this.compiled);
    // Concurrent callers share one check and at most one rebuild.
    this.pending ??= this.refresh().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** After a change made by this process: the next check reads the version at once. */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  private async refresh(): Promise<CompiledDictionary> {
    const checkedAt = this.clock.now().getTime();
    const version = await this.repo.version();
    if (!this.compiled || this.compiled.version !== version) {
      const started = Date.now();
      const compiled = CompiledDictionary.compile(await this.repo.snapshot());
      this.logger.log(
        `dictionary version ${compiled.version}: ${compiled.terms.length} words, ${compiled.domains.size} domains, compiled in ${Date.now() - started} ms`,
      );
      this.compiled = compiled;
    }
    this.checkedAt = checkedAt;
    return this.compiled;
  }
}
