// The sandbox's latency model and concurrency limit over real HTTP: seeded per-request delays, HTTP 429 with
// Retry-After beyond maxConcurrent, the in-flight/peak statistics, and the CLI's --latency/--jitter/--max-concurrent/
// --fault flags.
import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultFlag, requestDelay } from '../../src/sandbox/faults.js';
import type { SandboxHandle, SandboxStats } from '../../src/sandbox/server.js';
import { BALANCE, login, start, startSandboxCli, tranId } from './sandbox-helpers.js';

const open: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
async function sandbox(opts: Parameters<typeof start>[0]): Promise<{ sb: SandboxHandle; token: string; fin: string }> {
  const sb = await start({ months: 1, autoConsent: true, ...opts });
  open.push(sb);
  const token = (await login(sb)).access_token;
  return { sb, token, fin: sb.household.accounts[0]?.fintechUseNum ?? '' };
}
const balance = (sb: SandboxHandle, token: string, fin: string) => fetch(`${sb.baseUrl}${BALANCE}?${new URLSearchParams({
  bank_tran_id: tranId(sb), fintech_use_num: fin, tran_dtime: '20250630150000' })}`,
{ headers: { Authorization: `Bearer ${token}` } });

describe('requestDelay', () => {
  it('spreads delays over latency ± jitter, the same sequence for one seed, another for another seed', () => {
    const seq = (seed: number) => Array.from({ length: 400 }, (_, i) => requestDelay(seed, i + 1, 150, 50));
    const a = seq(1);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...a)).toBeLessThanOrEqual(200);
    expect(Math.min(...a)).toBeLessThan(110);
    expect(Math.max(...a)).toBeGreaterThan(190);
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    expect(Math.abs(mean - 150)).toBeLessThan(6);
    expect(seq(1)).toEqual(a);
    expect(seq(2)).not.toEqual(a);
    expect(requestDelay(1, 5, 150, 0)).toBe(150);
    expect(requestDelay(1, 5, 10, 50)).toBeGreaterThanOrEqual(0);
  });
});

describe('sandbox latency model', () => {
  it('delays each request by its seeded latency ± jitter', async () => {
    const { sb, token, fin } = await sandbox({});
    sb.setFaults({ latencyMs: 80, jitterMs: 60 });
    for (let n = 1; n <= 6; n++) {
      const t0 = performance.now();
      expect((await balance(sb, token, fin)).status).toBe(200);
      // Lower bounds only: a busy machine may be slower, never faster.
      expect(performance.now() - t0).toBeGreaterThanOrEqual(requestDelay(7, n, 80, 60) - 2);
    }
  });

  it('counts requests in flight and their peak: overlapping requests overlap on the server', async () => {
    const { sb, token, fin } = await sandbox({});
    sb.setFaults({ latencyMs: 600 });
    sb.resetStats();
    const answers = await Promise.all(Array.from({ length: 6 }, () => balance(sb, token, fin)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const stats = (await (await fetch(`${sb.baseUrl}/__sandbox/stats`)).json()) as SandboxStats;
    expect(stats).toMatchObject({ requests: 6, inFlight: 0, peakInFlight: 6, rejected429: 0 });
    expect(stats.byPath[BALANCE]).toBe(6);
    // One after another never overlaps.
    sb.resetStats();
    for (let i = 0; i < 3; i++) await balance(sb, token, fin);
    expect(sb.stats()).toMatchObject({ requests: 3, peakInFlight: 1 });
    expect((await fetch(`${sb.baseUrl}/__sandbox/reset-stats`, { method: 'POST' })).status).toBe(200);
    expect(sb.stats().requests).toBe(0);
  });

  it('answers HTTP 429 with Retry-After beyond maxConcurrent, and serves again once requests finish', async () => {
    const { sb, token, fin } = await sandbox({ maxConcurrent: 3 });
    sb.setFaults({ latencyMs: 1500, retryAfterSeconds: 2 });
    sb.resetStats();
    const answers = await Promise.all(Array.from({ length: 8 }, () => balance(sb, token, fin)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    const refused = answers.find((r) => r.status === 429);
    expect(refused?.headers.get('retry-after')).toBe('2');
    expect(((await refused?.json()) as { error: string }).error).toBe('too_many_requests');
    expect(sb.stats()).toMatchObject({ peakInFlight: 3, rejected429: 5, inFlight: 0 });
    expect((await balance(sb, token, fin)).status).toBe(200);
  });

  it('does not expose stats beyond loopback', async () => {
    const sb = await start({ months: 1, host: '0.0.0.0' });
    open.push(sb);
    const port = new URL(sb.baseUrl).port;
    expect((await fetch(`http://127.0.0.1:${port}/__sandbox/stats`)).status).toBe(404);
  });
});

describe('parseFaultFlag', () => {
  it('maps the CLI names to knobs and refuses anything else', () => {
    expect(parseFaultFlag('O0006')).toEqual({ ipNotAllowed: true });
    expect(parseFaultFlag('O0008')).toEqual({ quotaCode: 'O0008', quotaAfterCalls: 0 });
    expect(parseFaultFlag('o0009:40')).toEqual({ quotaCode: 'O0009', quotaAfterCalls: 40 });
    expect(parseFaultFlag('maintenance')).toEqual({ bankMaintenance: 'night' });
    expect(parseFaultFlag('maintenance:always')).toEqual({ bankMaintenance: 'always' });
    expect(parseFaultFlag('fail500:3')).toEqual({ fail500OnCall: 3 });
    expect(parseFaultFlag('empty-trace')).toEqual({ emptyTraceQuirk: true });
    for (const bad of ['O0007', 'maintenance:noon', 'fail500', 'fail500:0', 'O0006:1', '', 'cut:x']) {
      expect(() => parseFaultFlag(bad), bad).toThrow();
    }
  });
});

describe('finance sandbox --latency --jitter --max-concurrent --fault', () => {
  it('runs with the knobs set, and refuses an unknown fault with 64', async () => {
    const cli = await startSandboxCli(['--auto-consent', '--months', '1', '--latency', '300', '--jitter', '50',
      '--max-concurrent', '2', '--fault', 'O0008:1', '--fault', 'maintenance:always']);
    try {
      const t0 = performance.now();
      const first = await fetch(`${cli.info.baseUrl}/oauth/2.0/token`);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(245);
      expect(((await first.json()) as { rsp_code: string }).rsp_code).toBe('O0010');
      const burst = await Promise.all(Array.from({ length: 4 }, () => fetch(`${cli.info.baseUrl}/oauth/2.0/token`)));
      expect(burst.filter((r) => r.status === 429).length).toBe(2);
      const faults = (await (await fetch(`${cli.info.baseUrl}/__sandbox/faults`, { method: 'POST', body: '{}' })).json()) as
        { faults: Record<string, unknown> };
      expect(faults.faults).toMatchObject({ latencyMs: 300, jitterMs: 50, maxConcurrent: 2, quotaCode: 'O0008',
        quotaAfterCalls: 1, bankMaintenance: 'always' });
    } finally {
      await cli.stop();
    }
    await expect(startSandboxCli(['--fault', 'O0007'])).rejects.toThrow(/exited 64.*unknown fault 'O0007'/s);
  });
});
