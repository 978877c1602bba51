"""The seeds are cleaned as ../shared/seeds/EXPECTED.md says."""


def test_seed_000_debris_and_title(seeds):
    import marsad

    text = (seeds / "000_fb5f7343a8c5efbe.txt").read_text(encoding="utf-8")
    art = marsad.analyze_text(text)
    debris = {(text[s.start:s.end], s.label) for s in art.layer("debris")}
    assert ("Ru En", "language_switcher") in debris
    assert ("\u00a0", "layout") in {(t.strip(" "), k) for t, k in debris}
    assert art.title == "روسيا وإيران سوف تنسقان جهودهما لمكافحة فيروس كورونا"
    assert "Ru En" not in art.clean_text
    assert art.language == "ar"


def test_seed_001_dateline_credit_and_debris(seeds):
    import marsad

    text = (seeds / "001_679cebe4c01a82f2.txt").read_text(encoding="utf-8")
    art = marsad.analyze_text(text)
    assert (art.dateline_place, art.dateline_agency) == ("موسكو", "سبوتنيك")
    assert art.credit == "العربية نت"
    assert any(text[s.start:s.end] == "Exit mobile version" for s in art.layer("debris"))
    assert "Exit mobile version" not in art.clean_text
    assert "العربية نت" not in art.clean_text
    assert art.clean_text.startswith("بحث الرئيس الروسي")
