"""The files a build writes, and what runs beside the writing."""
from __future__ import annotations

import pytest

from graph.cli_files import validation_jobs


@pytest.mark.parametrize("cores, jobs", [(1, 1), (2, 1), (3, 1), (4, 2), (8, 6)])
def test_cli_files_validation_takes_the_cores_the_writing_leaves(cores, jobs):
    # the build writes Turtle in its own process and the other formats in one child
    assert validation_jobs(cores) == jobs
