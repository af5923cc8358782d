# Drives `finance login --no-browser` in a pseudo-terminal like a person over SSH without a tunnel: reads the authorize
# URL it prints, plays the remote browser (follows the authorize redirect without loading the callback), waits for
# the timeout message and the paste prompt, then types the redirect address and Enter. Prints everything the program
# wrote; exits with its exit code.  usage: pty-login-paste.py <command…>
import os, pty, re, select, sys, time, urllib.request, urllib.error

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])

buf = b''
location = None
pasted = False
deadline = time.time() + 90
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        buf += data
    text = buf.decode('utf8', 'replace')
    if location is None:
        m = re.search(r'Open this URL to authorize: (\S+)', text)
        if m:
            try:
                urllib.request.build_opener(NoRedirect).open(m.group(1))
            except urllib.error.HTTPError as e:
                location = e.headers.get('Location')
    if location and not pasted and 'Paste the full address' in text:
        time.sleep(0.2)
        os.write(fd, location.encode() + b'\r')
        pasted = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(buf.decode('utf8', 'replace').replace('\r\n', '\n'))
sys.exit(os.waitstatus_to_exitcode(status))
