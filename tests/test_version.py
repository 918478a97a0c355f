"""flows/version.py: every source that can change a row is in the pipeline_version hash."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows import version

FLOWS = Path(version.__file__).resolve().parent
SHAPING = ["model.py", "inputs.py", "nlp.py", *(f"stages/{p.name}" for p in sorted((FLOWS / "stages").glob("*.py"))),
           *(str(p.relative_to(FLOWS)) for p in sorted((FLOWS / "text").rglob("*.py")))]


@pytest.mark.parametrize("source", SHAPING)
def test_sources_that_shape_rows_are_hashed(source):
    assert FLOWS / source in version._files()


def test_orchestration_is_not_hashed():
    # the flow and its tasks decide where work runs, not what a row holds: no reprocessing for them
    assert not {FLOWS / "pipeline.py", FLOWS / "tasks.py", FLOWS / "cli.py"} & set(version._files())
