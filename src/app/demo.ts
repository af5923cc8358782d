// `finance demo`: the whole product in one command — the sandbox in-process, a login with automatic consent into a
// separate demo data directory, a sync, and the report. No configuration, no network beyond 127.0.0.1.

import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { Context } from './context.js';
import { kstDate } from '../domain/kst.js';
import { startSandbox } from '../sandbox/server.js';
import { runLogin } from './login.js';
import { runSync } from './sync.js';

/** A free loopback port for the demo's callback (the sandbox accepts any loopback redirect URI). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The demo's data directory: next to the real one, never the real one. */
export function demoHome(realHome: string): string {
  return realHome.replace(/[/\\]+$/, '') + '-demo';
}

/** Plays the browser: follows the consent redirect to our callback. */
async function autoConsent(url: string): Promise<void> {
  const first = await fetch(url, { redirect: 'manual' });
  const location = first.headers.get('location');
  await first.body?.cancel();
  if (!location) throw new Error(`the sandbox did not redirect (HTTP ${first.status})`);
  const second = await fetch(location, { redirect: 'manual' });
  await second.body?.cancel();
}

export async function runDemo(ctx: Context, opts: { seed: number; months: number; accounts: number }): Promise<Context> {
  const io = ctx.io;
  const home = demoHome(ctx.home);
  const demo = new Context(io, { ...ctx.global, home }, {}, ctx.now, ctx.signal);
  demo.handlesInterrupts = true;
  // Start from a clean demo database each time, so the demo always shows the same story.
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${home}/finance.db${suffix}`)) rmSync(`${home}/finance.db${suffix}`);
  io.info(`finance demo — everything runs on this machine against the built-in Open Banking sandbox.`);
  io.info(`Demo data directory: ${home} (your real data directory is not touched)`);
  const sandbox = await startSandbox({ seed: opts.seed, months: opts.months, accounts: opts.accounts, end: kstDate(ctx.now()), autoConsent: true, now: ctx.now });
  try {
    demo.configOverrides = {
      apiBaseUrl: sandbox.baseUrl,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      orgCode: sandbox.orgCode,
      redirectUri: `http://127.0.0.1:${await freePort()}/callback`,
      scope: 'login inquiry',
      syncLookbackDays: String(Math.ceil(opts.months * 31) + 7),
    };
    io.info(`\n1/3 login (automatic consent on the sandbox at ${sandbox.baseUrl})`);
    const login = await runLogin(demo, { browser: false, timeoutSec: 30, visit: autoConsent });
    io.info(`    logged in as ${login.userName}; ${login.accounts.length} accounts`);
    io.info('2/3 sync');
    const progress = io.progress('    sync');
    const result = await runSync(demo, {
      wait: false,
      onProgress: (p) => {
        progress.setLabel(`    sync ${p.index + 1}/${p.total}`);
        progress.update(p.fetched, undefined, `rows, at ${p.date}`);
      },
    });
    progress.done();
    if (result.exitError) throw result.exitError;
    io.info(`    ${result.inserted.toLocaleString('en-US')} transactions stored and classified in ${(result.ms / 1000).toFixed(1)} s`);
    io.info('3/3 report\n');
    return demo;
  } finally {
    await sandbox.close();
  }
}

export function nextSteps(home: string): string {
  return [
    '',
    'That was the sandbox. Explore the demo data:',
    `  finance --home ${home} tx --limit 20`,
    `  finance --home ${home} fixed`,
    `  finance --home ${home} explain "스타벅스코리아"`,
    'To use your real accounts (see README: "Real setup"):',
    '  finance config set clientId <id>; finance config set clientSecret <secret>; finance config set orgCode <M…>',
    '  finance config set apiBaseUrl https://openapi.openbanking.or.kr   # or the testbed',
    '  finance login && finance sync && finance report',
  ].join('\n');
}
