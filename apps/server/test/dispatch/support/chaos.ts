// The sandbox's fault layer set to break about a fifth of the platform calls of every kind — publishing,
// the lookups that reconcile, the collector's reads — in every way the wire can fail: gateway errors before
// and after the platform acted, dropped connections before and after, a held connection, Weibo's own
// system error. Rate limits and dead tokens are left out: they are waits and a person's work, not faults
// to ride through. Publishing is also made slow, so that a kill lands while a send is in flight.
import { type ChannelSandbox } from '../../channels/support/channel-sandbox';

// Each rule fires on its own; a call fails when any does: 1 − Π(1 − p) = 20.9 % of Weibo and WeChat calls,
// 20.1 % of the portal's.
const RULES = [
  { kind: 'status', status: 502, phase: 'before', probability: 0.05 },
  { kind: 'status', status: 503, phase: 'after', probability: 0.04 },
  { kind: 'drop', phase: 'before', probability: 0.04 },
  { kind: 'drop', phase: 'after', probability: 0.04 },
  { kind: 'timeout', phase: 'before', delayMs: 1_500, probability: 0.03 },
  { kind: 'platformError', platform: 'weibo', code: 10001, phase: 'before', probability: 0.03 },
  { kind: 'platformError', platform: 'wechat', code: -1, phase: 'before', probability: 0.03 },
  { kind: 'status', platform: 'portal', status: 500, phase: 'before', probability: 0.02 },
  { kind: 'slow', platform: 'weibo', endpoint: '/2/statuses/share.json', delayMs: 250 },
  { kind: 'slow', platform: 'wechat', endpoint: '/cgi-bin/freepublish/submit', delayMs: 250 },
  { kind: 'slow', platform: 'portal', endpoint: '/api/cms/articles', method: 'POST', delayMs: 250 },
];

export async function injectFaults(sandbox: ChannelSandbox): Promise<void> {
  for (const rule of RULES) await sandbox.ctl('POST', '/faults', rule);
}
