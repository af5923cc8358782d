// Append-only, numbered schema steps. PRAGMA user_version records the last applied step; never edit a shipped step.

const NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))";
const ISO_DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";

export const MIGRATIONS: readonly string[] = [
  // 1: the first schema
  `
  CREATE TABLE users (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    user_seq_no  TEXT NOT NULL CHECK (length(user_seq_no) BETWEEN 1 AND 20),
    user_name    TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT ${NOW},
    updated_at   TEXT NOT NULL DEFAULT ${NOW}
  );

  CREATE TABLE tokens (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    user_seq_no   TEXT NOT NULL,
    access_token  TEXT NOT NULL CHECK (access_token <> ''),
    refresh_token TEXT CHECK (refresh_token IS NULL OR refresh_token <> ''),
    token_type    TEXT NOT NULL DEFAULT 'Bearer',
    scope         TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    issued_at     TEXT NOT NULL DEFAULT ${NOW}
  );

  CREATE TABLE accounts (
    id                 TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40),
    bank_code          TEXT NOT NULL,
    bank_name          TEXT NOT NULL,
    savings_bank_name  TEXT NOT NULL DEFAULT '',
    account_num_masked TEXT NOT NULL DEFAULT '',
    alias              TEXT NOT NULL DEFAULT '',
    holder_name        TEXT NOT NULL DEFAULT '',
    account_type       TEXT NOT NULL DEFAULT '',
    inquiry_agree      INTEGER NOT NULL CHECK (inquiry_agree IN (0, 1)),
    state              TEXT NOT NULL DEFAULT '',
    listed             INTEGER NOT NULL DEFAULT 1 CHECK (listed IN (0, 1)),
    balance            INTEGER,
    available          INTEGER,
    balance_at         TEXT,
    synced_through     TEXT CHECK (synced_through IS NULL OR synced_through ${ISO_DATE}),
    last_sync_at       TEXT,
    last_sync_status   TEXT CHECK (last_sync_status IS NULL OR last_sync_status IN ('ok', 'failed')),
    last_sync_error    TEXT,
    created_at         TEXT NOT NULL DEFAULT ${NOW}
  );

  CREATE TABLE balances (
    id         INTEGER PRIMARY KEY,
    account    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    balance    INTEGER NOT NULL,
    available  INTEGER,
    fetched_at TEXT NOT NULL DEFAULT ${NOW}
  );
  CREATE INDEX balances_account ON balances(account, fetched_at);

  CREATE TABLE transactions (
    id              INTEGER PRIMARY KEY,
    account         TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    date            TEXT NOT NULL CHECK (date ${ISO_DATE}),
    time            TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
    direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    amount          INTEGER NOT NULL CHECK (amount >= 0),
    balance_after   INTEGER NOT NULL,
    memo            TEXT NOT NULL,
    type            TEXT NOT NULL DEFAULT '',
    branch          TEXT NOT NULL DEFAULT '',
    occurrence      INTEGER NOT NULL DEFAULT 0 CHECK (occurrence >= 0),
    category        TEXT NOT NULL DEFAULT 'uncategorized',
    category_source TEXT NOT NULL DEFAULT 'none' CHECK (category_source IN ('label', 'keyword', 'none')),
    category_rule   TEXT,
    own_transfer    INTEGER,
    created_at      TEXT NOT NULL DEFAULT ${NOW},
    UNIQUE (account, date, time, direction, amount, balance_after, memo, occurrence)
  );
  CREATE INDEX transactions_date ON transactions(date, direction, category, amount);
  CREATE INDEX transactions_memo ON transactions(memo, direction);

  CREATE TABLE chain_breaks (
    id          INTEGER PRIMARY KEY,
    account     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    time        TEXT NOT NULL,
    expected    INTEGER NOT NULL,
    actual      INTEGER NOT NULL,
    detected_at TEXT NOT NULL DEFAULT ${NOW},
    UNIQUE (account, date, time, expected, actual)
  );

  CREATE TABLE labels (
    memo       TEXT PRIMARY KEY CHECK (memo <> ''),
    category   TEXT NOT NULL CHECK (category <> ''),
    created_at TEXT NOT NULL DEFAULT ${NOW}
  );

  CREATE TABLE keyword_rules (
    keyword    TEXT PRIMARY KEY CHECK (keyword <> ''),
    category   TEXT NOT NULL CHECK (category <> ''),
    created_at TEXT NOT NULL DEFAULT ${NOW}
  );

  CREATE TABLE user_categories (
    id         TEXT PRIMARY KEY CHECK (id <> ''),
    created_at TEXT NOT NULL DEFAULT ${NOW}
  );

  CREATE TABLE tran_id_counters (
    day   TEXT PRIMARY KEY CHECK (length(day) = 8),
    value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 999999999)
  );

  CREATE TABLE sync_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL DEFAULT ${NOW},
    finished_at TEXT,
    status      TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
    accounts    INTEGER NOT NULL DEFAULT 0,
    fetched     INTEGER NOT NULL DEFAULT 0,
    inserted    INTEGER NOT NULL DEFAULT 0,
    error       TEXT
  );
  `,

  // 2: detected fixed series kept between runs (reports read them instead of re-detecting over the whole history),
  //    a small key/value table for cache stamps, and an index for the own-transfer totals
  `
  CREATE TABLE fixed_series (
    id      INTEGER PRIMARY KEY,
    account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    data    TEXT NOT NULL CHECK (json_valid(data))
  );
  CREATE INDEX fixed_series_account ON fixed_series(account);

  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE INDEX transactions_own ON transactions(date) WHERE own_transfer IS NOT NULL;
  `,

  // 3: memo → payee, derived once per distinct memo (insight: payees, budgets). Rebuilt when the payee rules change
  //    (meta payees_stamp); monthly budget limits per category
  `
  CREATE TABLE payees (
    memo  TEXT PRIMARY KEY,
    payee TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE budgets (
    category   TEXT PRIMARY KEY CHECK (category <> ''),
    amount     INTEGER NOT NULL CHECK (amount > 0),
    created_at TEXT NOT NULL DEFAULT ${NOW}
  );
  `,

  // 4: spending per month and memo (own transfers left out), kept up to date from the rows added since the last fill
  //    (meta payee_months_stamp), so top payees over a long history read a few thousand rows, not every transaction
  `
  CREATE TABLE payee_months (
    month  TEXT NOT NULL,
    memo   TEXT NOT NULL,
    amount INTEGER NOT NULL,
    count  INTEGER NOT NULL,
    PRIMARY KEY (month, memo)
  ) WITHOUT ROWID;
  `,

  // 5: balance_after may be unknown (a bank that leaves after_balance_amt blank). SQLite cannot drop NOT NULL in place,
  //    so the table is rebuilt with every row (ids kept) and every index. The dedup key becomes a unique index that reads
  //    an unknown balance as the text 'none' (never equal to a number), so NULL rows still dedupe instead of slipping
  //    past UNIQUE (where two NULLs are distinct).
  `
  CREATE TABLE transactions_new (
    id              INTEGER PRIMARY KEY,
    account         TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    date            TEXT NOT NULL CHECK (date ${ISO_DATE}),
    time            TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
    direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    amount          INTEGER NOT NULL CHECK (amount >= 0),
    balance_after   INTEGER,
    memo            TEXT NOT NULL,
    type            TEXT NOT NULL DEFAULT '',
    branch          TEXT NOT NULL DEFAULT '',
    occurrence      INTEGER NOT NULL DEFAULT 0 CHECK (occurrence >= 0),
    category        TEXT NOT NULL DEFAULT 'uncategorized',
    category_source TEXT NOT NULL DEFAULT 'none' CHECK (category_source IN ('label', 'keyword', 'none')),
    category_rule   TEXT,
    own_transfer    INTEGER,
    created_at      TEXT NOT NULL DEFAULT ${NOW}
  );
  INSERT INTO transactions_new (id, account, date, time, direction, amount, balance_after, memo, type, branch, occurrence,
                                category, category_source, category_rule, own_transfer, created_at)
    SELECT id, account, date, time, direction, amount, balance_after, memo, type, branch, occurrence,
           category, category_source, category_rule, own_transfer, created_at FROM transactions;
  DROP TABLE transactions;
  ALTER TABLE transactions_new RENAME TO transactions;
  CREATE UNIQUE INDEX transactions_dedup
    ON transactions(account, date, time, direction, amount, ifnull(balance_after, 'none'), memo, occurrence);
  CREATE INDEX transactions_date ON transactions(date, direction, category, amount);
  CREATE INDEX transactions_memo ON transactions(memo, direction);
  CREATE INDEX transactions_own ON transactions(date) WHERE own_transfer IS NOT NULL;
  `,

  // 6: labels on a payee (every memo of that merchant), beside the labels on one exact memo
  `
  CREATE TABLE payee_labels (
    payee      TEXT PRIMARY KEY CHECK (payee <> ''),
    category   TEXT NOT NULL CHECK (category <> ''),
    created_at TEXT NOT NULL DEFAULT ${NOW}
  ) WITHOUT ROWID;
  `,
];
