import { type ReviewAnchor } from '@sunlight/contracts';

/** The longest quote an anchor keeps (the contract's limit). */
const MAX_QUOTE = 500;

/**
 * Where a selection sits in the plain text of `root` (what the server's positions count), or null when it
 * is empty or lies outside it.
 */
export function selectionOffsets(root: Node, range: Range): { start: number; end: number } | null {
  if (range.collapsed || !root.contains(range.startContainer) || !root.contains(range.endContainer))
    return null;
  const before = document.createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

/** 批注: the comment with the passage it refers to. */
export function makeAnchor(text: string, start: number, end: number, comment: string): ReviewAnchor {
  return { quote: text.slice(start, end).slice(0, MAX_QUOTE), start, end, text: comment.trim() };
}

/** The text cut into plain and commented pieces, for showing a rejected post's comments in place. */
export function anchoredPieces(
  text: string,
  anchors: readonly ReviewAnchor[],
): Array<{ text: string; anchor: ReviewAnchor | null }> {
  const pieces: Array<{ text: string; anchor: ReviewAnchor | null }> = [];
  let at = 0;
  for (const a of [...anchors].sort((x, y) => x.start - y.start)) {
    if (a.start < at || a.end > text.length) continue;
    if (a.start > at) pieces.push({ text: text.slice(at, a.start), anchor: null });
    pieces.push({ text: text.slice(a.start, a.end), anchor: a });
    at = a.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), anchor: null });
  return pieces;
}

/** 已等待: 3天2小时, 5小时10分钟, 8分钟. */
export function formatWaiting(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return `${days}天${hours % 24}小时`;
  if (hours > 0) return `${hours}小时${minutes % 60}分钟`;
  return `${Math.max(minutes, 0)}分钟`;
}
