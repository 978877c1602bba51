"""Stage names (versioned) and the factories that build them. Explicit: nothing registers itself
on import. A pipeline spec is a list of these names.

A stage's version goes up when its output changes for the same input (a new rule, a changed
list): the name is what the eval's analysis cache is keyed by (:func:`marsad.eval.stories.analyse`),
so a bumped name analyses again. The old name is kept in :data:`RETIRED` with what replaced it
and why, and a spec that asks for it fails with that message."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from marsad.errors import ConfigError
from marsad.pipeline.core import Pipeline, Stage, check_order


def _language() -> Stage:
    from marsad.pipeline.stages import LanguageStage

    return LanguageStage()


def _debris() -> Stage:
    from marsad.pipeline.stages import DebrisStage

    return DebrisStage()


def _dateline() -> Stage:
    from marsad.pipeline.stages import DatelineStage

    return DatelineStage()


def _metadate() -> Stage:
    from marsad.pipeline.stages import MetadataDater

    return MetadataDater()


def _pubdate() -> Stage:
    from marsad.enrich.time.stages import PubDateStage

    return PubDateStage()


def _timex() -> Stage:
    from marsad.enrich.time.stages import TimexStage

    return TimexStage()


def _entities() -> Stage:
    from marsad.enrich.entities.stage import EntityRecognizer

    return EntityRecognizer()


def _events() -> Stage:
    from marsad.enrich.events.stage import EventCoderStage

    return EventCoderStage()


def _fingerprint() -> Stage:
    from marsad.corpus.minhash import MinHashFingerprinter

    return MinHashFingerprinter()


def _index_terms() -> Stage:
    from marsad.pipeline.stages import IndexTermsStage

    return IndexTermsStage()


@dataclass(frozen=True)
class StageEntry:
    """A registered stage version: its factory and what the stage declares. The declaration is
    the stage class's own ``requires`` and ``provides`` (a test holds them equal), written here
    so that a spec is checked without importing or building its stages: building
    ``entities.v10`` loads the entity tagger, and ``marsad update`` checks the archive's specs
    on every run."""

    name: str
    make: Callable[[], Stage]
    requires: tuple[str, ...]
    provides: tuple[str, ...]


STAGES: dict[str, StageEntry] = {e.name: e for e in (
    StageEntry("language.v1", _language, ("text",), ("language",)),
    StageEntry("debris.v6", _debris, ("text",), ("debris",)),
    StageEntry("dateline.v8", _dateline, ("debris",), ("dateline", "byline", "credit", "clean")),
    StageEntry("entities.v10", _entities, ("clean",), ("mentions",)),
    StageEntry("metadate.v1", _metadate, ("text",), ("published_at",)),
    StageEntry("pubdate.v4", _pubdate, ("clean",), ("published_at", "anchor")),
    StageEntry("timex.v6", _timex, ("clean",), ("timex",)),
    StageEntry("events.v16", _events, ("clean", "mentions", "timex"), ("events",)),
    StageEntry("index_terms.v2", _index_terms, ("clean",), ("index_terms",)),
    StageEntry("fingerprint.v1", _fingerprint, ("clean",), ("fingerprint",)),
)}

#: what ``marsad ingest`` and ``marsad analyze`` run unless told otherwise
DEFAULT_SPEC: list[str] = [
    "language.v1",
    "debris.v6",
    "dateline.v8",
    "entities.v10",
    "pubdate.v4",
    "timex.v6",
    "events.v16",
    "index_terms.v2",
    "fingerprint.v1",
]


#: names no longer built → what changed (the newest version of the stage, :data:`STAGES`, replaced
#: each: a bump touches no line here but the retired one's)
_RETIRED_WHY: dict[str, str] = {
    "timex.v1": ("a month or day-and-month with no year lies the way the sentence says: "
                 "behind after منذ, ahead after بحلول or a future verb (unless it is one "
                 "of the last two months), else up to four months ahead and otherwise "
                 "behind (it was the nearest, so December said in July was the coming one); "
                 "and what timex.v2 changed"),
    "timex.v2": ("a misspelt month beside its correct name (تشرين الثاني/نوفمير 2017) or "
                 "before a year (ديسمير 2014) is read as that month and keeps its year; a "
                 "decade of a life (في الثلاثينيات من عمرها) is no time; and what timex.v3 changed"),
    "timex.v3": ("an age after من عمره، من عمرها … is read as after من العمر (في الخمسين من "
                 "عمره: P50Y); a month or a year of a life (الشهر الرابع من عمره) is no age; "
                 "and what timex.v4 changed"),
    "timex.v4": ("a bare weekday lies ahead when its clause tells of an act to come: an "
                 "imperfect verb of a scheduled act (يلتقي، تقام، تستأنف …) up to 7 words "
                 "before it, or a future cue or verb up to 16 (سيزور … الأربعاء), unless "
                 "another clause or a perfect verb comes between; الأربعاء بعد القادم is a "
                 "week after the next; اليوم after a noun of an age or a people (عالم "
                 "اليوم، شباب اليوم) is PRESENT_REF"),
    "timex.v5": ("a weekday and its date are one expression valued by the date, a part of the day "
                 "or a deictic day before it (صباح اليوم الجمعة 2 ديسمبر 2016، الثلاثاء الموافق "
                 "14/8/2018) and a clock time before it (الساعة السابعة من صباح الجمعة 12 جوان 2015) "
                 "included; الفترة الراهنة، الوقت الحالي … are PRESENT_REF; a bare hour word before a "
                 "part of the day (في تمام السادسة مساءً) is a time; سنة واحدة is P1Y; العام الدراسي "
                 "is no calendar year; ذوالقعدة، ذوي القعدة are Hijri months"),
    "debris.v1": ("breadcrumb and menu lines and a source-link trailer at the end are debris; "
                  "and what debris.v2 changed"),
    "debris.v2": ("a trailing run of other articles' leads (a «more from this section» block "
                  "flattened into the text) is debris of kind related_teaser; and what "
                  "debris.v3 changed"),
    "debris.v3": ("a site's tag list at the very end (… بكلية الطب. سمات تبوك جامعة تبوك; "
                  "الكلمات الدالة:, وسوم:, Tags: and a label line over short tag lines) "
                  "is debris of kind tags; and what debris.v4 changed"),
    "debris.v4": ("one list of tag labels for the tag line anywhere in a text and the tag "
                  "list at its end: a line «الكلمات الدالة: …», «كلمات البحث: …», «Keywords: …» "
                  "inside a text is debris of kind tags, and so is «مواضيع: …» at the end; "
                  "and what debris.v5 changed"),
    "debris.v5": ("a photo slider's buttons opening the text («Next Previous», «السابق التالي» "
                  "on a line of its own) are site_chrome"),
    "dateline.v4": ("an outlet or agency before its reporter's city, closed by a colon "
                    "(سبق- القنفذة:، واس – جدة:، عبدالله البرقاوي- سبق- الرياض:) gives the city "
                    "as the place; and what dateline.v5 changed"),
    "dateline.v5": ("the outlet and its reporter's city on a line of their own, with no colon "
                    "(عين اليوم – جدة), and a reporter and a known city (غالب السهلي – بريدة) are "
                    "datelines; a line a removed span opens (a slider's Next Previous) is read "
                    "from where the span ends; and what dateline.v6 changed"),
    "dateline.v6": ("the input's author field is read as a dateline (واس - جدة، لندن: فلان، عكاظ (جدة)، "
                    "«الاقتصادية» من الرياض): its place and agency stand where the text gave none, "
                    "its person (if any) is the byline, an outlet's name alone is none; and what "
                    "dateline.v7 changed"),
    "dateline.v7": ("an agency after a colon with a space on one side (الرياض :الألمانية) or in brackets "
                    "after a dash (بيروت ـ (رويترز)), abbreviations however dotted and spaced (د. ب. أ، "
                    "أ. ف. ب، ا ش ا), a city and its reporter on a line of their own (مكة المكرمة – فلان), "
                    "and places the gazetteer lacks (الخبر، برشلونة، سول، وادي الدواسر: the wider list "
                    "of GeoNames' towns and Saudi Arabia's governorates)"),
    "dateline.v1": ("a dateline with its date (الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس, "
                    "القاهرة في 5 مايو 2020 (أ ش أ) -) is found, also when the source's boilerplate "
                    "learned the line; and what dateline.v2 changed"),
    "dateline.v2": ("a wire desk's tag before a title (عام / …, اقتصادي / …) is taken off; "
                    "and what dateline.v3 changed"),
    "dateline.v3": ("an outlet's copy of wire news (سبق- وكالات) has no place; a reporter's city "
                    "(عبدالرحمن الشهري – الرياض) is the place, not an agency; a city whose name opens "
                    "with an outlet's (المدينة المنورة) is read whole; a city with its epithet (القدس "
                    "المحتلة) before a dated dateline is a place"),
    "pubdate.v1": ("a URL with its section between year and month (/2013/middle_east/8/3/) gives the day; "
                   "a wire's closing time in Mecca time (16:02 ت م) gives the hour of a dateline's day"),
    "pubdate.v2": ("a clock time on a deictic day named with its weekday (الساعة الخامسة من مساء اليوم "
                   "الثلاثاء) says which weekday the article is from, as مساء اليوم الثلاثاء does"),
    "pubdate.v3": ("an article with no date of its own is dated from a full date of its text only when "
                   "that date falls on the weekday it names (اليوم الثلاثاء and a Tuesday's date); the "
                   "weekday nearest a cited date of another weekday was a year off as often as not"),
    "entities.v1": ("the entity rules of December 2026: propagation asks the drop step, "
                    "known surnames, foreign places' spellings, and more; and what entities.v2 changed"),
    "entities.v2": ("two people whose names give different fathers (محمد بن نايف بن عبدالعزيز, "
                    "محمد بن سلمان بن عبدالعزيز) are two people in one article; عبد is written with "
                    "the name after it in a person's key (عبد ربه منصور هادي: per:عبدربه منصور هادي); "
                    "and what entities.v3 changed"),
    "entities.v3": ("the Maghrebi qaf ڨ is read as ق (ڨفصة: gpe:قفصه); إنجلترا is England, "
                    "no longer a short name of the United Kingdom; and what entities.v4 changed"),
    "entities.v4": ("an article in Urdu, Sorani or Pashto (language ur, ckb, ps) has no mentions: "
                    "the Arabic tagger read «ابراهيم رئيسي نے شركت» as a name; and what entities.v5 changed"),
    "entities.v5": ("a second title of rank (الرئيس، الملك، الأمير، السلطان) further back before a name is "
                    "another's: in a list of tags «الرئيس الفرنسي الرئيس المصري الملك سلمان» the king's "
                    "role is الملك and his country no longer FR; a lone surname of a well-known man (ترامب, أوباما, "
                    "نتنياهو, أردوغان, الخميني, خامنئي) joins no other full name with it (ميلانيا ترامب); "
                    "and what entities.v6 changed"),
    "entities.v6": ("a lone surname the lexicon knows (ترامب, أوباما, نتنياهو, أردوغان) is keyed by the "
                    "man's full name (per:دونالد ترامب); two names run together are two mentions "
                    "(السيسي وهولاند، ترامب غوغل); a common noun before another's surname is no first "
                    "name (تفاني كوهين); صباح before يوم is the morning; ولاية is no title (ولاية لوغار "
                    "is a province) and two words after an indefinite place head name the place (منطقة "
                    "ميري هيل); الجزيرة in an article about an island, with no cue of the channel, is "
                    "no organisation; and what entities.v7 changed"),
    "entities.v7": ("a title in apposition is the man's before it (مايك بنس، نائب الرئيس الأمريكي "
                    "دونالد ترامب: Trump's role is الرئيس الأمريكي); سيد/سيدة + a common word after a "
                    "full name is an epithet (فلاديمير بوتين | سيد الكرملين); a club's name ends before "
                    "its player (نادي ليستر | رياض محرز); الإخوان alone in an article naming the "
                    "Brotherhood is the organisation; an unknown two-word place after a person noun "
                    "(الصحافية الليبرالية كسينيا سوبتشاك) is a person; and what entities.v8 changed"),
    "entities.v8": ("a team position + club is no person (مهاجم ليستر) and a club before a player "
                    "named once ends before him (مهاجم ليستر | رياض محرز); two full names with "
                    "different first names are two people (brothers: خالد بن سلمان، محمد بن سلمان); "
                    "a lone name joins a full name only as its given or family name, not a father's "
                    "name after بن, and the earliest named or one of its rank (سلمان alone is not "
                    "محمد بن سلمان; الملك سلمان is سلمان بن عبدالعزيز); a person takes no town's "
                    "country (الأمير نايف: not AE); a count (المئات) ends an organisation's name; "
                    "and what entities.v9 changed"),
    "entities.v9": ("a name ends before a word that ends no name: a preposition + a head or title "
                    "(موراليز | لنادي), a verb (إليزابيث | ظهرت، تميم بن حمد | يسير) or a frequent "
                    "noun's accusative (ملكا); a place or institution named after a person with his "
                    "honorific (مستشفى الملك فهد، جامعة الأمير سلطان، شارع الملك فهد، مطار رفيق "
                    "الحريري الدولي) is one ORG or LOC, not a mention of the person; a body of two "
                    "countries (مجلس الأعمال السعودي الفرنسي) is one organisation; a future verb "
                    "(سنتحرك) is no person; a preposition (دون) ends an organisation's name; an "
                    "accusative noun phrase is no name (مرسوما رئاسيا) and an accusative noun before a "
                    "name no part of it (والدا | بيوني سيستو); a well-known man's name ends at his "
                    "surname (دونالد ترامب | إيفانكا)"),
    "events.v1": ("precision guards: no event in a question, a sentence naming an earlier year, "
                 "after a relative pronoun or كان, on a definite noun no occurrence verb brings in, "
                 "or on the doers counted without a street action; and what events.v2 changed"),
    "events.v2": ("a visit written with the conjunction (وزار، وزارت، وزاروا) is found: only the "
                 "nouns وزارة and وزير, not every word with وزار in it, are kept from the verb زار; "
                 "and what events.v3 changed"),
    "events.v3": ("counts written with ئ (مئات، مئة) and the other lexicon words with it match; "
                 "the victims of an unmarked passive (14 جنديا قتلوا في هجوم) and the people "
                 "counted after a word of harm (مقتل أربعة من عناصر الشرطة) are the target, not "
                 "the source; and what events.v4 changed"),
    "events.v4": ("the subject of an unmarked passive is only the actor right before the verb "
                 "(وأعلنت الوزارة أن 30 شخصا قتلوا: the ministry is no actor of the killing); "
                 "and what events.v5 changed"),
    "events.v5": ("an actor noun is given without its proclitic (بالمدنيين → المدنيين, للجيش → جيش), "
                 "a noun after a preposition is no part of the actor before it, and a word holding a "
                 "mention (لميليشيات الحوثي) leaves the actor to the mention; and what events.v6 changed"),
    "events.v6": ("an entity mention or a date in removed text (a dateline's «(CNN)», blanked) is no "
                 "actor or date of an event: its actor read as blanks; and what events.v7 changed"),
    "events.v7": ("the dateline is an event's place only when the article names its city or no place "
                 "(an outlet's desk, CNN's «دبي، الإمارات العربية المتحدة», was the place of its "
                 "reports on Syria); a date after منذ is no event's date; an event its sentence dates "
                 "a month or more before the report is history, not coded; and what events.v8 changed"),
    "events.v8": ("a wire agency or a platform (لوكالة فرانس برس، على تويتر) is no actor of an event; "
                 "السلطات is a common actor noun (السلطات التركية); and what events.v9 changed"),
    "events.v9": ("the mentions of entities.v4 (ڨ read as ق) and the entity keys they give; "
                  "ل، و، ب come off a short acronym only after a tatweel (لـواس): لبنا، وارنا، وقنا "
                  "are no media; and what events.v10 changed"),
    "events.v10": ("an article in Urdu, Sorani or Pashto has no events (the trigger lexicon is "
                   "Arabic's); and what events.v11 changed"),
    "events.v11": ("who reports an event is no actor of it (أعلنت الأمم المتحدة أن غارات استهدفت …، "
                   "أعلن المرصد مقتل صحفية، على ما أعلنت البعثة); a place after وفي is no actor; a "
                   "visit's place is where it goes (زيارته لإسرائيل); a halted act (تعليق هجومها) is "
                   "none; a detention (احتجز، احتجاز) is an arrest; and what events.v12 changed"),
    "events.v12": ("a habit is no event (اعتاد أن يزور، يلتقي … كل أسبوع); هدد that endangers is no "
                   "threat (يهدد حياة …، الجفاف يهدد، يشكل تهديدا); a toll is no new attack (ارتفعت "
                   "حصيلة قتلى …، قتل 35 … منذ بداية الحرب); a phone call is CONSULT, mode phone "
                   "(اتصالا هاتفيا، مكالمة هاتفية; not an interview given by phone); القبض على and "
                   "أعادت اعتقال are arrests; and what events.v13 changed"),
    "events.v13": ("a phone call told after a verb, its subject and its object (أبلغ بوتين الأسد "
                   "خلال اتصال هاتفي) goes from the subject, not the object; a call between two "
                   "(بين ماكرون وروحاني) from the first; an act of any kind (ترفض أي هجوم، القبض "
                   "على أي شخص) or under a condition (إذا، لو، في حال) is no event, a threat aside; "
                   "a programme aimed at its audience (البرنامج يستهدف) is no attack; and what "
                   "events.v14 changed"),
    "events.v14": ("an outlet's house line in the input's author field (أبوظبي - سكاي نيوز عربية: a "
                   "place and an outlet that is no wire, no person) places an event only where the "
                   "text names that place, not in an article that names none"),
    "events.v15": ("an event's date may be a time's day (صباح اليوم الجمعة 2 ديسمبر 2016 → 2016-12-02), "
                   "and the dates are timex.v6's"),
    "index_terms.v1": ("ڨ is indexed as ق: a search for قابس finds ڨابس"),
}


def _newest(name: str) -> str:
    """The registered version of the stage ``name`` is a version of (``timex.v1`` → ``timex.v6``)."""
    stage = name.rpartition(".v")[0]
    return next(s for s in STAGES if s.rpartition(".v")[0] == stage)


#: names no longer built → (the name that replaced it, what changed)
RETIRED: dict[str, tuple[str, str]] = {old: (_newest(old), why) for old, why in _RETIRED_WHY.items()}


def check(spec: Sequence[str] | None = None) -> list[str]:
    """The stage names of ``spec`` (the default spec when ``None``), checked as :func:`build`
    checks them — each name current, each stage's requirements provided by an earlier one —
    without building a stage; :class:`ConfigError` saying what to ask for instead."""
    names = list(DEFAULT_SPEC if spec is None else spec)
    for n in names:
        if n in RETIRED:
            new, why = RETIRED[n]
            raise ConfigError(f"stage {n!r} was replaced by {new!r} ({why}); ask for {new!r}")
        if n not in STAGES:
            raise ConfigError(f"unknown stage {n!r}; known stages: {', '.join(sorted(STAGES))}")
    check_order([STAGES[n] for n in names])
    return names


def build(spec: Sequence[str] | None = None) -> Pipeline:
    """Build a pipeline from a list of stage names (the default spec when ``None``)."""
    return Pipeline([STAGES[n].make() for n in check(spec)])


def current(name: str) -> str:
    """The default spec's version of the stage ``name`` (``events`` → ``events.v15``): what
    messages and benchmarks name, so that a version bump is one line here."""
    return next(s for s in DEFAULT_SPEC if s.rpartition(".v")[0] == name)


def has_stage(spec: Iterable[str], name: str) -> bool:
    """Whether a spec holds some version of the stage ``name`` (``index_terms`` for ``index_terms.v2``)."""
    return any(n.split(".")[0] == name for n in spec)
