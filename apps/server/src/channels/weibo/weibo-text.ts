// Recognising our own post on the timeline. Weibo rewrites links (t.cn short links) and a repost of a
// repost appends "//@name:their text", so the comparison ignores links and whitespace and allows the tail.
function normalise(text: string): string {
  return text.replace(/https?:\/\/\S+/g, '').replace(/\s+/g, '');
}

export function sameWeiboText(posted: string, sent: string): boolean {
  const a = normalise(posted);
  const b = normalise(sent);
  return b.length > 0 && (a === b || a.startsWith(`${b}//@`));
}
