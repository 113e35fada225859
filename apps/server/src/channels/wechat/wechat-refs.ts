// Which article an id means. A WeChat article is known by its message's msg_data_id and its 1-based place
// in the message, written "<msg_data_id>_<idx>" — the datacube's own `msgid`, so statistics, comments and
// the article list meet on one id. Article links carry both (mid=, idx=), as mp.weixin.qq.com links do.
export interface ArticleRef {
  msgDataId: string;
  /** 1-based */
  idx: number;
}

export function refId(ref: ArticleRef): string {
  return `${ref.msgDataId}_${ref.idx}`;
}

export function parseRefId(id: string): ArticleRef | null {
  const m = /^(\d+)_(\d+)$/.exec(id);
  return m ? { msgDataId: m[1]!, idx: Number(m[2]) } : null;
}

export function refFromUrl(url: string | undefined): ArticleRef | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const mid = parsed.searchParams.get('mid');
  const idx = parsed.searchParams.get('idx');
  return mid && /^\d+$/.test(mid) && idx && /^\d+$/.test(idx) ? { msgDataId: mid, idx: Number(idx) } : null;
}

/** The article's id: its ref when the link has one, else the article list's own id and the index. */
export function articleExternalId(articleId: string, idx: number, url: string | undefined): string {
  const ref = refFromUrl(url);
  return ref ? refId(ref) : `${articleId}_${idx}`;
}
