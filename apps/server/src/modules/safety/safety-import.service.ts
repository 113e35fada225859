import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type DictionaryImportLine,
  type DictionaryImportReport,
  type DictionaryKind,
  dictionaryKindLabels,
  type HitLevel,
  parseDictionaryText,
} from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { AppError } from '../../common/app-error';
import { AuditService } from '../audit/audit.service';
import { SafetyDictionaryCache } from './dictionary-cache';
import { describeDifferences, toEntryFields } from './safety-entry.mapper';
import { type EntryChanges, type EntryFields, SafetyRepository } from './safety.repository';

export interface ImportOptions {
  kind: DictionaryKind;
  text: string;
  defaultLevel: HitLevel;
  dryRun: boolean;
}

// The rejected lines named in the error of a file with nothing importable.
const ISSUES_SHOWN = 50;

/**
 * 导入词库: a text in the one-entry-a-line format (safety-lines.ts) merged into a dictionary. Every line is
 * accounted for — added, updated (saying what changed), skipped (already there, or repeated in the file)
 * or rejected (saying why) — and all changes are stored in one transaction. A file in which no line can be
 * read stores nothing and answers 400 with the reasons.
 */
@Injectable()
export class SafetyImportService {
  constructor(
    private readonly repo: SafetyRepository,
    private readonly cache: SafetyDictionaryCache,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, o: ImportOptions): Promise<DictionaryImportReport> {
    const parsed = parseDictionaryText(o.kind, o.text, o.defaultLevel);
    if (!parsed.some((p) => p.ok)) throw nothingToImport(parsed);

    const candidates = parsed.map((p) => (p.ok ? toEntryFields(o.kind, p.entry) : undefined));
    const stored = await this.repo.findByKeys(
      o.kind,
      candidates.flatMap((c) => (c ? [c.termKey] : [])),
    );
    const firstLine = new Map<string, number>();
    const added: EntryFields[] = [];
    const updated: Array<{ id: number; changes: EntryChanges }> = [];
    const lines: DictionaryImportLine[] = parsed.map((p, i) => {
      const c = candidates[i];
      if (!p.ok || !c)
        return { line: p.line, text: p.raw, outcome: 'rejected', reason: p.ok ? null : p.problem };
      const earlier = firstLine.get(c.termKey);
      if (earlier !== undefined)
        return { line: p.line, text: c.text, outcome: 'skipped', reason: `与第 ${earlier} 行重复` };
      firstLine.set(c.termKey, p.line);
      const existing = stored.get(c.termKey);
      if (!existing) {
        added.push(c);
        return { line: p.line, text: c.text, outcome: 'added', reason: null };
      }
      const differences = describeDifferences(existing, p.entry);
      if (!differences.length)
        return { line: p.line, text: c.text, outcome: 'skipped', reason: '词库中已有相同条目' };
      const { kind: _kind, termKey: _key, ...changes } = c;
      updated.push({ id: existing.id, changes });
      return { line: p.line, text: c.text, outcome: 'updated', reason: differences.join('，') };
    });

    const count = (outcome: DictionaryImportLine['outcome']) =>
      lines.filter((l) => l.outcome === outcome).length;
    const report = {
      kind: o.kind,
      dryRun: o.dryRun,
      added: added.length,
      updated: updated.length,
      skipped: count('skipped'),
      rejected: count('rejected'),
      lines,
    };
    if (!o.dryRun && (added.length || updated.length)) {
      await this.repo.applyImport(added, updated, actor.username);
      this.cache.invalidate();
    }
    if (!o.dryRun)
      await this.audit.record({
        actor,
        action: 'safety.import',
        result: 'success',
        targetType: 'safety_dictionary',
        detail: `${dictionaryKindLabels[o.kind]}：新增 ${report.added}，更新 ${report.updated}，跳过 ${report.skipped}，错误 ${report.rejected}`,
      });
    return { ...report, version: await this.repo.version() };
  }
}

function nothingToImport(parsed: ReturnType<typeof parseDictionaryText>): AppError {
  const rejected = parsed.flatMap((p) =>
    p.ok ? [] : [{ path: `lines.${p.line}`, message: `第 ${p.line} 行：${p.problem}` }],
  );
  const zh = rejected.length
    ? `没有可导入的条目：${rejected.length} 行都有错误，未导入任何内容`
    : '没有可导入的条目：文件中只有空行或说明';
  return new AppError(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    zh,
    rejected.length ? `Nothing imported: all ${rejected.length} lines are malformed` : 'Nothing to import',
    rejected.slice(0, ISSUES_SHOWN),
  );
}
