// Realistic Open Banking answers (shapes from ../shared/openbanking-api.md §3–§4) for the decoder tests.

export const FIN = '120220059188941035897424';

export const tokenBody = (): Record<string, unknown> => ({
  access_token: 'eyJhbGciOiJIUzI1NiJ9.access.sig',
  token_type: 'Bearer',
  expires_in: 7775999,
  refresh_token: 'eyJhbGciOiJIUzI1NiJ9.refresh.sig',
  scope: 'inquiry login',
  user_seq_no: '1100770530',
});

const envelope = {
  api_tran_id: 'f61b5d17-e00d-469f-b322-c845763a7861',
  api_tran_dtm: '20230410144838159',
  rsp_code: 'A0000',
  rsp_message: '',
};

const bankEnvelope = {
  ...envelope,
  bank_tran_id: 'M202200591U000000001',
  bank_tran_date: '20190101',
  bank_code_tran: '097',
  bank_rsp_code: '000',
  bank_rsp_message: '',
};

export const accountItem = (): Record<string, unknown> => ({
  fintech_use_num: FIN,
  account_alias: '생활비',
  bank_code_std: '003',
  bank_code_sub: '0000000',
  bank_name: 'IBK기업은행',
  savings_bank_name: '',
  account_num_masked: '010211588***',
  account_seq: '',
  account_holder_name: '홍길동',
  account_holder_type: 'P',
  account_type: '1',
  inquiry_agree_yn: 'Y',
  inquiry_agree_dtime: '20230410144727',
  transfer_agree_yn: 'N',
  transfer_agree_dtime: '',
  account_state: '01',
});

export const userMeBody = (): Record<string, unknown> => ({
  ...envelope,
  user_seq_no: '1101026667',
  user_ci: 'x'.repeat(86) + '==',
  user_name: '홍길동',
  res_cnt: '1',
  res_list: [{ ...accountItem(), payer_num: '20230410319808135955', account_state: undefined }],
  inquiry_card_cnt: '0',
  inquiry_card_list: [],
});

export const accountListBody = (): Record<string, unknown> => ({
  ...envelope,
  user_name: '홍길동',
  res_cnt: '2',
  res_list: [accountItem(), { ...accountItem(), fintech_use_num: '120220059188941035897425', account_state: '09' }],
});

export const balanceBody = (): Record<string, unknown> => ({
  ...bankEnvelope,
  bank_name: 'KB국민은행',
  savings_bank_name: '',
  fintech_use_num: FIN,
  balance_amt: '50000000',
  available_amt: '10000000',
  account_type: '1',
  product_name: '알뜰자유적립',
  account_issue_date: '20220802',
  maturity_date: '00000000',
  last_tran_date: '00000000',
});

export const txRow = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  tran_date: '20240131',
  tran_time: '235959',
  inout_type: '출금',
  tran_type: '카드',
  print_content: ' 스타벅스 강남점 ',
  tran_amt: '4500',
  after_balance_amt: '-1200',
  branch_name: '분당점',
  ...over,
});

export const pageBody = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...bankEnvelope,
  bank_name: 'KB국민은행',
  savings_bank_name: '',
  fintech_use_num: FIN,
  balance_amt: '1000000',
  page_record_cnt: '3',
  next_page_yn: 'Y',
  befor_inquiry_trace_info: '1T201806171',
  res_list: [
    txRow(),
    txRow({ inout_type: '입금', tran_type: '급여', print_content: '(주)회사 급여', tran_amt: '3000000', after_balance_amt: '2998800', tran_time: '090000' }),
    txRow({ inout_type: '지급', tran_amt: '000120', print_content: '', printed_content: 'GS25', after_balance_amt: '+2998680' }),
  ],
  ...over,
});
