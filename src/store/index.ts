// The store: one open database and its repositories. Everything SQL lives under src/store/.

import { AccountsRepo } from './accounts-repo.js';
import { AuthRepo } from './auth-repo.js';
import { CountersRepo } from './counters-repo.js';
import { FixedRepo } from './fixed-repo.js';
import { openDatabase, type Db } from './db.js';
import { LabelsRepo } from './labels-repo.js';
import { PayeesRepo } from './payees-repo.js';
import { BudgetsRepo } from './budgets-repo.js';
import { ReportRepo } from './report-repo.js';
import { SyncRepo } from './sync-repo.js';
import { TransactionsRepo } from './transactions-repo.js';

export class Store {
  readonly auth: AuthRepo;
  readonly accounts: AccountsRepo;
  readonly transactions: TransactionsRepo;
  readonly labels: LabelsRepo;
  readonly counters: CountersRepo;
  readonly syncs: SyncRepo;
  readonly fixed: FixedRepo;
  readonly reports: ReportRepo;
  readonly payees: PayeesRepo;
  readonly budgets: BudgetsRepo;

  constructor(readonly db: Db) {
    this.auth = new AuthRepo(db);
    this.accounts = new AccountsRepo(db);
    this.transactions = new TransactionsRepo(db);
    this.labels = new LabelsRepo(db);
    this.counters = new CountersRepo(db);
    this.syncs = new SyncRepo(db);
    this.fixed = new FixedRepo(db);
    this.reports = new ReportRepo(db);
    this.payees = new PayeesRepo(db);
    this.budgets = new BudgetsRepo(db);
  }

  static open(path: string): Store {
    return new Store(openDatabase(path));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
