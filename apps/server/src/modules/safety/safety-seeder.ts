import { Injectable, Logger } from '@nestjs/common';
import { SafetyDictionaryCache } from './dictionary-cache';
import { readDefaultDictionaries } from './default-dictionaries';
import { SafetyRepository } from './safety.repository';

/**
 * The first start of an installation (or the first after this feature arrived) loads the default
 * dictionaries from config/dictionaries, once: an admin who later empties a list keeps it empty.
 */
@Injectable()
export class SafetyDictionarySeeder {
  private readonly logger = new Logger('SafetyDictionary');

  constructor(
    private readonly repo: SafetyRepository,
    private readonly cache: SafetyDictionaryCache,
  ) {}

  async seedOnce(): Promise<number> {
    if ((await this.repo.state()).seeded) return 0;
    const { entries, problems } = readDefaultDictionaries();
    for (const p of problems) this.logger.warn(`default dictionary line skipped: ${p}`);
    // Without the files (a deployment that left config/ behind) nothing is claimed: a later start may seed.
    if (!entries.length) {
      this.logger.warn('no default dictionaries found in config/dictionaries');
      return 0;
    }
    if (!(await this.repo.seedOnce(entries))) return 0;
    this.cache.invalidate();
    this.logger.log(`default dictionaries loaded: ${entries.length} entries`);
    return entries.length;
  }
}
