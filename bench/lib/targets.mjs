// The targets, checked against the figures of one run. ok: true/false, or null when not measured.

const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

export function checkTargets(fig, big) {
  const out = [];
  const add = (ok, text) => out.push({ ok, text });
  const r = fig.report;
  if (r) {
    add(r.def.ms.median < 300 && r.def.rss.median < 250 * 1024,
      `default \`report\` (last 3 months) on ${big}: ${ms(r.def.ms.median)}, ${mb(r.def.rss.median)} (target < 300 ms, < 250 MB)`);
    add(r.whole.ms.median < 1000 && r.whole.rss.median < 250 * 1024,
      `whole-history \`report\` on ${big}: ${ms(r.whole.ms.median)}, ${mb(r.whole.rss.median)} (target < 1 s, < 250 MB)`);
  } else add(null, 'report: not measured');
  for (const [key, label] of [['classify-stream', 'classification of memos (5,000 distinct, skewed)'],
    ['classify-history', 'classification of the sandbox history\'s memos'],
    ['detect-history', 'fixed-payment detection over the sandbox history'],
    ['detect-synthetic', 'fixed-payment detection over 5,000 memos / 300 series']]) {
    const f = fig[key];
    if (f) add(f.ms.median < 1000, `${label}, ${f.rows.toLocaleString('en-US')} rows: ${ms(f.ms.median)} (target < 1 s)`);
    else add(null, `${label}: not measured`);
  }
  const s = fig[`sync.${big}`];
  if (s) {
    const p = s.rate.median / s.floor.median;
    add(p >= 0.5, `sync on ${big}: ${(p * 100).toFixed(0)}% of the decode-only floor (target ≥ 50%)`);
  } else add(null, 'sync: not measured');
  const st = fig[`store.${big}`];
  if (st) {
    const p = st.paged.median / st.bare.median;
    add(p >= 0.7, `storing on ${big} (month windows committed per 10,000 rows, as sync stores): ${(p * 100).toFixed(0)}% of the bare insert (target ≥ 70%)`);
  } else add(null, 'storing: not measured');
  const u = fig.startup;
  if (u) {
    const d = u.help.median - u.node.median;
    add(d <= 60, `\`finance --help\`: ${ms(u.help.median)}, ${d.toFixed(0)} ms over \`node -e 0\` (target ≤ 60 ms)`);
  } else add(null, 'start-up: not measured');
  return out;
}
