import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Facts about this installation (e.g. whether it runs on demo data). */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
