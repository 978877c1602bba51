"""`marsad analyze`: one JSON object per article, every offset indexing the input text."""

from __future__ import annotations

import json

import orjson
import pytest

from marsad.cli.main import main

TEXT = ("Ru En\nالرياض - واس\nأعلن وزير الخارجية اليوم الثلاثاء أن المملكة ستستضيف القمة "
        "يوم 17 أيلول/ سبتمبر الجاري بحضور الرئيس الروسي فلاديمير بوتين.\nExit mobile version")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_analyze_writes_offsets_into_the_input_text(tmp_path, workers):
    src = tmp_path / "in.jsonl"
    rows = [{"id": f"x{i}", "source": "s", "url": "", "date": "2021-09-14", "title": "قمة", "text": TEXT}
            for i in range(3)]
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows) + b"{bad\n")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "--workers", workers]) == 0
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == ["x0", "x1", "x2"]
    g = got[0]
    assert g["dateline"] == {"place": "الرياض", "agency": "واس"}
    assert {TEXT[d["start"]:d["end"]] for d in g["debris"] if d["kind"] != "dateline"} >= {"Ru En", "Exit mobile version"}
    for t in g["timexes"]:
        assert TEXT[t["start"]:t["end"]] == t["text"]
    assert "2021-09-17" in {t["value"] for t in g["timexes"]}
    for m in g["mentions"]:
        assert TEXT[m["start"]:m["end"]] == m["text"]
    assert "بوتين" in " ".join(m["text"] for m in g["mentions"] if m["type"] == "PER")


def test_analyze_reads_what_ingest_reads(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("قمة الرياض\n" + TEXT, encoding="utf-8")
    (folder / "b.csv").write_text("id,date,title,text\nc1,2021-09-14,قمة,\"" + TEXT + "\"\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(folder), "-o", str(out), "--workers", "1", "--source", "okaz"]) == 0
    got = {g["id"]: g for g in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(got) == {"a", "c1"}
    assert got["a"]["source"] == "okaz" and got["a"]["title"] == "قمة الرياض"
    assert "2021-09-17" in {t["value"] for t in got["c1"]["timexes"]}
    assert any(m["text"] == "فلاديمير بوتين" for g in got.values() for m in g["mentions"])
    # a missing input is an error that names it
    assert main(["analyze", str(tmp_path / "nope.txt"), "-o", str(out)]) != 0
    assert "nope.txt" in capsys.readouterr().err


def test_analyze_maps_fields_and_reports_warnings(tmp_path, capsys):
    """analyze had only --text-field: a dump with other column names lost its ids, titles and
    dates; record warnings (a date it could not read) were not shown; an unwritable -o was a
    traceback."""
    src = tmp_path / "dump.csv"
    src.write_text("guid,headline,body,when\n"
                   f"g1,قمة الرياض,\"{TEXT}\",2021-09-14\n"
                   f"g2,قمة أخرى,\"{TEXT}\",قبل يومين\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "--workers", "1", "--id-field", "guid",
                 "--title-field", "headline", "--text-field", "body", "--date-field", "when"]) == 0
    got = {g["id"]: g for g in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(got) == {"g1", "g2"}
    assert (got["g1"]["title"], got["g1"]["published_at"]) == ("قمة الرياض", "2021-09-14")
    assert got["g2"]["published_at_source"] != "metadata"
    err = capsys.readouterr().err
    assert f"[W100] {src}:" in err and "date 'قبل يومين' is not a date" in err
    bad_out = tmp_path / "no-such-folder" / "out.jsonl"
    assert main(["analyze", str(src), "-o", str(bad_out), "--text-field", "body"]) == 1
    assert f"cannot write {bad_out}" in capsys.readouterr().err
