"""Time budgets: stop a file (``--timeout-per-file``) or a rule that runs too long.

One interval timer (``SIGALRM``) serves every nested budget, armed for the earliest
deadline: entering or leaving a budget costs two system calls, so the common path, where
nothing is late, pays next to nothing. When a deadline passes, the signal handler raises
that budget's exception in the code that is running, Python or the regular-expression
engine alike (both check for signals). The exceptions derive from `BaseException`, so
that no ``except Exception`` in a rule or library swallows them.

Budgets work in the main thread of a process with ``SIGALRM`` (Linux, macOS), which is
where gklint checks files, in the command's process or in each worker process. Elsewhere
they are not enforced.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


class OverBudget(BaseException):  # noqa: N818 - reads as what happened: the code ran over its budget
    """Raised where the code was when its budget ran out."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over the {seconds:g} s time budget")
        self.seconds = seconds


class FileOverBudget(OverBudget):
    """Checking one file took longer than ``--timeout-per-file``."""


class RuleOverBudget(OverBudget):
    """One rule took longer than its budget on one file."""


# The budgets in force, outermost first: (deadline on the monotonic clock, exception).
_stack: list[tuple[float, Callable[[], OverBudget]]] = []
_previous_handler: object = None


def _arm() -> None:
    if _stack:
        delay = min(deadline for deadline, _ in _stack) - time.monotonic()
        # setitimer(0) would disarm the timer: a deadline already passed fires at once.
        signal.setitimer(signal.ITIMER_REAL, max(delay, 1e-6))
    else:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _expired(signum: int, frame: FrameType | None) -> None:
    now = time.monotonic()
    for deadline, make in _stack:  # outermost first: a file over budget ends the file, not just a rule
        if deadline <= now:
            raise make()
    _arm()  # woken early (clock granularity): wait for the real deadline


def _enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None, make: Callable[[], OverBudget]) -> Iterator[None]:
    """Run the body with at most ``seconds`` of wall time (None: no limit).

    When time runs out, ``make()`` is raised inside the body; it propagates out of the
    ``with`` for the caller to catch.
    """
    if seconds is None or not _enforceable():
        yield
        return
    global _previous_handler  # noqa: PLW0603 - the handler is process-wide by nature
    if not _stack:
        _previous_handler = signal.signal(signal.SIGALRM, _expired)
    _stack.append((time.monotonic() + seconds, make))
    _arm()
    try:
        yield
    finally:
        _stack.pop()
        _arm()
        if not _stack:
            signal.signal(signal.SIGALRM, _previous_handler or signal.SIG_DFL)  # type: ignore[arg-type]
