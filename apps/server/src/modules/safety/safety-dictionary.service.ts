import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type AuditAction,
  checkDictionaryEntry,
  type CreateDictionaryEntryRequest,
  describeEntry,
  type DictionaryEntry,
  type DictionaryKind,
  type DictionaryListQuery,
  type DictionarySummary,
  dictionaryKindLabels,
  formatDictionaryText,
  hitLevelLabels,
  type Page,
  type UpdateDictionaryEntryRequest,
  type UpdateDictionarySettingsRequest,
} from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { AppError, conflict, notFound } from '../../common/app-error';
import { AuditService } from '../audit/audit.service';
import { SafetyDictionaryCache } from './dictionary-cache';
import { describeDifferences, toDictionaryEntry, toEntryFields } from './safety-entry.mapper';
import { type EntryFields, SafetyRepository } from './safety.repository';

/** 敏感词库 management, the admin's alone: entries one by one, the link rule, and export. Every change is audited. */
@Injectable()
export class SafetyDictionaryService {
  constructor(
    private readonly repo: SafetyRepository,
    private readonly cache: SafetyDictionaryCache,
    private readonly audit: AuditService,
  ) {}

  async list(q: DictionaryListQuery): Promise<Page<DictionaryEntry>> {
    const [rows, total] = await this.repo.page(q);
    return { items: rows.map(toDictionaryEntry), total, page: q.page, pageSize: q.pageSize };
  }

  async summary(): Promise<DictionarySummary> {
    const [state, counts] = await Promise.all([this.repo.state(), this.repo.countByKind()]);
    return {
      version: state.version,
      counts,
      unlistedLinkLevel: state.unlistedLinkLevel,
      updatedAt: state.updatedAt.toISOString(),
    };
  }

  async create(actor: Actor, req: CreateDictionaryEntryRequest): Promise<DictionaryEntry> {
    const fields = toEntryFields(req.kind, checked(req.kind, req));
    await this.assertFree(req.kind, fields.termKey, fields.text);
    const id = await this.repo.create(fields, actor.username);
    this.cache.invalidate();
    await this.record(
      actor,
      'safety.entry_create',
      id,
      `${describeEntry(req.kind, fields.text)}${details(fields)}`,
    );
    return toDictionaryEntry((await this.repo.findById(id))!);
  }

  async update(actor: Actor, id: number, req: UpdateDictionaryEntryRequest): Promise<DictionaryEntry> {
    const stored = await this.repo.findById(id);
    if (!stored) throw notFound('词库条目', 'Dictionary entry');
    const next = checked(stored.kind, {
      text: req.text ?? stored.text,
      level: req.level === undefined ? stored.level : req.level,
      category: req.category === undefined ? stored.category : req.category,
      suggestion: req.suggestion === undefined ? stored.suggestion : req.suggestion,
    });
    const fields = toEntryFields(stored.kind, next);
    if (fields.termKey !== stored.termKey) await this.assertFree(stored.kind, fields.termKey, fields.text);
    const changes = describeDifferences(stored, next);
    if (changes.length) {
      const { kind: _kind, ...rest } = fields;
      await this.repo.update(id, rest);
      this.cache.invalidate();
      await this.record(
        actor,
        'safety.entry_update',
        id,
        `${describeEntry(stored.kind, stored.text)}：${changes.join('，')}`,
      );
    }
    return toDictionaryEntry((await this.repo.findById(id))!);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const stored = await this.repo.findById(id);
    if (!stored) throw notFound('词库条目', 'Dictionary entry');
    await this.repo.delete(id);
    this.cache.invalidate();
    await this.record(actor, 'safety.entry_delete', id, describeEntry(stored.kind, stored.text));
  }

  async updateSettings(actor: Actor, req: UpdateDictionarySettingsRequest): Promise<DictionarySummary> {
    const before = await this.repo.state();
    if (before.unlistedLinkLevel !== req.unlistedLinkLevel) {
      await this.repo.setUnlistedLinkLevel(req.unlistedLinkLevel);
      this.cache.invalidate();
      await this.record(
        actor,
        'safety.settings',
        null,
        `非法外链级别 ${hitLevelLabels[before.unlistedLinkLevel]} → ${hitLevelLabels[req.unlistedLinkLevel]}`,
      );
    }
    return this.summary();
  }

  /** The whole dictionary of a kind in the import format; exporting a sensitive-word list is audited too. */
  async exportText(actor: Actor, kind: DictionaryKind): Promise<string> {
    const entries = await this.repo.allOf(kind);
    await this.record(actor, 'safety.export', null, `${dictionaryKindLabels[kind]}：${entries.length} 条`);
    return formatDictionaryText(kind, entries);
  }

  private async assertFree(kind: DictionaryKind, key: string, text: string): Promise<void> {
    const existing = await this.repo.findByKey(kind, key);
    if (existing)
      throw conflict(
        `词库中已有${describeEntry(kind, existing.text)}${existing.text === text ? '' : `（与「${text}」视为同一词）`}`,
        `The dictionary already has this entry`,
      );
  }

  private record(actor: Actor, action: AuditAction, id: number | null, detail: string) {
    return this.audit.record({
      actor,
      action,
      result: 'success',
      targetType: 'safety_dictionary',
      ...(id === null ? {} : { targetId: id }),
      detail,
    });
  }
}

function checked(kind: DictionaryKind, input: Parameters<typeof checkDictionaryEntry>[1]) {
  const result = checkDictionaryEntry(kind, input);
  if (!result.ok)
    throw new AppError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      result.problem,
      'Invalid dictionary entry',
      [{ path: 'text', message: result.problem }],
    );
  return result.entry;
}

/** The rest of an entry for the audit log: （→「再接再厉」，提示，成语错写）. */
function details(e: Pick<EntryFields, 'level' | 'category' | 'suggestion'>): string {
  const parts = [
    e.suggestion ? `→「${e.suggestion}」` : '',
    e.level ? hitLevelLabels[e.level] : '',
    e.category,
  ];
  return `（${parts.filter(Boolean).join('，')}）`;
}
