"""The stage registry: a spec is checked from what each entry declares, without building a
stage, and the declarations are the stages' own."""

from __future__ import annotations

import pytest

from marsad.errors import ConfigError
from marsad.pipeline.registry import DEFAULT_SPEC, STAGES, build, check


def test_each_entry_declares_what_its_stage_declares() -> None:
    for name, entry in STAGES.items():
        stage = entry.make()
        assert entry.name == name and name.split(".")[0] == stage.name
        assert (entry.requires, entry.provides) == (tuple(stage.requires), tuple(stage.provides)), name


@pytest.mark.parametrize("spec, match", [
    (["language.v1", "debris.v1"], "replaced by 'debris.v6'"),
    (["language.v1", "tokens.v1"], "unknown stage 'tokens.v1'"),
    (["language.v1", "dateline.v8"], r"stage 'dateline.v8' needs \['debris'\]"),
    (["language.v1", "debris.v6", "dateline.v8", "events.v16"], r"needs \['mentions', 'timex'\]"),
])
def test_check_refuses_what_build_refuses(spec: list[str], match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        check(spec)
    with pytest.raises(ConfigError, match=match):
        build(spec)


def test_check_passes_what_builds() -> None:
    light = ["language.v1", "debris.v6", "dateline.v8", "metadate.v1", "index_terms.v2"]
    assert check(light) == light and build(light).spec == ["language", "debris", "dateline", "metadate",
                                                            "index_terms"]
    assert check() == DEFAULT_SPEC and check(None) is not DEFAULT_SPEC


def test_check_builds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # a configured NER model that is not there: building the entity stage fails, checking does not
    monkeypatch.setenv("MARSAD_NER_MODEL", "/nonexistent/ner-model")
    assert check(DEFAULT_SPEC) == DEFAULT_SPEC
    with pytest.raises(ConfigError):
        build(DEFAULT_SPEC)
