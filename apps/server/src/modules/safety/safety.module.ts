import { Module } from '@nestjs/common';
import { SafetyDictionaryCache } from './dictionary-cache';
import { SafetyDictionaryController } from './safety-dictionary.controller';
import { SafetyDictionaryService } from './safety-dictionary.service';
import { SafetyGate } from './safety-gate.service';
import { SafetyImportService } from './safety-import.service';
import { SafetyDictionarySeeder } from './safety-seeder';
import { SafetyController } from './safety.controller';
import { SafetyRepository } from './safety.repository';

/**
 * 内容安全 (上网不涉密，涉密不上网). Imported in every role: the api checks drafts and manages the
 * dictionaries, the worker's dispatcher checks again right before sending. Others import this module for
 * SafetyGate.
 */
@Module({
  controllers: [SafetyController, SafetyDictionaryController],
  providers: [
    SafetyRepository,
    SafetyDictionaryCache,
    SafetyGate,
    SafetyDictionaryService,
    SafetyImportService,
    SafetyDictionarySeeder,
  ],
  exports: [SafetyGate, SafetyDictionarySeeder],
})
export class SafetyModule {}
