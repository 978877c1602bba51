"""A site's tag list at the very end of an article: «… بكلية الطب. سمات تبوك جامعة تبوك».

Many Arabic news sites close an article with its keywords, after a label: «سمات» (3alyoum),
«الكلمات الدالة:», «كلمات مفتاحية:», «وسوم:», «الوسوم», «Tags:». The scraper flattens the block
into the text, on the last line or after it, one run of words or one tag a line. It is not the
article: it shows in search snippets, word vectors and story labels. :func:`tag_tail_span`
finds it from one text alone and returns it as a ``debris`` span of kind ``tags``.

A tail is a label, then up to 25 words (at most 300 characters, no line break) that run to the
end of the text with no full stop, question or exclamation mark at their end and no clause mark
(؛, a colon) inside; or a label alone on its line over up to 15 short lines to the end. The
label must not follow a letter: it starts a line, follows a sentence end or a mark
(. ! ؟ … » ” “ ، : ( > / @) or a no-break space. With a colon any label of the list will do;
without one, «سمات», «الوسوم», «وسوم». «سمات», an ordinary noun («من سمات المرحلة …»), may also
follow a word on an unpunctuated last line when that word does not govern it (not من، أبرز،
أهم، إحدى، هي، في …). At least 40 characters of article must come before the label.
"""

from __future__ import annotations

import regex

from marsad.model import Span

#: labels that are words of the running text too: a sentence boundary (or a non-governing
#: word before them on an unpunctuated last line) is needed
_WORD_LABELS = r"سمات|الوسوم|وسوم"
#: labels that are the site's: with a colon, or alone on their line (also the one-line tag
#: list anywhere in a text, :mod:`marsad.clean.debris`'s ``tags`` lines)
SITE_LABELS = (
    r"الكلمات الدالة|كلمات دالة|الكلمات المفتاحية|كلمات مفتاحية|كلمات البحث|الوسوم|وسوم|"
    r"مواضيع|tags|keywords|tagged|سمات"
)
_SPACE = r"[\s\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
#: the run of tags: no line break, no sentence-final mark at its end
_RUN = rf"(?P<run>[^\n]{{1,300}}?){_SPACE}*\Z"
_COLON = regex.compile(rf"(?<![^\s.!?؟…»”\"'\u00a0\u200b-\u200f\u202a-\u202e])(?:{SITE_LABELS}){_SPACE}*[:：]{_SPACE}*{_RUN}", regex.I)
_ALONE_LINE = regex.compile(
    rf"(?m)^{_SPACE}*(?:{SITE_LABELS}){_SPACE}*[:：]?{_SPACE}*\n(?P<run>(?:{_SPACE}*[^\n.!?؟]{{1,40}}\n){{0,14}}"
    rf"{_SPACE}*[^\n.!?؟]{{1,40}}){_SPACE}*\Z",
    regex.I,
)
_BOUNDARY_WORD = regex.compile(
    rf"(?:(?<=[.!?؟…»”“\"'،,:;؛()<>/@]){_SPACE}*|(?<=^|\n){_SPACE}*|(?<=[\u00a0\u200b-\u200f\u202a-\u202e]){_SPACE}*)"
    rf"(?:{_WORD_LABELS}){_SPACE}+{_RUN}"
)
_AFTER_WORD = regex.compile(rf"(?<=\p{{L}}\s)(?:سمات){_SPACE}+{_RUN}")
#: words that make the next noun part of their phrase: من سمات، أبرز سمات، هي سمات …
_GOVERNING = frozenset(
    "من ومن أبرز ابرز أهم اهم إحدى احدى أحد احد بعض كل هي هذه تلك ذات له لها لهم في على عن إلى الى "
    "و أن ان إن لأن ضمن بين مع بـ حول ذوي وهي وهذه أي اي تحمل يحمل تحمل تتسم ذو كانت كان".split()
)
_FINAL_MARK = regex.compile(r"[.!?؟…]\W*$")
_CLAUSE = regex.compile(r"[؛;]|[:：]\s")
_SENTENCE = regex.compile(r"[.!?؟](?:\s|$)")
_MAX_WORDS = 25
_MIN_BEFORE = 40


def _run_ok(run: str) -> bool:
    # a run of tags: few words, no sentence-final mark at its end, no clause marks (؛ or a
    # colon) inside
    words = run.split()
    return 0 < len(words) <= _MAX_WORDS and not _FINAL_MARK.search(run.strip()) and not _CLAUSE.search(run)


def tag_tail_span(text: str, *, removed: list[Span] | tuple[Span, ...] = ()) -> Span | None:
    """The trailing tag list of ``text`` as a ``debris`` span of kind ``tags``, or ``None``.

    ``removed`` are debris spans already found; a tail that starts inside one is left to it."""
    start = max(0, len(text) - 1200)
    found: list[int] = []
    for pattern in (_ALONE_LINE, _COLON, _BOUNDARY_WORD):
        m = pattern.search(text, start)
        while m is not None and not _run_ok(m.group("run")):
            m = pattern.search(text, m.start() + 1)
        if m is not None:
            found.append(m.start())
    if not found:
        m = _AFTER_WORD.search(text, start)
        while m is not None and not _run_ok(m.group("run")):
            m = _AFTER_WORD.search(text, m.start() + 1)
        if m is not None:
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            before = line.split()
            # an unpunctuated last line whose word before the label does not govern it
            if before and before[-1] not in _GOVERNING and not _SENTENCE.search(line):
                found.append(m.start())
    best = min(found) if found else None
    if best is None:
        return None
    # the span starts at the label (leading blanks of its line stay with the text before)
    while best < len(text) and regex.match(_SPACE, text[best]):
        best += 1
    if len(text[:best].strip()) < _MIN_BEFORE:
        return None
    if any(s.layer == "debris" and s.start <= best < s.end for s in removed):
        return None
    end = len(text.rstrip())
    return Span("debris", best, end, "tags")
