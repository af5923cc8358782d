// The field readers behind the decoders: scalar parsers (amounts, dates, times) and a Reader that names the endpoint
// and the field path in every DataError, and never echoes a secret field's value.

import { DataError } from '../errors.js';

// Values of these fields are never echoed into a message.
export const SECRET_FIELDS = new Set(['access_token', 'refresh_token', 'client_secret', 'code', 'user_ci']);

export type Obj = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------------
// Pure scalar parsers (undefined = not valid). Exported for tests and for callers parsing the same notations.

export const UNSIGNED = /^[0-9]+$/;
export const SIGNED = /^[+-]?[0-9]+$/;

/** `N`/`SN` amount → integer won; accepts a digit string (leading zeros allowed, surrounding blanks trimmed) or a JSON number. */
export function parseAmount(v: unknown, signed: boolean): number | undefined {
  let n: number;
  if (typeof v === 'number') {
    n = v;
  } else if (typeof v === 'string') {
    const s = v.trim();
    if (!(signed ? SIGNED : UNSIGNED).test(s)) return undefined;
    n = Number(s);
  } else {
    return undefined;
  }
  if (!Number.isSafeInteger(n)) return undefined;
  if (!signed && n < 0) return undefined;
  return n + 0; // -0 → 0
}

/** `YYYYMMDD` → 'YYYY-MM-DD' if it is a real calendar date. */
export function parseDate(v: string): string | undefined {
  // The spec sends YYYYMMDD; YYYY-MM-DD is accepted too (tolerant reader), nothing looser.
  const m = /^([0-9]{4})-?([0-9]{2})-?([0-9]{2})$/.exec(v);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** `HHMMSS` (24-hour) → 'HH:MM:SS'. */
export function parseTime(v: string): string | undefined {
  const m = /^([0-9]{2}):?([0-9]{2}):?([0-9]{2})$/.exec(v);
  if (!m) return undefined;
  if (Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59) return undefined;
  return `${m[1]}:${m[2]}:${m[3]}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Field readers. Each names the endpoint and the field path in its DataError.

export function show(v: unknown): string {
  if (typeof v === 'string') {
    const chars = Array.from(v);
    return JSON.stringify(chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : v);
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v).slice(0, 20)}`;
}

export function leafName(path: string): string {
  const dot = path.lastIndexOf('.');
  return path.slice(dot + 1);
}

export function bad(endpoint: string, path: string, what: string, v: unknown): DataError {
  const value = SECRET_FIELDS.has(leafName(path)) ? '' : ` (${show(v)})`;
  return new DataError(`${endpoint}: ${path} ${what}${value}`, 'the bank sent malformed data; nothing from this answer was stored — try again later');
}

export function missing(endpoint: string, path: string): DataError {
  return new DataError(`${endpoint}: ${path} is missing`, 'the bank sent incomplete data; nothing from this answer was stored — try again later');
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function get(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

export function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

export class Reader {
  constructor(
    readonly endpoint: string,
    readonly o: Obj,
    readonly prefix = '',
  ) {}

  private path(key: string): string {
    return join(this.prefix, key);
  }

  /** Optional text: missing/null → ''; trimmed. Integer numbers are accepted as text (tolerant). */
  text(key: string): string {
    const v = get(this.o, key);
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
    throw bad(this.endpoint, this.path(key), 'is not text', v);
  }

  /** Required non-empty text. */
  requiredText(key: string): string {
    const s = this.text(key);
    if (s === '') throw missing(this.endpoint, this.path(key));
    return s;
  }

  /** `maxDigits`: the spec's field length (N(12) → 12, SN(13) → 13); more digits, zero padding included, is refused. */
  amount(key: string, signed: boolean, maxDigits?: number): number {
    const v = get(this.o, key);
    if (v === undefined || v === null || v === '') throw missing(this.endpoint, this.path(key));
    const n = parseAmount(v, signed);
    if (n === undefined) throw bad(this.endpoint, this.path(key), 'is not an amount', v);
    if (maxDigits !== undefined) {
      const digits = typeof v === 'string' ? v.trim().replace(/^[+-]/, '').length : String(Math.abs(n)).length;
      if (digits > maxDigits) throw bad(this.endpoint, this.path(key), `has more than the ${maxDigits} digits the spec allows`, v);
    }
    return n;
  }

  optionalAmount(key: string, signed: boolean, maxDigits?: number): number | null {
    const v = get(this.o, key);
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
    return this.amount(key, signed, maxDigits);
  }

  date(key: string): string {
    const s = this.text(key);
    if (s === '' || s === '00000000') throw missing(this.endpoint, this.path(key));
    const d = parseDate(s);
    if (d === undefined) throw bad(this.endpoint, this.path(key), 'is not a date (YYYYMMDD)', get(this.o, key));
    return d;
  }

  /** HHMMSS; an empty time is read as '00:00:00' (some banks keep no time for old rows). */
  time(key: string): string {
    const raw = get(this.o, key);
    // An unquoted number loses its leading zeros (010101 → 10101): pad it back to HHMMSS.
    const s = typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? String(raw).padStart(6, '0') : this.text(key);
    if (s === '') return '00:00:00';
    const t = parseTime(s);
    if (t === undefined) throw bad(this.endpoint, this.path(key), 'is not a time (HHMMSS)', get(this.o, key));
    return t;
  }

  /** 'Y'/'N' flag; missing or '' → false. */
  yn(key: string): boolean {
    const s = this.text(key).toUpperCase();
    if (s === 'Y') return true;
    if (s === 'N' || s === '') return false;
    throw bad(this.endpoint, this.path(key), 'is not Y or N', get(this.o, key));
  }

  /** An optional list: missing/null → []. */
  list(key: string): unknown[] {
    const v = get(this.o, key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw bad(this.endpoint, this.path(key), 'is not a list', v);
    return v;
  }

  item(key: string, i: number, v: unknown): Reader {
    const path = `${this.path(key)}[${i}]`;
    if (!isObj(v)) throw bad(this.endpoint, path, 'is not an object', v);
    return new Reader(this.endpoint, v, path);
  }
}

export function root(endpoint: string, body: unknown): Reader {
  if (!isObj(body)) {
    throw new DataError(`${endpoint}: the answer is not a JSON object (got ${show(body)})`, 'the bank sent malformed data — try again later');
  }
  return new Reader(endpoint, body);
}
