import { describe, expect, it } from 'vitest';
import { astralFoldsToSelf, foldTerm, foldText } from './text-fold';

describe('text folding', () => {
  it('makes full-width and upper-case Latin plain, keeping every position', () => {
    expect(foldText('ＡＢＣ１２３Ｘ机密')).toEqual({ text: 'abc123x机密', from: null, to: null });
    expect(foldTerm('VPN　翻墙')).toBe('vpn 翻墙');
  });

  it('remembers where each folded unit came from when a character expands or shrinks', () => {
    const folded = foldText('a㈱𝐁');
    expect(folded.text).toBe('a(株)b');
    expect(Array.from(folded.from!)).toEqual([0, 1, 1, 1, 2]);
    expect(Array.from(folded.to!)).toEqual([1, 2, 2, 2, 4]);
  });

  it('leaves emoji and rare characters alone', () => {
    expect(astralFoldsToSelf('😀'.codePointAt(0)!)).toBe(true);
    expect(astralFoldsToSelf('𠮷'.codePointAt(0)!)).toBe(true);
    expect(astralFoldsToSelf('𝐀'.codePointAt(0)!)).toBe(false);
    expect(foldText('😀网传').text).toBe('😀网传');
  });
});
