// Compact column storage for generated transactions (one typed array per field, strings interned), so a
// million rows fit in a few tens of MB and the server can binary-search a date range instead of scanning.

export interface GeneratedTx {
  /** YYYYMMDD */
  date: string;
  /** HHMMSS */
  time: string;
  /** 지급 and 기타 only in the testbed profile's canned rows */
  inout: '입금' | '출금' | '지급' | '기타';
  tranType: string;
  memo: string;
  amount: number;
  afterBalance: number;
  branch: string;
  /** the category id this row truly belongs to (src/domain/categories.ts) */
  category: string;
  /** the recurring series it belongs to, if any (see Truth.series) */
  seriesId?: string;
}

/** Interns strings to small integers; one dictionary is shared by all accounts of a household. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  id(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

export interface Dictionaries {
  memo: Dictionary;
  tranType: Dictionary;
  branch: Dictionary;
  category: Dictionary;
  series: Dictionary;
}

export class TxColumns {
  length = 0;
  /** date*1e6 + time (YYYYMMDDHHMMSS as a number, exact below 2^53): the sort and search key */
  keys = new Float64Array(64);
  amounts = new Float64Array(64);
  balances = new Float64Array(64);
  /** 1 = 입금, 0 = 출금 */
  incoming = new Uint8Array(64);
  memo = new Uint16Array(64);
  tranType = new Uint8Array(64);
  branch = new Uint8Array(64);
  category = new Uint8Array(64);
  /** series dictionary id + 1; 0 = none */
  series = new Uint16Array(64);

  push(key: number, incoming: boolean, amount: number, balance: number, memo: number, tranType: number,
    branch: number, category: number, series: number): void {
    if (this.length === this.keys.length) this.grow();
    const i = this.length++;
    this.keys[i] = key;
    this.incoming[i] = incoming ? 1 : 0;
    this.amounts[i] = amount;
    this.balances[i] = balance;
    this.memo[i] = memo;
    this.tranType[i] = tranType;
    this.branch[i] = branch;
    this.category[i] = category;
    this.series[i] = series;
  }

  /** Drops the spare capacity growth left behind, once the history is complete. */
  trim(): void {
    const n = this.length;
    this.keys = this.keys.slice(0, n);
    this.amounts = this.amounts.slice(0, n);
    this.balances = this.balances.slice(0, n);
    this.incoming = this.incoming.slice(0, n);
    this.memo = this.memo.slice(0, n);
    this.tranType = this.tranType.slice(0, n);
    this.branch = this.branch.slice(0, n);
    this.category = this.category.slice(0, n);
    this.series = this.series.slice(0, n);
  }

  private grow(): void {
    const n = this.keys.length * 2;
    const g = <T extends Float64Array | Uint8Array | Uint16Array>(a: T, ctor: new (n: number) => T): T => {
      const b = new ctor(n);
      b.set(a);
      return b;
    };
    this.keys = g(this.keys, Float64Array);
    this.amounts = g(this.amounts, Float64Array);
    this.balances = g(this.balances, Float64Array);
    this.incoming = g(this.incoming, Uint8Array);
    this.memo = g(this.memo, Uint16Array);
    this.tranType = g(this.tranType, Uint8Array);
    this.branch = g(this.branch, Uint8Array);
    this.category = g(this.category, Uint8Array);
    this.series = g(this.series, Uint16Array);
  }

  /** First index whose key is >= `key` (length when none): rows are kept sorted ascending by key. */
  lowerBound(key: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  row(i: number, dict: Dictionaries): GeneratedTx {
    if (i < 0 || i >= this.length) throw new RangeError(`no row ${i}`);
    const key = this.keys[i] as number;
    const date = Math.floor(key / 1e6);
    const time = key - date * 1e6;
    const series = this.series[i] as number;
    const tx: GeneratedTx = {
      date: String(date),
      time: String(time).padStart(6, '0'),
      inout: this.incoming[i] ? '입금' : '출금',
      tranType: dict.tranType.values[this.tranType[i] as number] ?? '',
      memo: dict.memo.values[this.memo[i] as number] ?? '',
      amount: this.amounts[i] as number,
      afterBalance: this.balances[i] as number,
      branch: dict.branch.values[this.branch[i] as number] ?? '',
      category: dict.category.values[this.category[i] as number] ?? 'uncategorized',
    };
    if (series > 0) tx.seriesId = dict.series.values[series - 1] ?? '';
    return tx;
  }
}
