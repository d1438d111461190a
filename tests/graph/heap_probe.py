"""What glibc does with a large buffer, seen through ``mallinfo2``: run in a child process
by the tests of the heap's settings (they last for the whole process)."""
from __future__ import annotations

import ctypes
import ctypes.util

#: a buffer as large as a store batch's N-Quads, within glibc's adaptive range (up to 32 MiB)
LARGE = 8 << 20


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]


_libc = ctypes.CDLL(ctypes.util.find_library("c"))
_libc.malloc.restype = ctypes.c_void_p
_libc.malloc.argtypes = [ctypes.c_size_t]
_libc.free.argtypes = [ctypes.c_void_p]
_libc.mallinfo2.restype = _MallInfo2


def _mapped() -> int:
    return _libc.mallinfo2().hblkhd


def large_buffer_mapped() -> bool:
    """Whether a large buffer made after another was freed gets pages of its own (and so
    goes back to the system whole when freed) rather than a place in the heap."""
    _libc.free(_libc.malloc(LARGE))
    before = _mapped()
    block = _libc.malloc(LARGE)
    try:
        return _mapped() - before >= LARGE
    finally:
        _libc.free(block)
