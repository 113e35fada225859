import { Injectable } from '@nestjs/common';
import { channelSecretFields, channelSecretKeys, type SetCredentialsRequest } from '@sunlight/contracts';
import { conflict } from '../../common/app-error';
import { SecretBox, SecretBoxError } from '../../common/secret-box';
import { type ChannelAccount } from '../../channels/channel.interface';
import { type AccountEntity } from '../../database/entities';
import { type SealedCredentials } from './accounts.repository';

type StoredCredentials = Pick<
  AccountEntity,
  'id' | 'channel' | 'secrets' | 'secretKeys' | 'accessToken' | 'tokenExpiresAt'
>;

export interface CredentialChange {
  secrets?: Readonly<Record<string, string>>;
  clear?: readonly string[];
  accessToken?: string | null;
  tokenExpiresAt?: Date | null;
}

export function credentialChangeOf(req: SetCredentialsRequest): CredentialChange {
  return {
    secrets: req.secrets,
    clear: req.clear,
    accessToken: req.accessToken,
    tokenExpiresAt: req.tokenExpiresAt === undefined ? undefined : toDate(req.tokenExpiresAt),
  };
}

/**
 * The only place that seals and opens an account's secrets and token. Each value is sealed for its own
 * account and column, so a sealed value copied elsewhere in the database does not open.
 */
@Injectable()
export class AccountCredentials {
  constructor(private readonly box: SecretBox) {}

  /** Which of the channel's secrets are stored (已设置/未设置), without decrypting anything. */
  secretsSet(a: Pick<AccountEntity, 'channel' | 'secretKeys'>): Record<string, boolean> {
    const stored = new Set(a.secretKeys.split(',').filter(Boolean));
    return Object.fromEntries(channelSecretFields(a.channel).map((k) => [k, stored.has(k)]));
  }

  openSecrets(a: Pick<AccountEntity, 'id' | 'secrets'>): Record<string, string> {
    if (!a.secrets) return {};
    return JSON.parse(this.box.open(a.secrets, secretsContext(a.id))) as Record<string, string>;
  }

  openToken(a: Pick<AccountEntity, 'id' | 'accessToken'>): string | null {
    return a.accessToken ? this.box.open(a.accessToken, tokenContext(a.id)) : null;
  }

  /** The account as a channel provider sees it. Throws SecretBoxError when the key has changed. */
  toChannelAccount(a: AccountEntity): ChannelAccount {
    return {
      id: a.id,
      channel: a.channel,
      baseUrl: a.baseUrl,
      settings: JSON.parse(a.settings) as Record<string, string>,
      secrets: this.openSecrets(a),
      accessToken: this.openToken(a),
    };
  }

  /** The sealed credentials of an account being created. */
  sealNew(id: number, channel: AccountEntity['channel'], change: CredentialChange) {
    const empty = { id, channel, secrets: null, secretKeys: '', accessToken: null, tokenExpiresAt: null };
    return this.apply(empty, change);
  }

  /** The columns to write for a change; secrets not named are kept as they are. */
  apply(a: StoredCredentials, change: CredentialChange): SealedCredentials {
    const out: SealedCredentials = {};
    if (change.secrets !== undefined || change.clear !== undefined) {
      const next = { ...this.existingSecrets(a, change), ...change.secrets };
      for (const key of change.clear ?? []) delete next[key];
      const keys = Object.keys(next).sort();
      out.secrets = keys.length ? this.box.seal(JSON.stringify(next), secretsContext(a.id)) : null;
      out.secretKeys = keys.join(',');
    }
    if (change.accessToken !== undefined) {
      out.accessToken =
        change.accessToken === null ? null : this.box.seal(change.accessToken, tokenContext(a.id));
      out.tokenExpiresAt = change.accessToken === null ? null : (change.tokenExpiresAt ?? null);
    } else if (change.tokenExpiresAt !== undefined) {
      out.tokenExpiresAt = change.tokenExpiresAt;
    }
    // New credentials deserve a new verdict from the platform.
    if (Object.keys(out).length) out.authFailedAt = null;
    return out;
  }

  /**
   * Stored secrets to merge a change into. When they no longer open (the key was replaced) they are
   * lost; that is only acceptable when the change supplies every secret of the channel again.
   */
  private existingSecrets(a: StoredCredentials, change: CredentialChange): Record<string, string> {
    try {
      return this.openSecrets(a);
    } catch (err) {
      if (!(err instanceof SecretBoxError)) throw err;
      const given = Object.keys(change.secrets ?? {});
      if (channelSecretKeys[a.channel].every((k) => given.includes(k))) return {};
      throw conflict(
        '已保存的凭据无法解密（SUNLIGHT_SECRET_KEY 已更换），请重新填写该账号的全部凭据',
        'Stored credentials cannot be decrypted (the secret key changed); enter all of them again',
      );
    }
  }
}

const toDate = (iso: string | null) => (iso === null ? null : new Date(iso));
const secretsContext = (id: number) => `account:${id}:secrets`;
const tokenContext = (id: number) => `account:${id}:access_token`;
