import { describe, expect, it } from 'vitest';
import { registerSecret } from '../../src/redact.js';
import { cleanOutside, sanitizeLine, sanitizeText } from '../../src/sanitize.js';

describe('sanitizer for outside text', () => {
  it('shows escape sequences, C1 bytes, DEL and bidi overrides as visible escapes', () => {
    expect(sanitizeLine('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(sanitizeLine('\x1b]0;title\x07x')).toBe('\\x1b]0;title\\x07x');
    expect(sanitizeLine('x\x9by\x7f')).toBe('x\\x9by\\x7f');
    expect(sanitizeLine('abc\u202efed')).toBe('abc\\u202efed');
    expect(sanitizeLine('r\rn\nt\t')).toBe('r\\rn\\nt\\t');
  });
  it('leaves Korean text, emoji and ordinary punctuation alone', () => {
    const s = '스타벅스코리아 역삼점 (주) ☕ 🍜 1,234원';
    expect(sanitizeLine(s)).toBe(s);
    expect(sanitizeText(s)).toBe(s);
  });
  it('keeps newlines and tabs in multi-line text only', () => {
    expect(sanitizeText('a\nb\tc\x1b')).toBe('a\nb\tc\\x1b');
  });
  it('redacts registered secrets and bearer tokens before escaping', () => {
    registerSecret('s3cr3t-value-xyz');
    expect(cleanOutside('denied for s3cr3t-value-xyz\x1b[1m')).toBe('denied for ****\\x1b[1m');
    expect(cleanOutside('Bearer abc.def.ghi')).toBe('Bearer ****');
  });
});
