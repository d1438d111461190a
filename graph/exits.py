"""Exit statuses of the ``kgbuilder`` command: one table, shown in ``--help`` and the README."""
from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    """What the exit status of ``kgbuilder`` says; when several apply, the highest is given."""

    OK = 0
    INPUTS = 1        # some inputs could not be read (the others were built), or none could
    USAGE = 2         # a usage error: bad option, unusable output directory, unknown model or query,
                      # a Dask cluster that cannot be reached or used
    INVALID = 3       # the graph violates the SHACL shapes (written all the same)
    WRITE = 4         # an output file could not be written (disk full): the old files are kept
    INTERRUPTED = 130  # Ctrl-C (SIGINT): the old files, or the complete new set, are kept


#: the table, as ``--help`` prints it
EXIT_STATUSES = """
\b
Exit statuses:
  0    success
  1    some inputs failed (the others were built), or none could be read
  2    usage error: bad option, unusable output directory, unknown model or query,
       a Dask cluster that cannot be reached
  3    the graph violates the SHACL shapes (it is written all the same)
  4    an output file could not be written (disk full): the old files are kept
  130  interrupted (Ctrl-C): the old files, or the complete new set, are kept
"""
