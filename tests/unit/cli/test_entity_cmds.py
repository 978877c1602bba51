"""The entity commands' own behaviour: names shared by several entities, wrong command lines."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

import marsad
from marsad.cli.entity_cmds import _also_named
from marsad.cli.main import main
from marsad.corpus.registry import RegEntity

ARTICLES = {
    "a1.txt": "قال الرئيس الروسي فلاديمير بوتين اليوم إن روسيا مستعدة للحوار مع أوروبا.\n"
              "وأضاف بوتين أن موسكو ترحب بكل مبادرة.",
    "a2.txt": "أعلن الكرملين أن بوتين سيزور تركيا الشهر المقبل، وأن روسيا وتركيا ستوقعان اتفاقيات.",
}


@pytest.fixture
def archive_path(tmp_path: Path) -> str:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with marsad.open(tmp_path / "a.db") as arch:
        arch.ingest([str(folder)])
    return str(tmp_path / "a.db")


def test_entity_names_the_other_entities_a_name_also_names() -> None:
    """`marsad entity اوباما` showed an ORG of 2 mentions named اوباما, with no word of the PER
    باراك اوباما (90 mentions) whose variant it also is."""
    ents = {1: RegEntity(1, "org:اوباما", "ORG", "اوباما", variants=Counter({"اوباما": 2}), count=2),
            2: RegEntity(2, "per:باراك اوباما", "PER", "باراك اوباما",
                         variants=Counter({"باراك اوباما": 70, "اوباما": 20}), count=90),
            3: RegEntity(3, "per:ميشيل اوباما", "PER", "ميشيل اوباما", variants=Counter({"ميشيل اوباما": 5}), count=5)}
    reg = SimpleNamespace(ents=ents)
    assert _also_named(reg, "أوباما", 1) == [{"id": 2, "name": "باراك اوباما", "type": "PER", "count": 90}]
    assert _also_named(reg, "باراك أوباما", 2) == []
    assert _also_named(reg, "#1", 1) == [] and _also_named(reg, "org:اوباما", 1) == []


def test_entity_merge_and_split_with_missing_arguments_are_a_wrong_command_line(archive_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["entity", "--archive", archive_path, "split"]) == 2
    assert "split takes 1 argument, got 0" in capsys.readouterr().err
    assert main(["entity", "--archive", archive_path, "merge", "بوتين"]) == 2
    assert "merge takes 2 arguments, got 1" in capsys.readouterr().err
    assert main(["entity", "--archive", archive_path, "merge", "gpe:موسكو", "فلاديمير بوتين"]) == 0
    assert "note: a GPE (موسكو) was merged into a PER (فلاديمير بوتين)" in capsys.readouterr().err


def test_analyze_conll_on_a_folder_a_missing_or_binary_file_is_one_clear_error(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`marsad analyze --conll FOLDER` ended in an IsADirectoryError traceback."""
    binary = tmp_path / "b.conll"
    binary.write_bytes(b"\xff\xfe\x00\x81" * 10)
    out = str(tmp_path / "out.conll")
    for src, says in ((tmp_path, "a folder"), (tmp_path / "missing.conll", "not there"), (binary, "not UTF-8")):
        assert main(["analyze", "--conll", str(src), "-o", out]) == 1
        err = capsys.readouterr().err
        assert f"{src}: {says}" in err and "Traceback" not in err


def test_entities_show_names_as_the_archive_writes_them(archive_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`marsad entities` listed registry names, normalised forms that read as misspellings
    (اوروبا, ابراهيم رييسي, المملكه العربيه السعوديه); the web pages showed the written ones."""
    import json

    assert main(["entities", "--archive", archive_path, "--json", "--limit", "50"]) == 0
    rows = {r["name"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows["اوروبا"]["display_name"] == "أوروبا"
    assert rows["روسيا"]["display_name"] == "روسيا"
    assert main(["entities", "--archive", archive_path, "--limit", "50"]) == 0
    table = capsys.readouterr().out
    assert "LOC  │ أوروبا " in table  # the name column; the variants column keeps the registry forms
    assert main(["entity", "--archive", archive_path, "اوروبا"]) == 0
    assert capsys.readouterr().out.split("\n", 1)[0].split("  ")[0].endswith(" أوروبا")


def test_a_hashtag_is_no_part_of_a_shown_name() -> None:
    from marsad.store.entity_queries import _shown

    assert _shown("دونالد #ترمب") == "دونالد ترمب" and _shown(" #إيران ") == "إيران"


def test_entity_json_has_the_written_name(archive_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    assert main(["entity", "--archive", archive_path, "اوروبا", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["display_name"] == "أوروبا"


def test_update_and_entity_merge_refuse_a_missing_archive(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    typo = tmp_path / "typo.db"
    assert main(["update", "--archive", str(typo)]) == 1
    assert main(["entity", "--archive", str(typo), "merge", "a", "b"]) == 1
    assert "no archive there" in capsys.readouterr().err and not typo.exists()


def test_display_name_writes_the_registry_name_or_picks_the_full_name() -> None:
    from marsad.store.entity_queries import display_name

    # a registry name (a normalised form) as the archive writes it most often, not a commoner name
    assert display_name({"طهران": 9, "إيران": 5, "ايران": 2}, "ايران") == "إيران"
    assert display_name({"أوباما": 9, "باراك أوباما": 3}, "باراك اوباما") == "باراك أوباما"
    assert display_name({"أوباما": 9}, "باراك اوباما") == "باراك اوباما"  # never written so: the registry's
    # without a registry name: the longest of the frequent spellings (a full name over a surname)
    assert display_name({"بوتين": 4, "فلاديمير بوتين": 2}, None) == "فلاديمير بوتين"
    assert display_name({"بوتين": 7, "فلاديمير بوتين": 2}, None) == "بوتين"
    assert display_name({}, None) is None


def test_the_cli_and_the_web_show_an_entity_by_one_name(archive_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`marsad entities` showed the registry name as the archive writes it most often, the web's
    lists the longest frequent spelling of 20 mentions of the key and its entity page that of all
    its surface forms: one entity, up to three names. Both show display_names now."""
    import json
    from urllib.parse import quote

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    assert main(["entities", "--archive", archive_path, "--json", "--limit", "50"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) >= 4
    with TestClient(create_app(archive_path)) as c:
        listed = {e["key"]: e["name"] for e in c.get("/api/entities", params={"limit": 100}).json()["items"]}
        for r in rows:
            assert listed[r["key"]] == r["display_name"]
            page = c.get("/api/entity/" + quote(r["key"], safe="")).json()
            assert page["name"] == r["display_name"]
            assert main(["entity", "--archive", archive_path, "#" + str(r["id"]), "--json"]) == 0
            assert json.loads(capsys.readouterr().out)["display_name"] == r["display_name"]


def test_an_entity_is_found_by_the_number_marsad_entities_lists(archive_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`marsad entities` lists each entity's number in its # column; `marsad entity 3` and
    `search --entity 3` said there was no entity named '3' (only `#3` worked), and told the
    user to run `marsad entities`, which they had."""
    import json

    assert main(["entities", "--archive", archive_path, "--json", "--limit", "50"]) == 0
    ids = {r["name"]: r["id"] for r in map(json.loads, capsys.readouterr().out.splitlines())}
    n = ids["روسيا"]
    assert main(["entity", "--archive", archive_path, str(n), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == n
    assert main(["search", "--archive", archive_path, "", "--entity", str(n), "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(h["id"] for h in hits) == ["a1", "a2"]
    assert main(["entity", "--archive", archive_path, "99999"]) == 1
    assert "no entity numbered '99999'" in capsys.readouterr().err
