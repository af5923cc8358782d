// The first design's detector, kept for quality comparisons: a memo group is fixed when it has ≥3 transactions, no
// interval under 7 days and an interval std-dev under 1.1 days. Blind to business-day shifts and yearly payments.

import { expectedAmount } from './fixed-amounts.js';
import { formatIsoDay, parseIsoDay } from './dates.js';
import { groupTransactions } from './recurring-group.js';
import { isFixedAmount } from './recurring-select.js';
import { compareSeries, intervalStd, mostCommonCategory } from './recurring-series.js';
import { HALF_PERIOD_DAYS, type Cadence, type RecurringInput, type RecurringSeries } from './recurring-types.js';

const NOMINAL_DAYS: readonly [Cadence, number][] = [
  ['weekly', 7],
  ['biweekly', 14],
  ['monthly', 30.44],
  ['quarterly', 91.31],
  ['yearly', 365.25],
];

export function detectRecurringBaseline(txns: readonly RecurringInput[], opts: { today: string }): RecurringSeries[] {
  const today = parseIsoDay(opts.today);
  const { groups } = groupTransactions(txns);
  const out: RecurringSeries[] = [];
  for (const group of groups) {
    const members = group.members;
    if (members.length < 3) continue;
    const dayList = group.days;
    let tooClose = false;
    for (let k = 1; k < dayList.length; k++) if (dayList[k]! - dayList[k - 1]! < 7) tooClose = true;
    const std = intervalStd(dayList);
    if (tooClose || std >= 1.1) continue;
    const first = dayList[0]!;
    const last = dayList[dayList.length - 1]!;
    const meanGap = (last - first) / (dayList.length - 1);
    const cadence = nearestCadence(meanGap);
    const next = last + Math.round(meanGap);
    const amounts = group.amounts;
    out.push({
      memo: group.memo,
      account: group.account,
      direction: group.direction,
      cadence,
      count: members.length,
      averageAmount: Math.round(amounts.reduce((s, a) => s + a, 0) / amounts.length),
      lastAmount: amounts[amounts.length - 1]!,
      firstDate: formatIsoDay(first),
      lastDate: formatIsoDay(last),
      nextDate: formatIsoDay(next),
      active: !(today > next + HALF_PERIOD_DAYS[cadence]),
      category: mostCommonCategory(members.map((i) => txns[i]!.category)),
      intervalStdDays: std,
      amountKind: isFixedAmount(amounts) ? 'fixed' : 'varying',
      expectedAmount: expectedAmount(amounts, isFixedAmount(amounts) ? 'fixed' : 'varying'),
    });
  }
  return out.sort(compareSeries);
}

function nearestCadence(gap: number): Cadence {
  let best = NOMINAL_DAYS[0]!;
  for (const c of NOMINAL_DAYS) if (Math.abs(Math.log(gap / c[1])) < Math.abs(Math.log(gap / best[1]))) best = c;
  return best[0];
}
