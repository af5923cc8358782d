# Runs a command in a pseudo-terminal and answers each "[i/N]" prompt of `finance classify --interactive` by typing
# the answer given as argv[1] and Enter. The "this memo only, or every memo of the payee" question gets Enter (this memo
# only), or, with PTY_SCOPE=payee in the environment, arrow-down and Enter (every memo of the payee). Prints everything
# the program wrote, then exits with its exit code.
import os, pty, re, select, sys, time

answer = sys.argv[1].encode()
pid, fd = pty.fork()
if pid == 0:
    os.environ['COLUMNS'] = '100'
    os.execvp(sys.argv[2], sys.argv[2:])

buf = b''
answered = set()
scope_for = None
scope_keys = b'\x1b[B\r' if os.environ.get('PTY_SCOPE') == 'payee' else b'\r'
deadline = time.time() + 60
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        buf += data
        continue
    # Output went quiet: answer the newest prompt once.
    seen = re.findall(rb'\[(\d+)/(\d+)\]', buf)
    markers = list(re.finditer(rb'\[(\d+)/(\d+)\]', buf))
    scope_at = buf.rfind(b'every memo of the payee')
    if markers and scope_at > markers[-1].start() and scope_for != markers[-1].group(1):
        scope_for = markers[-1].group(1)
        time.sleep(0.2)
        os.write(fd, scope_keys)
        continue
    if seen:
        i = seen[-1][0]
        if i not in answered:
            answered.add(i)
            os.write(fd, answer)
            time.sleep(0.3)
            os.write(fd, b'\r')
_, status = os.waitpid(pid, 0)
sys.stdout.write(buf.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
