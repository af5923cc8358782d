# Runs a command in a pseudo-terminal of a given size, the way a person at a terminal would, and plays a script:
# each step waits until the output (since the previous step) matches a regex, then types its text.
#   python3 pty-drive.py '<json>' cmd args...
#   json: {"cols": 100, "rows": 40, "steps": [{"wait": "regex", "send": "text"}], "timeout": 60}
# Everything the program writes is copied to stdout as it arrives (so a caller can read a URL while it runs);
# the exit status is the program's (130 for a program that exits 130; 128+n when killed by signal n).
import fcntl, json, os, pty, re, select, struct, sys, termios, time

cfg = json.loads(sys.argv[1])
cols, rows = cfg.get('cols', 100), cfg.get('rows', 40)
steps = cfg.get('steps', [])
deadline = time.time() + cfg.get('timeout', 60)

pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.environ['COLUMNS'] = str(cols)
    os.environ['LINES'] = str(rows)
    os.execvp(sys.argv[2], sys.argv[2:])

out = b''
mark = 0  # where the current step starts looking
step = 0
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.05)
    if r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    if step < len(steps):
        s = steps[step]
        m = re.search(s['wait'].encode(), out[mark:])
        if m:
            time.sleep(s.get('delay', 0.15))
            os.write(fd, s.get('send', '').encode())
            mark += m.end()
            step += 1
else:
    os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
if step < len(steps):
    sys.stderr.write('pty-drive: step %d never matched: %r\n' % (step, steps[step]['wait']))
sys.exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
