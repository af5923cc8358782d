# Runs a command in a pseudo-terminal 100 columns wide and prints everything it wrote; exits with its exit code.
import fcntl, os, pty, struct, sys, termios

pid, fd = pty.fork()
if pid == 0:
    # Tests read the whole output: no interactive pager waiting for a key (the pager has its own tests).
    os.environ.setdefault('FINANCE_PAGER', 'cat')
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack('HHHH', 60, 100, 0, 0))
    os.execvp(sys.argv[1], sys.argv[1:])
out = b''
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf8', 'replace').replace('\r\n', '\n'))
sys.exit(os.waitstatus_to_exitcode(status))
