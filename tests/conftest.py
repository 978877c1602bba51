from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is absent (a user's fresh clone has none)")
    return SHARED_DATA


@pytest.fixture
def seeds() -> Path:
    p = SHARED / "seeds"
    if not p.is_dir():
        pytest.skip("../shared/seeds is absent")
    return p
