import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  createDictionaryEntryRequestSchema,
  dictionaryExportQuerySchema,
  dictionaryImportQuerySchema,
  dictionaryImportRequestSchema,
  dictionaryKindLabels,
  dictionaryListQuerySchema,
  idSchema,
  updateDictionaryEntryRequestSchema,
  updateDictionarySettingsRequestSchema,
} from '@sunlight/contracts';
import { type Response } from 'express';
import { createZodDto, ZodValidationException, ZodValidationPipe } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { SafetyDictionaryService } from './safety-dictionary.service';
import { SafetyImportService } from './safety-import.service';

class DictionaryListQueryDto extends createZodDto(dictionaryListQuerySchema) {}
class CreateEntryDto extends createZodDto(createDictionaryEntryRequestSchema) {}
class UpdateEntryDto extends createZodDto(updateDictionaryEntryRequestSchema) {}
class SettingsDto extends createZodDto(updateDictionarySettingsRequestSchema) {}
class ExportQueryDto extends createZodDto(dictionaryExportQuerySchema) {}
const idPipe = new ZodValidationPipe(idSchema);

/** 敏感词库: the gate's dictionaries, managed by the admin alone; every change is audited. */
@ApiTags('safety')
@Controller('safety/dictionary')
@Roles('admin')
export class SafetyDictionaryController {
  constructor(
    private readonly dictionary: SafetyDictionaryService,
    private readonly importer: SafetyImportService,
  ) {}

  @Get()
  list(@Query() q: DictionaryListQueryDto) {
    return this.dictionary.list(q);
  }

  /** Counts per kind, the version, and the level of links outside the allow-list. */
  @Get('summary')
  summary() {
    return this.dictionary.summary();
  }

  @Patch('settings')
  settings(@CurrentActor() actor: Actor, @Body() body: SettingsDto) {
    return this.dictionary.updateSettings(actor, body);
  }

  /** The whole dictionary of a kind as text/plain, one entry a line (the import format). */
  @Get('export')
  async export(
    @CurrentActor() actor: Actor,
    @Query() q: ExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const text = await this.dictionary.exportText(actor, q.kind);
    const name = encodeURIComponent(`${dictionaryKindLabels[q.kind]}.txt`);
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${q.kind}.txt"; filename*=UTF-8''${name}`);
    return text;
  }

  /**
   * JSON `{ kind, text, defaultLevel?, dryRun? }`, or the file itself as text/plain with the options in the
   * query string. Answers what happened to every line.
   */
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/plain')
  import(@CurrentActor() actor: Actor, @Body() body: unknown, @Query() query: unknown) {
    const options = typeof body === 'string' ? dictionaryImportQuerySchema.safeParse(query) : undefined;
    if (options && !options.success) throw new ZodValidationException(options.error);
    const parsed = dictionaryImportRequestSchema.safeParse(options ? { ...options.data, text: body } : body);
    if (!parsed.success) throw new ZodValidationException(parsed.error);
    return this.importer.import(actor, parsed.data);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateEntryDto) {
    return this.dictionary.create(actor, body);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: UpdateEntryDto) {
    return this.dictionary.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number): Promise<void> {
    await this.dictionary.remove(actor, id);
  }
}
