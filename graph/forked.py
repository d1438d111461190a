"""Work done on another core while this process goes on: a function run on a forked process.

A build's last steps each read the whole graph and write nothing into it (validating,
rendering a format), so a forked copy of the process can do one while this process does
another. The child inherits everything by forking, runs the function and sends its result
back through a pipe. Where processes cannot be forked, or the child dies without a result
(killed, out of memory, an error), the function runs in this process instead, so its
result, or its error, is the same either way.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import signal
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Forked(Generic[T]):
    """``fn()`` computed on a forked process; :meth:`result` waits for it.

    >>> Forked(lambda: sum(range(10))).result()
    45
    """

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        self._child = self._receive = self._result = None
        self._done = False
        if "fork" not in mp.get_all_start_methods():
            return
        ctx = mp.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        # Ctrl-C waits while the child is forked: Python drops a KeyboardInterrupt raised in
        # its at-fork hooks, in the parent and in the child alike
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._child = ctx.Process(target=_run_into, args=(fn, send, receive), daemon=True)
            self._child.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            send.close()
        self._receive = receive

    def result(self) -> T:
        """The function's result: the child's, or computed here when there is no child or it
        died without one. An interrupt while waiting stops the child."""
        if not self._done:
            self._result, self._done = self._wait(), True
        return self._result

    def _wait(self) -> T:
        if self._child is None:
            return self._fn()
        try:
            return self._receive.recv()
        except EOFError:  # the child died without a result
            return self._fn()
        except BaseException:  # interrupted: the child's work is not wanted any more
            self.stop()
            raise
        finally:
            self._close()

    def stop(self) -> None:
        """End the child without waiting for its result."""
        if self._child is not None:
            self._child.terminate()
            self._close()

    def _close(self) -> None:
        self._child.join()
        self._receive.close()


def _run_into(fn: Callable, send, receive) -> None:
    # the parent's end of the pipe, inherited: held here, it would keep the pipe open after
    # the parent died (killed), and the child would wait forever to send into it
    receive.close()
    # Ctrl-C reaches the whole process group: the child ends quietly, the parent reports
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # the collector leaves the inherited objects alone: walking them all would copy every
    # page of the parent's heap into the child
    gc.freeze()
    try:
        result = fn()
    except BaseException:  # the parent runs fn itself and meets the error there
        send.close()
        return
    try:
        send.send(result)
    except OSError:  # the parent is gone (killed): no one wants the result
        pass
    send.close()
