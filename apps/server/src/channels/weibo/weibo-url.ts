// Public links of statuses: https://weibo.com/<uid>/<bid>, where bid is the mid in Weibo's base62 form
// (the mid's decimal digits in groups of seven from the right, each group as four base62 characters).
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function base62(n: number): string {
  let out = '';
  do {
    out = ALPHABET[n % 62]! + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out;
}

export function midToBid(mid: string): string {
  const parts: string[] = [];
  for (let end = mid.length; end > 0; end -= 7) {
    const start = Math.max(0, end - 7);
    const chunk = base62(Number(mid.slice(start, end)));
    parts.unshift(start > 0 ? chunk.padStart(4, '0') : chunk);
  }
  return parts.join('');
}

export function statusUrl(uid: string | null, mid: string): string | null {
  return uid ? `https://weibo.com/${uid}/${midToBid(mid)}` : null;
}
