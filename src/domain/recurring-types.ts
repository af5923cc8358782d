// The input and output shapes of fixed (recurring) payment detection; see ../shared/CLI.md `fixed --json`.

export interface RecurringInput {
  account: string;
  /** YYYY-MM-DD */
  date: string;
  direction: 'in' | 'out';
  /** integer won */
  amount: number;
  memo: string;
  category?: string;
}

export type Cadence = 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'yearly';

export interface RecurringSeries {
  memo: string;
  account: string;
  direction: 'in' | 'out';
  cadence: Cadence;
  count: number;
  /** integer won, rounded */
  averageAmount: number;
  lastAmount: number;
  firstDate: string;
  lastDate: string;
  nextDate: string;
  active: boolean;
  /** most common category of its transactions, 'uncategorized' if none */
  category: string;
  /** std-dev of the intervals between occurrences in days, rounded to 2 decimals */
  intervalStdDays: number;
  /** 'fixed' when the amount changed at most once (a price change), else 'varying' */
  amountKind: 'fixed' | 'varying';
  /** what the next payment will likely be (fixed-amounts.ts) */
  expectedAmount: number;
  /** the last price change of a fixed-amount series */
  priceChange?: { date: string; oldAmount: number; newAmount: number };
  /** how the history moves a payment off a non-business day (later occurrences are moved the same way) */
  roll?: 'backward' | 'none' | 'forward';
  /** a transfer between two of the person's own accounts (set by the app from the stored pairs) */
  ownTransfer?: boolean;
  /** the nominal day of month of monthly/quarterly/yearly series; 'last' for month-end series */
  dayOfMonth?: number | 'last';
}

export interface RecurringOptions {
  /** YYYY-MM-DD: decides `active` */
  today: string;
}

/** Half a period in days: a series missing its expected date by more than this is inactive. */
export const HALF_PERIOD_DAYS: Readonly<Record<Cadence, number>> = {
  weekly: 3.5,
  biweekly: 7,
  monthly: 15,
  quarterly: 45,
  yearly: 182,
};
