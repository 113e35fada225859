import {
  channelSecretFields,
  channelSettingsSchemas,
  channelUsesUserToken,
  type Account,
  type Channel,
  type SetCredentialsRequest,
} from '@sunlight/contracts';

export interface SettingField {
  key: string;
  required: boolean;
}

/** The settings a channel asks for, read from the contract's own schema so the form never drifts from it. */
export function settingFields(channel: Channel): SettingField[] {
  const shape = channelSettingsSchemas[channel].shape as Record<
    string,
    { safeParse(v: unknown): { success: boolean } }
  >;
  return Object.entries(shape).map(([key, schema]) => ({
    key,
    required: !schema.safeParse(undefined).success,
  }));
}

export function secretFields(channel: Channel): readonly string[] {
  return channelSecretFields(channel);
}

/** What the form holds; secrets start empty and are only sent when typed. */
export interface AccountDraft {
  departmentId: number | undefined;
  channel: Channel;
  name: string;
  baseUrl: string;
  settings: Record<string, string>;
  secrets: Record<string, string>;
  accessToken: string;
  tokenExpiresAt: string | null;
}

export function draftOf(account: Account | undefined, channel: Channel, departmentId?: number): AccountDraft {
  return {
    departmentId: account?.departmentId ?? departmentId,
    channel: account?.channel ?? channel,
    name: account?.name ?? '',
    baseUrl: account?.baseUrl ?? '',
    settings: { ...account?.settings },
    secrets: {},
    accessToken: '',
    tokenExpiresAt: account?.tokenExpiresAt ?? null,
  };
}

/** Settings the channel knows, without empty optional ones (an empty feed URL is not a URL). */
export function settingsOf(draft: AccountDraft): Record<string, string> {
  return Object.fromEntries(
    settingFields(draft.channel)
      .map((f) => [f.key, (draft.settings[f.key] ?? '').trim()] as const)
      .filter(([, value]) => value !== ''),
  );
}

/** Only what was typed: an untouched secret field keeps the stored value. */
export function typedSecrets(draft: AccountDraft): Record<string, string> | undefined {
  const typed = Object.fromEntries(
    secretFields(draft.channel)
      .map((key) => [key, (draft.secrets[key] ?? '').trim()] as const)
      .filter(([, value]) => value !== ''),
  );
  return Object.keys(typed).length ? typed : undefined;
}

/** The token typed by hand, with its expiry; or a changed expiry alone. undefined when nothing changed. */
export function tokenChange(
  draft: AccountDraft,
  account: Account | undefined,
): SetCredentialsRequest | undefined {
  if (!channelUsesUserToken[draft.channel]) return undefined;
  const token = draft.accessToken.trim();
  if (token) return { accessToken: token, tokenExpiresAt: draft.tokenExpiresAt };
  if (account?.accessTokenSet && draft.tokenExpiresAt !== account.tokenExpiresAt)
    return { tokenExpiresAt: draft.tokenExpiresAt };
  return undefined;
}
