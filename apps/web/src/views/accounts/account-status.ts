import type { Channel, CredentialStatus } from '@sunlight/contracts';

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** One colour per channel, the same wherever a channel is tagged. */
export const channelTagTypes: Record<Channel, TagType> = {
  portal: 'primary',
  weibo: 'warning',
  wechat: 'success',
  feed: 'info',
};

export const credentialTagTypes: Record<CredentialStatus, TagType> = {
  valid: 'success',
  expiring: 'warning',
  invalid: 'danger',
  missing: 'danger',
  not_required: 'info',
};
