// Terminal tables (fitted by display width, free text cut with …), TSV, CSV formula neutralising, and what
// `--account` accepts.

import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { matchAccounts } from '../../src/app/account-ref.js';
import { csvLine, neutralizeFormula } from '../../src/render/csv-line.js';
import { groupErrors } from '../../src/render/status-text.js';
import { fitColumns, terminalTable, truncateWidth, tsvLine, type TableModel } from '../../src/render/table.js';

const bold = (s: string) => s;

describe('truncateWidth', () => {
  it('cuts by terminal cells: Hangul and emoji count two, the ellipsis one', () => {
    expect(truncateWidth('스타벅스코리아', 7)).toBe('스타벅…');
    expect(stringWidth(truncateWidth('스타벅스코리아', 7))).toBe(7);
    expect(truncateWidth('커피☕️☕️☕️', 6)).toBe('커피…');
    expect(truncateWidth('abc', 3)).toBe('abc');
    expect(truncateWidth('abcd', 3)).toBe('ab…');
    // a grapheme cluster is never split (family emoji is one cell pair)
    expect(truncateWidth('a👨‍👩‍👧bc', 3)).toBe('a…');
    expect(truncateWidth('a👨‍👩‍👧bc', 4)).toBe('a👨‍👩‍👧…');
  });
});

describe('terminalTable', () => {
  const model: TableModel = {
    columns: [{ header: 'date' }, { header: 'amount', align: 'right' }, { header: 'memo', flex: true }, { header: 'account', drop: 1 }],
    rows: [
      ['2026-11-01', '-4,500', '스타벅스코리아 역삼점 아메리카노 두 잔', '…123456'],
      ['2026-11-02', '+3,000,000', '급여', '…654321'],
    ],
  };

  it('no borders, one line per row, a header line; fits exactly when there is room', () => {
    const out = terminalTable(model, { columns: 200, bold }).split('\n');
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^DATE\s+AMOUNT\s+MEMO\s+ACCOUNT$/);
    expect(out.join('')).not.toMatch(/[│┌─]/);
    expect(out[1]).toContain('스타벅스코리아 역삼점 아메리카노 두 잔');
    // right-aligned amounts end in the same column
    expect(stringWidth(out[1]!.split('-4,500')[0]! + '-4,500')).toBe(stringWidth(out[2]!.split('+3,000,000')[0]! + '+3,000,000'));
  });

  for (const cols of [40, 50, 60, 80]) {
    it(`never wider than ${cols} columns; the memo is cut with …`, () => {
      const out = terminalTable(model, { columns: cols, bold }).split('\n');
      for (const l of out) expect(stringWidth(l), l).toBeLessThanOrEqual(cols);
      expect(out[1]).toContain('…');
    });
  }

  it('drops droppable columns only when the free text cannot shrink enough', () => {
    const natural = [10, 10, 40, 7];
    expect(fitColumns(model.columns, natural, 60).keep).toEqual([0, 1, 2, 3]);
    expect(fitColumns(model.columns, natural, 35).keep).toEqual([0, 1, 2]);
  });

  it('outside text is shown escaped, and colour is applied after fitting', () => {
    const out = terminalTable(
      { columns: [{ header: 'memo', flex: true }, { header: 'n' }], rows: [['\x1b[2Jclear\r\u009b', { text: '5', style: (s) => `<${s}>` }]] },
      { columns: 80, bold },
    );
    expect(out).toContain('\\x1b[2Jclear\\r\\x9b');
    expect(out).not.toMatch(/[\x1b\r\u009b]/);
    expect(out).toContain('<5>');
  });
});

describe('tsvLine', () => {
  it('tabs and newlines inside a cell become spaces; other controls are escaped', () => {
    expect(tsvLine(['a\tb', 'c\nd', 'e\x1b]0;x\x07', 5, null])).toBe('a b\tc d\te\\x1b]0;x\\x07\t5\t');
  });
});

describe('CSV', () => {
  it('a text field a spreadsheet would run as a formula gets a leading quote; numbers stay numbers', () => {
    for (const f of ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '\tx']) expect(neutralizeFormula(f)).toBe(`'${f}`);
    expect(neutralizeFormula('스타벅스')).toBe('스타벅스');
    expect(csvLine([-4500, '=1+1', 'a,b', '\rCR'])).toBe(`-4500,'=1+1,"a,b",\\rCR`);
  });
});

describe('--account', () => {
  const accounts = [
    { id: '120250000112243580744107', bankName: 'KB국민은행', accountNumMasked: '110616658***', alias: '월급통장' },
    { id: '120250000141217640767885', bankName: '카카오뱅크', accountNumMasked: '333714184***', alias: '적금' },
    { id: '120250000141217640711107', bankName: '카카오뱅크', accountNumMasked: '333714185***', alias: '' },
  ];
  const ids = (arg: string) => matchAccounts(accounts, arg).map((a) => a.id.slice(-4));
  it('accepts the id, the last digits (with or without …), the alias, a bank naming one account', () => {
    expect(ids('120250000112243580744107')).toEqual(['4107']);
    expect(ids('744107')).toEqual(['4107']);
    expect(ids('…767885')).toEqual(['7885']);
    expect(ids('월급통장')).toEqual(['4107']);
    expect(ids('KB국민은행')).toEqual(['4107']);
    expect(ids('국민')).toEqual(['4107']);
  });
  it('an ambiguous value names every candidate; an unknown one none', () => {
    expect(ids('카카오뱅크')).toEqual(['7885', '1107']);
    expect(ids('107')).toEqual(['4107', '1107']);
    expect(ids('신한')).toEqual([]);
  });
});

describe('status errors', () => {
  it('one error repeated for several accounts is shown once with a count', () => {
    expect(groupErrors('1202500001: HTTP 503; 1202500002: HTTP 503; 1202500003: token expired')).toEqual(['HTTP 503 (2 accounts)', 'token expired']);
  });
});
