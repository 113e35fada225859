import {
  ChannelError,
  DuplicateContentError,
  MalformedResponseError,
  OutcomeUnknownError,
  PermanentError,
  RateLimitedError,
  ReauthRequiredError,
  RetryableError,
  TokenExpiredError,
} from '../../channels/channel-errors';

export interface FailureExplanation {
  /** 中文: what the failure means and what to do about it. */
  message: string;
  channelCode: string | null;
  /** The platform's own words, with any credential masked. */
  channelMessage: string;
  /** The platform refused the credentials themselves: the account shows 已失效 until they change. */
  credentialsRejected: boolean;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Turns whatever a provider threw during 测试连接 into words for the operator. */
export function explainFailure(err: unknown, secrets: readonly string[]): FailureExplanation {
  const mask = (text: string) =>
    secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join('***'), text);
  if (!(err instanceof ChannelError)) {
    const text = err instanceof Error ? err.message : String(err);
    return {
      message: '测试时发生意外错误，请检查接口地址后重试',
      channelCode: null,
      channelMessage: mask(text),
      credentialsRejected: false,
    };
  }
  return {
    message: meaning(err),
    channelCode: err.fault.code,
    channelMessage: mask(err.fault.message),
    credentialsRejected: err instanceof ReauthRequiredError || err instanceof TokenExpiredError,
  };
}

function meaning(err: ChannelError): string {
  if (err instanceof TokenExpiredError) return '访问令牌已过期或已被替换，请重新授权或填写新的访问令牌';
  if (err instanceof ReauthRequiredError)
    return '渠道不接受当前凭据（错误、已撤销或无权限），请核对后重新设置';
  if (err instanceof RateLimitedError) {
    const at = new Date(err.resetAt.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
    return `调用次数超过渠道限制，请在 ${at}（北京时间）之后重试`;
  }
  if (err instanceof RetryableError)
    return '渠道暂时无法访问（网络故障或服务繁忙），请检查接口地址或稍后重试';
  if (err instanceof OutcomeUnknownError) return '请求已发出但未收到渠道的应答，请稍后重试';
  if (err instanceof MalformedResponseError) return '渠道返回了无法识别的内容，请检查接口地址是否正确';
  if (err instanceof DuplicateContentError || err instanceof PermanentError)
    return '渠道拒绝了请求，请根据渠道返回的信息检查账号设置';
  return '连接失败';
}
