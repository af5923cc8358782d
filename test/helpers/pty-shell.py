# Runs an interactive shell in a pseudo-terminal and types into it, the way a person does: argv[1:] is the shell's
# command line, stdin is a JSON list of keystroke chunks ("\t" is TAB). After each chunk it waits until the shell has
# been quiet for a moment; a chunk given as {"send": "...", "until": "text"} waits until the text has appeared (a
# loaded machine can take seconds to run a setup line, and some shells drop what was typed meanwhile). Then it types
# `exit`, and prints everything the terminal showed.
import json, os, pty, select, sys, time

chunks = json.load(sys.stdin)
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])

buf = b''


def drain(quiet=0.6, limit=20.0):
    global buf
    end = time.time() + limit
    last = time.time()
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            buf += data
            last = time.time()
        elif time.time() - last > quiet:
            return True
    return True


def wait_for(text, limit=60.0):
    end = time.time() + limit
    while text.encode() not in buf and time.time() < end:
        if not drain(0.2, 1.0):
            return False
    return True


drain(1.0)
for c in chunks:
    if isinstance(c, dict):
        os.write(fd, c['send'].encode())
        if not wait_for(c['until']) or not drain():
            break
        continue
    os.write(fd, c.encode())
    if not drain():
        break
try:
    os.write(fd, b'exit\r')
    drain(0.5, 5)
except OSError:
    pass
try:
    os.kill(pid, 9)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
sys.stdout.write(buf.decode('utf8', 'replace'))
