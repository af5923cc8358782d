// The sync floor, run as its own process like `finance sync`: the same requests (account list, a balance and the
// month-window transaction pages of every account), fetched and decoded by the real client, with nothing stored.
// $FINANCE_BENCH_FLOOR is JSON { baseUrl, clientId, clientSecret, orgCode, accessToken, userSeqNo, from, to, tranIdBase };
// prints { rows, pages }. bank_tran_ids start at tranIdBase: the sandbox refuses one it has seen that day.

import { distUrl } from './build.mjs';

const { OpenBankingClient } = await import(distUrl('openbanking/client.js'));
const { monthWindows } = await import(distUrl('app/sync.js'));

const o = JSON.parse(process.env.FINANCE_BENCH_FLOOR);
let n = o.tranIdBase;
const client = new OpenBankingClient({
  baseUrl: o.baseUrl,
  clientId: o.clientId,
  clientSecret: o.clientSecret,
  nextTranId: () => `${o.orgCode}U${String(n++).padStart(9, '0')}`,
});
const auth = { accessToken: async () => o.accessToken, refreshAfterRejection: async () => o.accessToken, userSeqNo: o.userSeqNo };
let rows = 0;
let pages = 0;
const accounts = (await client.accountList(auth, o.userSeqNo)).filter((a) => a.inquiryAgree !== false);
for (const a of accounts) {
  const id = a.fintechUseNum ?? a.id;
  await client.balance(auth, id);
  for (const w of monthWindows(o.from, o.to)) {
    for await (const page of client.transactionPages(auth, { fintechUseNum: id, from: w.from, to: w.to, sortOrder: 'A' })) {
      rows += page.rows.length;
      pages++;
    }
  }
}
process.stdout.write(JSON.stringify({ rows, pages, accounts: accounts.length }) + '\n');
