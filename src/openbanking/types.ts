// Open Banking v2.0 wire shapes (as the API sends them: every value a string, see ../shared/openbanking-api.md §1.1)
// and the decoded values the rest of the program uses. Decoding lives in decode.ts.

import type { Transaction } from '../domain/types.js';

// ---------------------------------------------------------------------------------------------------------------
// Wire types. Documentation only: a response is `unknown` until decode.ts has checked it field by field.

/** §1.2 — every business response. */
export interface WireEnvelope {
  api_tran_id?: string;
  api_tran_dtm?: string;
  rsp_code: string;
  rsp_message?: string;
  bank_tran_id?: string;
  bank_tran_date?: string;
  bank_code_tran?: string;
  bank_rsp_code?: string;
  bank_rsp_message?: string;
}

/** §3.3 / §3.5 — a successful token answer has no rsp_code. */
export interface WireToken {
  access_token: string;
  token_type: string;
  expires_in: number | string;
  refresh_token?: string;
  scope: string;
  user_seq_no?: string;
}

/** §4.1 / §4.2 res_list item. */
export interface WireAccount {
  fintech_use_num: string;
  account_alias?: string;
  bank_code_std?: string;
  bank_code_sub?: string;
  bank_name?: string;
  savings_bank_name?: string;
  account_num_masked?: string;
  account_seq?: string;
  account_holder_name?: string;
  account_holder_type?: string;
  account_type?: string;
  inquiry_agree_yn?: string;
  inquiry_agree_dtime?: string;
  transfer_agree_yn?: string;
  transfer_agree_dtime?: string;
  payer_num?: string;
  account_state?: string;
}

export interface WireUserMe extends WireEnvelope {
  user_seq_no: string;
  user_ci?: string;
  user_name?: string;
  res_cnt?: string;
  res_list?: WireAccount[];
}

export interface WireAccountList extends WireEnvelope {
  user_name?: string;
  res_cnt?: string;
  res_list?: WireAccount[];
}

/** §4.3 */
export interface WireBalance extends WireEnvelope {
  bank_name?: string;
  savings_bank_name?: string;
  fintech_use_num?: string;
  balance_amt: string;
  available_amt?: string;
  account_type?: string;
  product_name?: string;
  account_issue_date?: string;
  maturity_date?: string;
  last_tran_date?: string;
}

/** §4.4 res_list item. */
export interface WireTransaction {
  tran_date: string;
  tran_time: string;
  inout_type: string;
  tran_type?: string;
  print_content?: string;
  /** the spec's JSON example spells it this way; accepted as a fallback */
  printed_content?: string;
  tran_amt: string;
  after_balance_amt: string;
  branch_name?: string;
}

/** §4.4 */
export interface WireTransactionList extends WireEnvelope {
  bank_name?: string;
  savings_bank_name?: string;
  fintech_use_num?: string;
  balance_amt?: string;
  page_record_cnt?: string;
  next_page_yn?: string;
  befor_inquiry_trace_info?: string;
  res_list?: WireTransaction[];
}

// ---------------------------------------------------------------------------------------------------------------
// Decoded types.

export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  tokenType: string;
  /** seconds */
  expiresIn: number;
  scope: string;
  userSeqNo: string | null;
}

export interface ApiAccount {
  fintechUseNum: string;
  alias: string;
  bankCode: string;
  bankName: string;
  savingsBankName: string;
  accountNumMasked: string;
  holderName: string;
  accountType: string;
  inquiryAgree: boolean;
  transferAgree: boolean;
  /** '01' in use, '09' closed, '' unknown */
  state: string;
}

export interface UserMe {
  userSeqNo: string;
  userName: string;
  userCi: string;
  accounts: ApiAccount[];
}

export interface Balance {
  fintechUseNum: string;
  bankName: string;
  balance: number;
  available: number | null;
  productName: string;
  accountType: string;
}

export interface TransactionPage {
  /** balance_amt of the page (current account balance), null when the bank left it empty */
  balance: number | null;
  nextPage: boolean;
  /** befor_inquiry_trace_info to send for the next page ('' when none) */
  trace: string;
  /** account = the fintech_use_num queried */
  rows: Transaction[];
  /** rows left out (inout_type 기타: no direction, no money moved) */
  skipped?: number;
  /** set on the last page when the chain ended without next_page_yn 'N': the period was not read whole */
  incomplete?: IncompleteReason;
}

/** Why a page chain ended before the server said next_page_yn 'N'. */
export type IncompleteReason = 'empty-trace' | 'repeated-trace' | 'page-cap';

export const INCOMPLETE_TEXT: Record<IncompleteReason, string> = {
  'empty-trace': 'the page trace (befor_inquiry_trace_info) is empty',
  'repeated-trace': 'the page trace repeats an earlier one',
  'page-cap': 'the page limit was reached',
};
