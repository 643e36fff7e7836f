"""Run each task in a process of its own, with a wall-clock and a memory limit.

A batch must finish whatever one input does: a PDF can make a reader loop
forever (an object that refers to itself), recurse 2^30 times (Form
XObjects that draw each other), or allocate gigabytes (a Flate bomb, a
ToUnicode range over 2^32 codes). pdfminer bounds none of these, and a
thread cannot be stopped, so every task runs in its own process:

* **wall clock**: a task still running after ``timeout`` seconds is killed
  (``SIGKILL``) and reported as ``timeout``;
* **memory**: the process's address space may grow by at most
  ``max_memory_mb`` (``RLIMIT_AS``, set in the process before the task, on
  top of what it inherited); an allocation beyond it raises ``MemoryError``,
  reported as ``resource_limit``;
* **death**: a process that ends without an answer (the kernel's
  out-of-memory killer, ``kill -9``, a crash in a C library) is reported as
  ``worker_died``.

A fresh process per task (``fork``: it inherits the parent's imported
modules and tables, and starts in a few milliseconds) means that nothing
one task allocates or breaks can reach the next one, and that killing a
process loses only its own task. Results come back over a pipe as soon as
each task ends, in completion order. :class:`concurrent.futures.ProcessPoolExecutor`
can neither kill one task nor survive a killed worker (``BrokenProcessPool``
ends every other task), hence this small pool.

On Linux the processes also ask the kernel to kill them when the parent
dies (``PR_SET_PDEATHSIG``), so a killed run leaves no process behind; an
interrupted run (``KeyboardInterrupt``, SIGTERM turned into one) kills its
running tasks without waiting for them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Literal, TypeVar

T = TypeVar("T")
R = TypeVar("R")

StopKind = Literal["timeout", "resource_limit", "worker_died"]
# Wall-clock limit per source of a batch. The largest brochure measured, 300
# pages (bench/README.md), takes 16 s on one core: room for slower machines,
# loaded ones and heavier layouts.
DEFAULT_TIMEOUT = 300.0
# Memory a worker may add while reading one source of a batch. The 300-page
# brochure peaks at 133 MB RSS in all (bench/README.md); a PDF is read whole
# into memory, with its decoded streams.
DEFAULT_MAX_MEMORY_MB = 2048
# The garbage collector's young-generation threshold in the command's short
# processes (Python's default: 700 allocations). Start-up makes ~10^6
# long-lived objects (modules, word lists) and reading many short-lived
# containers with few cycles: at 700 the collector took 10-15 % of start-up
# and 20 % of an extraction, rescanning what is never garbage
# (bench/README.md); at 50,000 it takes ~1 %, and the peak memory of a
# 300-page PDF is unchanged.
GC_THRESHOLD = 50_000
# How long a finished or killed process may take to be reaped.
_REAP_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits of one task.

    Attributes:
        timeout: wall-clock seconds from the start of the task's process;
            ``None``: no limit.
        max_memory_mb: megabytes (2^20 bytes) of address space the process
            may add to what it inherited; ``None``: no limit. Enforced on
            platforms with ``RLIMIT_AS`` (Linux; not macOS).
    """

    timeout: float | None = None
    max_memory_mb: int | None = None


@dataclass(frozen=True, slots=True)
class Stopped:
    """A task that gave no result.

    Attributes:
        kind: ``timeout``, ``resource_limit`` or ``worker_died``.
        reason: one sentence for people (the limit, or how the process ended).
    """

    kind: StopKind
    reason: str


@dataclass(slots=True)
class _Job:
    index: int
    process: Any  # multiprocessing.Process of the fork or spawn context
    conn: Connection
    started: float
    deadline: float | None


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask where known)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def start_method() -> str:
    """``fork`` where the platform has it (the workers inherit the loaded
    modules), else ``spawn``."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def run_isolated(
    func: Callable[[T], R],
    tasks: Sequence[T],
    *,
    workers: int,
    limits: Limits,
    setup: Callable[[], None] | None = None,
) -> Iterator[tuple[int, R | Stopped, float]]:
    """Run ``func(task)`` for every task, each in a new process, ``workers`` at a time.

    Args:
        func: a module-level function (picklable under ``spawn``); it should
            catch its own errors and return them as values: an exception
            escaping it is reported as ``worker_died`` with the exception's
            text, except ``MemoryError``, reported as ``resource_limit``.
        tasks: the tasks (picklable under ``spawn``), started in this order.
        workers: processes running at the same time (at least 1).
        limits: wall-clock and memory limits of each task.
        setup: run first in each new process (before the memory limit), e.g.
            to set up logging or close inherited files.

    Yields:
        ``(index of the task, its result or a Stopped, wall seconds since its
        process started)``, in completion order.
        Closing the iterator (or an exception in the consumer) kills the
        tasks still running.
    """
    context = multiprocessing.get_context(start_method())
    pending = deque(enumerate(tasks))
    running: dict[Connection, _Job] = {}
    parent = os.getpid()
    try:
        while pending or running:
            while pending and len(running) < max(1, workers):
                index, task = pending.popleft()
                receive, send = context.Pipe(duplex=False)
                process = context.Process(
                    target=_child, args=(func, task, send, limits.max_memory_mb, setup, parent), daemon=True
                )
                process.start()
                send.close()  # only the child holds the write end: its exit makes the pipe readable
                started = time.monotonic()
                deadline = started + limits.timeout if limits.timeout is not None else None
                running[receive] = _Job(index, process, receive, started, deadline)
            deadlines = [job.deadline for job in running.values() if job.deadline is not None]
            wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            for conn in wait(list(running), timeout=wait_for):
                job = running.pop(conn)
                yield job.index, _answer(job), time.monotonic() - job.started
            now = time.monotonic()
            for conn, job in list(running.items()):
                if job.deadline is not None and now >= job.deadline:
                    del running[conn]
                    _kill(job)
                    yield job.index, Stopped("timeout", f"still running after {limits.timeout:g} s"), now - job.started
    finally:
        for job in running.values():
            _kill(job, reap=0.5)


def _answer(job: _Job) -> Any:
    """The result a finished process sent, or why it sent none."""
    try:
        status, payload = job.conn.recv()
    except (EOFError, OSError):
        status, payload = None, None
    finally:
        job.conn.close()
    job.process.join(_REAP_SECONDS)
    if job.process.exitcode is None:  # answered but does not exit: do not wait for it
        job.process.kill()
        job.process.join(_REAP_SECONDS)
    if status == "ok":
        return payload
    if status == "memory":
        return Stopped("resource_limit", "ran out of memory at the per-worker limit")
    if status == "error":
        return Stopped("worker_died", f"the worker failed: {payload}")
    return Stopped("worker_died", _how_it_ended(job.process.exitcode))


def _how_it_ended(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        cause = {
            "SIGKILL": "the out-of-memory killer, or killed from outside",
            "SIGSEGV": "a crash in a library",
            "SIGBUS": "a crash in a library, or the file changed while mapped",
            "SIGABRT": "a library aborted, often out of memory",
        }.get(name, "killed from outside")
        return f"the worker process was killed by {name} ({cause})"
    return f"the worker process exited with status {exitcode} without an answer"


def _kill(job: _Job, reap: float = _REAP_SECONDS) -> None:
    job.conn.close()
    if job.process.exitcode is None:
        job.process.kill()
    job.process.join(reap)


# --- in the worker process ---------------------------------------------------------


def _child(
    func: Callable[[Any], Any],
    task: Any,
    conn: Connection,
    max_memory_mb: int | None,
    setup: Callable[[], None] | None,
    parent: int,
) -> None:
    """Body of a worker process: run one task, send ``(status, payload)``, exit at once."""
    _die_with_parent(parent)
    if setup is not None:
        setup()
    restore = _limit_memory(max_memory_mb) if max_memory_mb is not None else None
    try:
        message: tuple[str, Any] = ("ok", func(task))
    except MemoryError:
        message = ("memory", None)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, the process ends anyway
        message = ("error", f"{type(exc).__name__}: {exc}")
    if restore is not None:
        restore()  # room to send the answer, even after a MemoryError
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("memory", None))
    except Exception as exc:  # an unpicklable result
        conn.send(("error", f"the result cannot be sent back ({type(exc).__name__}: {exc})"))
    finally:
        conn.close()
        sys.stdout.flush()
        sys.stderr.flush()
        # No interpreter shutdown: it could wait on state inherited from the
        # parent (threads, queues) and has nothing to clean up.
        os._exit(0)


def _die_with_parent(parent: int) -> None:
    """Default signal handling for a worker, and death with its parent (Linux).

    SIGTERM gets its default action (the parent's handler, inherited by
    fork, would run Python-level cleanup); SIGINT is ignored (Ctrl-C reaches
    the whole process group; the parent stops the workers itself).
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(1)


def _limit_memory(max_memory_mb: int) -> Callable[[], None] | None:
    """Cap this process's address space at its current size plus ``max_memory_mb``.

    Returns:
        A function that lifts the cap again (back to the hard limit), or
        ``None`` where ``RLIMIT_AS`` is not available.
    """
    try:
        import resource
    except ImportError:  # Windows
        return None
    if not hasattr(resource, "RLIMIT_AS"):
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = address_space() + max_memory_mb * (1 << 20)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return None

    def lift() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))

    return lift


def address_space() -> int:
    """This process's virtual memory size in bytes (``/proc/self/statm``), 0 where unknown."""
    try:
        with open("/proc/self/statm", "rb") as f:
            pages = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")
