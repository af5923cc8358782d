// Child processes measured from outside: wall time (spawn to exit, as a person at a shell sees it) and peak RSS
// (from /usr/bin/time's %M, or by polling VmHWM in /proc when GNU time is missing).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
let timeChecked = false;

/** Makes sure GNU time is there (installs Debian's `time` once when missing and we are root); false if not. */
export function ensureGnuTime(log) {
  if (!timeChecked) {
    timeChecked = true;
    if (!existsSync(GNU_TIME) && process.getuid?.() === 0) {
      log?.('installing GNU time (apt-get update; apt-get install -y time)…');
      spawnSync('apt-get', ['update'], { stdio: 'ignore' });
      spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    }
  }
  return existsSync(GNU_TIME);
}

const scratch = mkdtempSync(join(tmpdir(), 'finance-bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let seq = 0;

/**
 * Runs `cmd args` and resolves { code, signal, ms, rssKb, stdout, stderr, timedOut }. stdout is kept unless
 * `discardStdout` (then only its byte count). `timeoutMs` kills the process group and sets timedOut.
 */
export function measure(cmd, args, opts = {}) {
  const useTime = existsSync(GNU_TIME);
  const out = join(scratch, `m${seq++}.txt`);
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', out, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdoutBytes += d.length;
      if (!opts.discardStdout) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    let hwm = 0;
    const poll = useTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwm = Math.max(hwm, Number(m[1]));
          } catch {}
        }, 10);
    let timedOut = false;
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {}
        }, opts.timeoutMs)
      : null;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      let rssKb = hwm;
      if (useTime) {
        try {
          // GNU time prints "Command exited with non-zero status N" before the figure on failures.
          const lines = readFileSync(out, 'utf8').trim().split('\n');
          rssKb = Number(lines.at(-1));
          rmSync(out, { force: true });
        } catch {}
      }
      resolve({ code, signal, ms, rssKb, stdout, stdoutBytes, stderr, timedOut });
    });
  });
}

/** measure(), but a non-zero exit is an error (with the command's stderr). */
export async function measureOk(cmd, args, opts = {}) {
  const r = await measure(cmd, args, opts);
  if (r.timedOut) return r;
  if (r.code !== 0) {
    throw new Error(`${[cmd, ...args].join(' ')} exited ${r.code ?? r.signal}: ${r.stderr.trim().slice(0, 800)}`);
  }
  return r;
}
