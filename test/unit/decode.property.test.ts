// Whatever JSON arrives, a decoder either returns a value or throws a FinanceError (DataError/ApiError/AuthError).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, AuthError, DataError } from '../../src/errors.js';
import {
  decodeAccountList,
  decodeBalance,
  decodeToken,
  decodeTransactionPage,
  decodeUserMe,
} from '../../src/openbanking/decode.js';
import { FIN, accountListBody, balanceBody, pageBody, tokenBody, userMeBody } from './decode-fixtures.js';

const decoders: [string, (b: unknown) => unknown, () => Record<string, unknown>][] = [
  ['token', (b) => decodeToken(b), tokenBody],
  ['user_me', (b) => decodeUserMe(b), userMeBody],
  ['account_list', (b) => decodeAccountList(b), accountListBody],
  ['balance', (b) => decodeBalance(b, FIN), balanceBody],
  ['transaction_list', (b) => decodeTransactionPage(b, FIN), pageBody],
];

function outcome(decode: (b: unknown) => unknown, body: unknown): 'ok' | 'finance-error' {
  try {
    decode(body);
    return 'ok';
  } catch (e) {
    if (e instanceof DataError || e instanceof ApiError || e instanceof AuthError) return 'finance-error';
    throw e; // a TypeError or anything else fails the property
  }
}

type Path = (string | number)[];

function paths(v: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

type Mutation = { kind: 'drop' } | { kind: 'set'; value: unknown } | { kind: 'junk'; junk: string; at: number };

function mutate(root: unknown, path: Path, m: Mutation): unknown {
  if (path.length === 0) return m.kind === 'set' ? m.value : m.kind === 'drop' ? undefined : root;
  const copy: unknown = structuredClone(root);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === 'set') {
    parent[last] = m.value;
  } else {
    const old = parent[last];
    const s = typeof old === 'string' ? old : JSON.stringify(old) ?? '';
    const at = m.at % (s.length + 1);
    parent[last] = s.slice(0, at) + m.junk + s.slice(at);
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'drop' }),
  fc.jsonValue().map<Mutation>((value) => ({ kind: 'set', value })),
  fc.record({ kind: fc.constant('junk' as const), junk: fc.string({ minLength: 1, maxLength: 4 }), at: fc.nat() }),
);

describe('decoders never throw anything but FinanceErrors', () => {
  for (const [name, decode, sample] of decoders) {
    it(`${name}: accepts its own realistic sample`, () => {
      expect(outcome(decode, sample())).toBe('ok');
    });

    it(`${name}: arbitrary JSON values`, () => {
      fc.assert(fc.property(fc.jsonValue(), (v) => outcome(decode, v) !== undefined), { numRuns: 500 });
    });

    it(`${name}: arbitrary JSON objects with the endpoint's keys`, () => {
      const keys = Object.keys(sample()).concat(['rsp_code', 'res_list', 'page_record_cnt ']);
      const obj = fc.dictionary(fc.constantFrom(...keys), fc.jsonValue());
      fc.assert(fc.property(obj, (v) => outcome(decode, v) !== undefined), { numRuns: 500 });
    });

    it(`${name}: mutated real answers (drop a field, change its type, insert junk)`, () => {
      const base = sample();
      const all = paths(JSON.parse(JSON.stringify(base)));
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.constantFrom(...all), mutation), { minLength: 1, maxLength: 3 }), (ms) => {
          let body: unknown = JSON.parse(JSON.stringify(base));
          for (const [p, m] of ms) {
            try {
              body = mutate(body, p, m);
            } catch {
              // the path vanished under an earlier mutation; keep the body as it is
            }
          }
          return outcome(decode, body) !== undefined;
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('junk inside a transaction amount is refused, not silently accepted', () => {
    // guards the properties above against a decoder that accepts everything
    fc.assert(
      fc.property(fc.constantFrom('a', '.', '-', 'x', 'e', ',', '원'), fc.nat(6), (junk, at) => {
        const body = mutate(JSON.parse(JSON.stringify(pageBody())), ['res_list', 0, 'tran_amt'], { kind: 'junk', junk, at });
        try {
          decodeTransactionPage(body, FIN);
          return false;
        } catch (e) {
          return e instanceof DataError && /res_list\[0\]\.tran_amt is not an amount/.test(e.message);
        }
      }),
    );
  });
});
