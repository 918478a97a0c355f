"""The processes of one `bantin run`: its children die with it, and a signal ends it in seconds.

Why: a run has children (the temporary Prefect server, worker processes, multiprocessing's
resource tracker, Dask's processes). Killed with SIGKILL, a parent cannot clean up, so each
child must notice by itself: the server is started with PR_SET_PDEATHSIG (the kernel sends it
SIGTERM when the thread that started it, the run's main thread, dies: `preexec_die_with_parent`)
and in a session of its own (a Ctrl+C in the terminal is for the run, not for its server, which
used to die first and leave the run printing connection errors); a worker process, started by
whichever Prefect thread submits first, watches its parent id instead (`worker_init`).

On SIGINT or SIGTERM the run prints one sentence, stops every descendant (SIGTERM, then SIGKILL
after a grace period) and exits with 130 or 143 at once (`Stopper`). Nothing needs tidying:
the output lock is released by the kernel, and the next run removes an unfinished snapshot,
exactly as after a crash (tests/flows/test_crash.py). A second signal during the stop exits at
once. The signal is read from a wakeup file descriptor by a thread, not only by the Python
handler, so it is acted on even while the main thread is busy or while Prefect has put its own
SIGTERM handler in place for the duration of a flow run.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
GRACE_SECONDS = 3.0
PARENT_POLL_SECONDS = 0.5
DEBUG_ENV = "BANTIN_DEBUG"


def _prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def preexec_die_with_parent(sig: int = signal.SIGTERM):
    """A `Popen(preexec_fn=...)` that makes the child receive `sig` when its parent dies (Linux;
    elsewhere None). Resolved before the fork: the child only makes one system call."""
    prctl, parent = _prctl(), os.getpid()
    if prctl is None:
        return None

    def preexec() -> None:
        prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return preexec


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent:  # re-parented: the run is gone, so is this worker's purpose
            os.kill(os.getpid(), signal.SIGKILL)


def worker_init(warm=None) -> None:
    """Initializer of a worker process: die with the run, leave Ctrl+C to the run (which stops
    the workers itself), keep expected failures quiet, then `warm()` (load the NLP models:
    `bantin.vi.nlp.warm`, or the benchmarks' stub)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), name="bantin-parent-watch", daemon=True).start()
    if not os.environ.get(DEBUG_ENV):
        from flows import quiet

        quiet.quiet_expected_failures()
    if warm is not None:
        warm()


class Stopper:
    """SIGINT/SIGTERM handling of the `bantin run` process: `with Stopper(): ...` in the main
    thread around the whole run."""

    MESSAGE = ("bantin: error: stopped by {name}: the workers and the Prefect server were stopped; the output "
               "keeps its last complete snapshot (an unfinished one is removed by the next run).\n")

    def __init__(self) -> None:
        self._stopping = threading.Event()
        self._saved: tuple | None = None

    def __enter__(self) -> Stopper:
        read, write = os.pipe()
        os.set_blocking(write, False)
        old_fd = signal.set_wakeup_fd(write, warn_on_full_buffer=False)
        # The thread below acts; these handlers only keep the default ones (KeyboardInterrupt, death) away.
        old = {sig: signal.signal(sig, lambda *_: None) for sig in (signal.SIGINT, signal.SIGTERM)}
        self._saved = (old_fd, old, read, write)
        threading.Thread(target=self._watch, args=(read,), name="bantin-signals", daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        """Put the previous handlers back (an in-process caller, such as a test, goes on)."""
        assert self._saved is not None
        old_fd, old, read, write = self._saved
        signal.set_wakeup_fd(old_fd)
        for sig, handler in old.items():
            signal.signal(sig, handler)
        os.close(write)  # the watching thread reads end-of-file and returns

    def _watch(self, fd: int) -> None:
        try:
            while data := os.read(fd, 64):
                for signum in data:
                    if signum in (signal.SIGINT, signal.SIGTERM):
                        self.stop(signum)
        finally:
            os.close(fd)

    def stop(self, signum: int) -> None:
        if self._stopping.is_set():  # a second signal: no more waiting
            os._exit(128 + signum)
        self._stopping.set()
        name = signal.Signals(signum).name
        try:
            os.write(2, self.MESSAGE.format(name=name).encode())
            devnull = os.open(os.devnull, os.O_WRONLY)
            if not os.environ.get(DEBUG_ENV):
                os.dup2(devnull, 1)  # whatever the interrupted threads print now is noise
                os.dup2(devnull, 2)
        except OSError:
            pass
        stop_descendants(GRACE_SECONDS)
        os._exit(128 + signum)


def stop_descendants(grace: float) -> None:
    """SIGTERM to every descendant of this process, SIGKILL to those left after `grace` s."""
    import psutil

    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return
    for child in children:
        try:
            child.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(children, timeout=grace)
    for child in alive:
        try:
            child.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=grace)
