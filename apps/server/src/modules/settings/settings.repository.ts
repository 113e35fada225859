import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SettingEntity } from '../../database/entities';

@Injectable()
export class SettingsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.ds.getRepository(SettingEntity).findOneBy({ key }))?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.ds.getRepository(SettingEntity).save({ key, value });
  }
}
