"""decode_bytes: UTF-8 (BOM or not), UTF-16 with BOM, Windows-1256, ISO-8859-6; bad bytes reported."""

from __future__ import annotations

import os

import pytest

from marsad.clean.decode import arabic_score, decode_bytes, looks_binary

# written for these tests; uses letters that the two Arabic code pages place differently
# (ف ق ك ل م ن ه و ى ي) and the Arabic comma, semicolon and question mark
TEXT = ("قال المتحدث باسم الحكومة، في بيان صدر مساء الخميس، إن الوفد سيغادر إلى الكويت "
        "غدا؛ فهل تنجح الوساطة هذه المرة؟ وأضاف أن «المفاوضات لم تنته بعد» — بحسب قوله.")
# ISO-8859-6 has no «», em dash or U+061B-less forms for some of the above: a plainer sentence
PLAIN = "قال وزير الخارجية إن المفاوضات مستمرة، وإن الوفد يلتقي اليوم في الدوحة ممثلين عن الطرفين."


@pytest.mark.parametrize("text,codec,label", [
    (TEXT, "utf-8", "utf-8"), (TEXT, "utf-8-sig", "utf-8"), (TEXT, "utf-16", "utf-16-le"),
    (TEXT, "utf-16-be", "utf-8"),  # no BOM: not recognised, see below
    (TEXT.replace("«", '"').replace("»", '"').replace(" —", ","), "cp1256", "windows-1256"),
    (PLAIN, "cp1256", "windows-1256"), (PLAIN, "iso8859-6", "iso-8859-6"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1256-punct", "cp1256", "iso8859-6"])
def test_round_trip(text, codec, label):
    data = text.encode(codec)
    if codec == "utf-16-be":  # BOM-less UTF-16 is not supported; make it a BE file with BOM
        data, label = b"\xfe\xff" + data, "utf-16-be"
    d = decode_bytes(data)
    assert (d.text, d.encoding, d.warnings, d.replaced) == (text, label, (), 0)


def test_valid_utf8_wins_over_a_wrong_declaration():
    d = decode_bytes(PLAIN.encode(), declared="windows-1256")
    assert (d.text, d.encoding) == (PLAIN, "utf-8")


def test_declared_latin_is_only_a_hint():
    # old Arabic sites declared ISO-8859-1 and served Windows-1256
    d = decode_bytes(PLAIN.encode("cp1256"), declared="iso-8859-1")
    assert (d.text, d.encoding) == (PLAIN, "windows-1256")


def test_wrong_arabic_declaration_is_corrected():
    d = decode_bytes(PLAIN.encode("iso8859-6"), declared="windows-1256")
    assert (d.text, d.encoding) == (PLAIN, "iso-8859-6")


def test_short_text_in_declared_code_page_is_trusted():
    data = '{"id": "item-0001", "url": "https://example.org/a", "text": "نعم"}'.encode("cp1256")
    assert decode_bytes(data, declared="windows-1256").text.endswith('"نعم"}')


def test_a_few_bad_bytes_in_utf8_are_reported_with_offset():
    good = PLAIN.encode()
    cut = len(PLAIN[:10].encode())
    d = decode_bytes(good[:cut] + b"\xc3\x28\xff" + good[cut:])
    assert d.encoding == "utf-8"
    assert d.replaced == 2
    assert d.warnings == (f"2 undecodable byte sequence(s) replaced by U+FFFD (first at byte {cut})",)
    assert d.text.replace("\ufffd", "") == PLAIN[:10] + "(" + PLAIN[10:]


def test_random_bytes_never_raise():
    for seed in range(5):
        data = os.urandom(2000 + seed)
        d = decode_bytes(data)
        assert isinstance(d.text, str)


def test_latin_text_is_not_read_as_arabic():
    fr = "Le président a déclaré à Paris qu'il était prêt à négocier."
    d = decode_bytes(fr.encode("latin-1"))
    assert d.text == fr
    assert arabic_score("Le prىsident a dىclarى") == 0.0


def test_looks_binary():
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert looks_binary(bytes(range(32)) * 10)
    assert not looks_binary(PLAIN.encode())
    assert not looks_binary(PLAIN.encode("cp1256"))
    assert not looks_binary(b"")
