from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests check results, not speed: no per-example deadline, which a loaded CI machine
# can miss through no fault of the code.
settings.register_profile("marsad", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("marsad")

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
