// The domain's core value types, shared by every layer. Money is integer won; dates are KST wall-clock ISO strings.

export type Direction = 'in' | 'out';

/** One bank transaction as the API reports it, decoded into domain values. */
export interface Transaction {
  /** fintech_use_num of the account */
  account: string;
  /** YYYY-MM-DD (KST) */
  date: string;
  /** HH:MM:SS (KST) */
  time: string;
  direction: Direction;
  /** integer won, >= 0 */
  amount: number;
  /** integer won, signed: the account balance after this transaction; null when the bank left it blank */
  balanceAfter: number | null;
  /** print_content (통장인자), trimmed */
  memo: string;
  /** tran_type: free text set by the bank (현금, 대체, 급여, 카드 …) */
  type: string;
  /** branch_name */
  branch: string;
}

export type CategorySource = 'label' | 'keyword' | 'none';
