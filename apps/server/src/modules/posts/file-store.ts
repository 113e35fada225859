import { createHash } from 'node:crypto';
import { createReadStream, existsSync, type ReadStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/**
 * Uploaded bytes by content hash under <data dir>/files/<first two hex digits>/<sha-256>: a file sent twice is
 * stored once, and a stored file never changes (the dispatcher reads images by hash from the payload).
 */
@Injectable()
export class FileStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = join(config.dataDir, 'files');
  }

  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('not a sha-256 hash');
    return join(this.root, hash.slice(0, 2), hash);
  }

  async put(bytes: Buffer): Promise<string> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(hash);
    if (existsSync(path)) return hash;
    await mkdir(join(this.root, hash.slice(0, 2)), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const partial = `${path}.${process.pid}.${Date.now()}.part`;
    await writeFile(partial, bytes);
    await rename(partial, path);
    return hash;
  }

  open(hash: string): ReadStream {
    return createReadStream(this.pathOf(hash));
  }
}
