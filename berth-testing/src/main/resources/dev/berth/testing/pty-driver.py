# Runs a command on a new pseudo-terminal, as a user's terminal emulator would: this process's stdin is typed
# into the terminal, what the terminal shows goes to this process's stdout. SIGUSR1 resizes the terminal to the
# "ROWS COLS" written in the file named by PTY_DRIVER_SIZE (the kernel then sends the command SIGWINCH). Exits
# with the command's exit code. Made for PtyDriver (Berth's test fixture).
import fcntl, os, pty, select, signal, struct, sys, termios

def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

pid, master = pty.fork()
if pid == 0:
    set_size(0, 24, 80)
    os.execvp(sys.argv[1], sys.argv[1:])

def resize(signum, frame):
    with open(os.environ["PTY_DRIVER_SIZE"]) as f:
        rows, cols = f.read().split()
    set_size(master, int(rows), int(cols))

signal.signal(signal.SIGUSR1, resize)
inputs = [0, master]
while True:
    try:
        ready, _, _ = select.select(inputs, [], [])
    except InterruptedError:
        continue
    if master in ready:
        try:
            data = os.read(master, 65536)
        except OSError:
            data = b""
        if not data:
            break
        os.write(1, data)
    if 0 in ready:
        data = os.read(0, 65536)
        if not data:
            inputs.remove(0)
        else:
            os.write(master, data)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
