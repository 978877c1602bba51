"""Curated word lists of organisations and named things for entity tagging: organisation heads and
one-word organisations, media heads and names, company words, the words that end an
organisation's name, named agreements, works and products and the words that cue them, Latin
letters spelled in Arabic (acronyms), and currencies.

Everything here is written in *normalized* form (see :mod:`marsad.text.normalize`: alef forms
U+0623/U+0625/U+0622 → U+0627, U+0629 ة → U+0647 ه, U+0649 ى → U+064A ي, tashkeel dropped), so
lookups compare folded text with folded text.
"""

from __future__ import annotations

from marsad.enrich.entities.lexicon import word_set
from marsad.text.normalize import normalize

#: heads of organisation names
ORG_HEADS = word_set(
    "وزاره الوزاره مجلس المجلس منظمه المنظمه حزب الحزب حركه الحركه جماعه الجماعه تنظيم التنظيم "
    "وكاله الوكاله شركه الشركه جامعه الجامعه هيئه الهيئه مؤسسه المؤسسه بنك البنك مصرف المصرف "
    "صندوق الصندوق اتحاد الاتحاد جمعيه الجمعيه لجنه اللجنه مركز المركز معهد المعهد جيش "
    "الجيش قوات القوات البرلمان الكونغرس الكونجرس محكمه المحكمه نقابه النقابه ائتلاف الائتلاف جبهه "
    "الجبهه تحالف التحالف رابطه الرابطه مكتب المكتب السفاره سفاره القنصليه قنصليه الخارجيه "
    "الداخليه مديريه المديريه إداره الإداره دائره الدائره مجموعه المجموعه نادي النادي "
    "صحيفه الصحيفه مجله المجله قناه تلفزيون إذاعه الإذاعه كتائب سرايا ألويه لواء فيلق "
    "الحرس الاستخبارات المخابرات الشرطه البورصه الرئاسه رئاسه أكاديميه الأكاديميه"
)

#: a one-word organisation that stands alone (الكرملين، البنتاغون …) with country and English name
ORG_SINGLES: dict[str, tuple[str, str]] = {
    normalize(k): v for k, v in {
        "الكرملين": ("RU", "Kremlin"),
        # (names whose words are all rare: a word of a gazetteer phrase is no longer an ordinary
        # word to the rules — بلا، حدود، الشعب must stay ordinary)
        "هيومن رايتس ووتش": ("", "Human Rights Watch"), "هيومان رايتس ووتش": ("", "Human Rights Watch"),
        "فيفا": ("", "FIFA"), "الفيفا": ("", "FIFA"), "يويفا": ("", "UEFA"), "اليويفا": ("", "UEFA"),
        "البنتاغون": ("US", "Pentagon"),
        "ناسا": ("US", "NASA"),
        "الكونغرس": ("US", "United States Congress"), "الكونجرس": ("US", "United States Congress"),
        "البنتاجون": ("US", "Pentagon"),
        "الإليزيه": ("FR", "Élysée"),
        "الكنيست": ("IL", "Knesset"),
        "الناتو": ("", "NATO"),
        "حلف الناتو": ("", "NATO"),
        "حلف شمال الأطلسي": ("", "NATO"),
        "اليونسكو": ("", "UNESCO"),
        "اليونيسف": ("", "UNICEF"),
        "الأونروا": ("", "UNRWA"),
        "أوبك": ("", "OPEC"),
        "طالبان": ("AF", "Taliban"),
        "حماس": ("PS", "Hamas"),
        "فتح": ("PS", "Fatah"),
        "حزب الله": ("LB", "Hezbollah"),
        "داعش": ("", "ISIS"),
        "القاعده": ("", "al-Qaeda"),
        "الإخوان المسلمين": ("", "Muslim Brotherhood"),
        "سبوتنيك": ("RU", "Sputnik"),
        "رويترز": ("", "Reuters"),
        "الأمم المتحده": ("", "United Nations"),
        "الاتحاد الأوروبي": ("", "European Union"),
        "الجامعه العربيه": ("", "Arab League"),
        "البيت الأبيض": ("US", "White House"),
        "منظمه شنغهاي للتعاون": ("", "Shanghai Cooperation Organisation"),
        "مجلس الأمن": ("", "UN Security Council"),
        "مجلس الاتحاد": ("RU", "Federation Council"),
        "مجلس الاتحاد الفيدراليه الروسي": ("RU", "Federation Council"),
        "مجلس الفيدراليه الروسي": ("RU", "Federation Council"),
        "الحرس الثوري": ("IR", "IRGC"),
        "الحرس الوطني": ("", "National Guard"),
        "الهلال الأحمر": ("", "Red Crescent"),
        "الصليب الأحمر": ("", "Red Cross"),
        "صندوق النقد الدولي": ("", "IMF"),
        "البنك الدولي": ("", "World Bank"),
        "منظمه الصحه العالميه": ("", "WHO"),
        "مجموعه العشرين": ("", "G20"),
        "مجموعه الدول العشرين": ("", "G20"),
        "مجلس التعاون الخليجي": ("", "GCC"),
        "جامعه الدول العربيه": ("", "Arab League"),
        "منظمه التعاون الإسلامي": ("", "OIC"),
        "الدفاع المدني": ("", "Civil Defence"),
        "فرانس برس": ("FR", "AFP"),
        "أسوشيتد برس": ("US", "AP"),
        "وكاله الأنباء السعوديه": ("SA", "SPA"),
        "واس": ("SA", "SPA"),
        "تاس": ("RU", "TASS"),
        "نوفوستي": ("RU", "RIA Novosti"),
        "إرنا": ("IR", "IRNA"),
        "سانا": ("SY", "SANA"),
        "الأناضول": ("TR", "Anadolu"),
        "يونهاب": ("KR", "Yonhap"),
        "شينخوا": ("CN", "Xinhua"),
        "بي بي سي": ("GB", "BBC"),
        "سي إن إن": ("US", "CNN"),
        "الجزيره": ("QA", "Al Jazeera"),
        "تويتر": ("US", "Twitter"),
        "فيسبوك": ("US", "Facebook"),
        "جوجل": ("US", "Google"),
        "غوغل": ("US", "Google"),
        "أرامكو": ("SA", "Aramco"),
        "ريال مدريد": ("ES", "Real Madrid"),
        "برشلونه": ("ES", "FC Barcelona"),
        "أتلتيكو مدريد": ("ES", "Atlético Madrid"),
        "أتليتيكو مدريد": ("ES", "Atlético Madrid"),
        "باريس سان جيرمان": ("FR", "Paris Saint-Germain"),
        "باريس سان جرمان": ("FR", "Paris Saint-Germain"),
        "بوروسيا دورتموند": ("DE", "Borussia Dortmund"), "زينيت سان بطرسبرغ": ("RU", "Zenit Saint Petersburg"),
        "زينيت": ("RU", "Zenit Saint Petersburg"),
        "دورتموند": ("DE", "Borussia Dortmund"),
        "باريس سان جرمين": ("FR", "Paris Saint-Germain"),
        "سان جيرمان": ("FR", "Paris Saint-Germain"),
        "سان جرمان": ("FR", "Paris Saint-Germain"),
        "بايرن ميونيخ": ("DE", "Bayern Munich"),
        "تشلسي": ("GB", "Chelsea FC"),
        "آرسنال": ("GB", "Arsenal"),
        "توتنهام": ("GB", "Tottenham Hotspur"),
        "كريستال بالاس": ("GB", "Crystal Palace"), "ستوك سيتي": ("GB", "Stoke City"),
        "ليستر سيتي": ("GB", "Leicester City"), "وست بروميتش ألبيون": ("GB", "West Bromwich Albion"),
        "سوانزي سيتي": ("GB", "Swansea City"), "إيفرتون": ("GB", "Everton"), "ايفرتون": ("GB", "Everton"),
        "بيرنلي": ("GB", "Burnley"), "نابولي": ("IT", "Napoli"),
        "توتنهام هوتسبير": ("GB", "Tottenham Hotspur"),
        "إشبيلية": ("ES", "Sevilla FC"),
        "أشبيلية": ("ES", "Sevilla FC"),
        "ميلان": ("IT", "AC Milan"),
        "إنتر ميلان": ("IT", "Inter Milan"),
        "انتر ميلان": ("IT", "Inter Milan"),
        "ليفربول": ("GB", "Liverpool FC"),
        "مانشستر يونايتد": ("GB", "Manchester United"),
        "مانشستر سيتي": ("GB", "Manchester City"),
        "تشيلسي": ("GB", "Chelsea FC"),
        "أرسنال": ("GB", "Arsenal"),
        "يوفنتوس": ("IT", "Juventus"),
        "بايرن ميونخ": ("DE", "Bayern Munich"),
        "الزمالك": ("EG", "Zamalek"),
        "الترجي": ("TN", "Espérance de Tunis"),
    }.items()
}

#: named agreements, events and products (MISC)
MISC_NAMES: dict[str, str] = {
    normalize(k): v for k, v in {
        "خطه العمل الشامله المشتركه": "JCPOA",
        "الاتفاق النووي": "JCPOA",
        "اتفاقيه بحر قزوين": "Caspian Sea Convention",
        "كأس العالم": "World Cup",
        "رؤيه 2030": "Vision 2030",
        "عاصفه الحزم": "Operation Decisive Storm",
    }.items()
}

#: a product or vaccine context word that makes the next quoted name a product (MISC), not an agency
#: the short name of the Muslim Brotherhood ("the brothers"): a body only in an article that
#: names it in full (جماعة الإخوان المسلمين), see :func:`.organisations.short_bodies`
BROTHERHOOD = word_set("الإخوان")
MUSLIMS = word_set("المسلمين المسلمون")

PRODUCT_CUES = word_set("لقاح لقاحات اللقاح صاروخ صواريخ طائره طائرات منظومه سياره دواء عقار")

#: words right before a name that say "this is a news agency/outlet"
AGENCY_CUES = word_set("وكاله لوكاله بوكاله الوكاله صحيفه لصحيفه قناه لقناه موقع لموقع إذاعه")

#: institution heads that, with a nationality adjective, name one organisation
ORG_NAT_HEADS = word_set("الخارجيه الداخليه الرئاسه السفاره القنصليه وزاره الوزاره البرلمان الكونغرس "
                   "الخارجيه الحرس وكاله الوكاله الدبلوماسيه")

#: words before الرئاسة that make it the office, not the presidency as a body (انتخابات
#: الرئاسة الأميركية، مرشح الرئاسة)
PRESIDENCY = word_set("رئاسه")

OFFICE_BEFORE = word_set("انتخابات الانتخابات منصب لمنصب مرشح المرشح مرشحي سباق كرسي ولايه فتره")

#: organisations whose name is an everyday word (فتح: Fatah, and the verbal noun "opening", far
#: more frequent in news: فتح تحقيق، إعادة فتح الميناء): one only after an organisation head
#: (حركة فتح) or next to a word of its world (:data:`ORG_WORD_COMPANIONS`: فتح وحماس)
ORG_WORDS = word_set("فتح")

ORG_WORD_COMPANIONS = word_set("حماس الفلسطينيه الفلسطيني فلسطين الفصائل الفصيلين المركزيه الثوري التحرير "
                         "الجهاد عباس")

#: heads that open an organisation's name when a name-like phrase follows (وزارة المالية،
#: صندوق الاستثمارات العامة، مركز سبأ الإعلامي، ميليشيا الحوثي، حركة غولن)
ORG_RULE_HEADS = word_set(
    "وزاره هيئه منظمه حزب حركه جماعه تنظيم وكاله شركه جامعه مؤسسه بنك مصرف صندوق اتحاد "
    "جمعيه لجنه مركز معهد مجلس محكمه نقابه ائتلاف تحالف رابطه مكتب إداره اداره "
    "ميليشيا ميليشيات مليشيا مليشيات كتائب سرايا مجموعه نادي صحيفه قناه مرصد المرصد "
    "الوزاره الهيئه المنظمه الحزب الحركه الجماعه الوكاله الشركه الجامعه المؤسسه البنك "
    "الصندوق الاتحاد الجمعيه اللجنه المركز المعهد المجلس المحكمه النقابه الائتلاف الجبهه "
    "التحالف الرابطه المكتب المديريه الإداره الاداره المجموعه النادي الصحيفه القناه الرئاسه"
)

#: currencies: a one-word "name" after a number is money, not an organisation or place
CURRENCIES = word_set("ريال دولار يورو دينار جنيه درهم ليره روبل يوان ين فرنك "
                "ريالا دولارا دينارا جنيها درهما روبلا يوانا فرنكا ريالات دولارات دنانير جنيهات "
                "دراهم ليرات روبلات")

#: media heads: the name is what follows (صحيفة الوئام → الوئام), unless it is الأنباء
MEDIA_HEADS = word_set("صحيفه الصحيفه قناه القناه موقع الموقع إذاعه الاذاعه مجله المجله وكاله الوكاله")

#: papers and channels whose names read as a place or a nationality (between quotes they are
#: the paper: لـ«الشرق الأوسط»، في "العربية")
MEDIA_NAMES = frozenset(normalize(w) for w in (
    "الشرق الأوسط", "الرياض", "العربية", "المدينة", "الخليج", "الشرق", "روسيا اليوم", "الإمارات اليوم",
    "المصري اليوم", "الجزيرة", "العربية نت", "لبنان 24", "الأردن 24", "مصر العربية",
    "سكاي نيوز عربية", "فرانس 24", "اليمن اليوم", "السودان اليوم", "السعودية", "الكويتية", "الجزائرية",
    "الوطن", "البيان", "الاتحاد", "اليوم", "الحياة", "الأهرام", "النهار", "الشروق", "الصباح",
    # a photo's or a story's credit: the agencies ("الفرنسية" is AFP, "الأوروبية" EPA, "الألمانية" dpa)
    "الفرنسية", "الأوروبية", "الألمانية"))

#: words that end a company's name (شنايدر إلكتريك، جنرال موتورز، قطر إيرويز): not a person or place
COMPANY_WORDS = word_set("إلكتريك الكتريك إليكتريك موتورز موتور إيرلاينز ايرلاينز إيرويز ايرويز هولدينغ هولدنغ "
                   "هولدنج كوربوريشن كوربوريشين إنترناشونال انترناشونال إنترناشيونال انترناشيونال "
                   "تكنولوجيز سيستمز فارما فارماسوتيكال بتروليوم إنرجي انرجي كابيتال إنفستمنت "
                   "انفستمنت إنفستمنتس جروب غروب كومباني بنك موبايل ديجيتال سكيوريتيز إيروسبيس")

#: organisations of several ordinary words, opened by a word that already opens a gazetteer
#: organisation (مجلس، منظمة، حزب، الاتحاد: a new first word would change the tagger's features,
#: هيئة and جبهة did): in the gazetteer, but their words stay ordinary words to the rules (نواب،
#: الشعب، العمال are no names on their own)
ORG_PHRASES: dict[str, tuple[str, str]] = {
    normalize(k): v for k, v in {
        "مجلس نواب الشعب": ("TN", "Assembly of the Representatives of the People"),
        "منظمة العفو الدولية": ("", "Amnesty International"),
        "حزب العمال الكردستاني": ("TR", "Kurdistan Workers' Party"),
        "الاتحاد العام التونسي للشغل": ("TN", "Tunisian General Labour Union"),
        "الاتحاد الأفريقي": ("", "African Union"), "الاتحاد الإفريقي": ("", "African Union"),
        "حزب نداء تونس": ("TN", "Nidaa Tounes"),
        "حزب الدعوة الإسلامية": ("IQ", "Islamic Dawa Party"),
        "حزب آفاق تونس": ("TN", "Afek Tounes"), "حزب افاق تونس": ("TN", "Afek Tounes"),
        "حزب أفاق تونس": ("TN", "Afek Tounes"),
        "حزب المؤتمر من أجل الجمهورية": ("TN", "Congress for the Republic"),
        "حزب الدستوري الحر": ("TN", "Free Destourian Party"),
        "حزب مشروع تونس": ("TN", "Machrouu Tounes"), "حزب حركة مشروع تونس": ("TN", "Machrouu Tounes"),
    }.items()
}

#: words that end an organisation's name where they stand (they describe or date the sentence,
#: they do not name): اللجنة المنظمة للبطولة | القادمة، وزارة السياحة الإسرائيلية | الأحد
ORG_STOPS = word_set(
    "السبت الاحد الأحد الاثنين الإثنين الثلاثاء الاربعاء الأربعاء الخميس الجمعه اليوم امس أمس "
    "الآن الان غدا حاليا سابقا مؤخرا القادم القادمه المقبل المقبله الماضي الماضيه الحالي "
    "الحاليه الجاري الجاريه الأخير الأخيره الاخير الاخيره السابق السابقه المتواجد المتواجده "
    "الموجود الموجوده المعترف المعنيه المعني المختص المختصه المكلف المكلفه التابع التابعه "
    "المذكور المذكوره المشار الواقع الواقعه المختلفه الأخري الاخري المناسب المناسبه "
    "لهذا لهذه لذلك لتلك هذا هذه ذلك تلك الأسبوع الاسبوع الشهر الليله صباح مساء "
    # a preposition with its pronoun (نادي الاتحاد | ضده): the sentence goes on, not the name
    "ضده ضدها ضدهم عليه عليها عليهم منه منها منهم معه معها معهم لديه لديها لديهم عنه عنها عنهم "
    "فيه فيها فيهم إليه إليها إليهم بها به بهم "
    # a count of people after the name (ميليشيات الحوثي | المئات من أبناء المدينة)
    "المئات العشرات الآلاف الالاف "
    # a preposition that opens the rest of the sentence (نادي الاتحاد | دون كشف التفاصيل)
    "دون بدون عقب إثر اثر أثناء اثناء تجاه رغم"
)

#: bodies every organisation has (head, adjective or complement; no article): مجلس الإدارة،
#: اللجنة التنفيذية، المكتب السياسي — a description, not a name, when they stand alone
GENERIC_BODIES: frozenset[tuple[str, str]] = frozenset(
    tuple(normalize(w) for w in p.split()) for p in (
        "مجلس اداره", "مجلس إداره", "مكتب سياسي", "مكتب تنفيذي", "لجنه تنفيذيه", "لجنه منظمه",
        "لجنه مركزيه", "جمعيه عموميه", "مجموعه عمل", "هيئه اداريه", "هيئه إداريه", "لجنه فنيه",
        "جهاز فني", "لجنه تأديبيه", "لجنه تاديبيه", "مجلس بلدي", "لجنه مختصه",
        # إدارة the verbal noun: refereeing a match (الحكم لإدارة المقابلة)
        "اداره مباراه", "اداره مقابله", "اداره لقاء", "اداره مباريات", "اداره المباراه", "اداره المقابله"))

#: honorifics that open an organisation named after a person (مركز الملك عبدالله المالي،
#: جامعة الإمام محمد بن سعود الإسلامية، مؤسسة الأمير محمد بن فهد)
ORG_HONORIFICS = word_set("الملك الأمير الأميره الشيخ الشيخه الإمام السلطان")

#: places and institutions named after a person with his honorific (مستشفى الملك فهد، جامعة
#: الأمير سلطان، مطار الملك خالد الدولي، شارع الملك فهد): the name is theirs, not a mention of
#: him (:func:`.organisations.named_after`); those of :data:`NAMED_WAYS` are places (LOC)
NAMED_WAYS = word_set("شارع طريق جسر ميدان حي كورنيش نفق دوار")
NAMED_FACILITIES = word_set(
    "مستشفى مستشفي مدينه مطار مسجد جامع مدرسه مدارس كليه معهد جامعه مركز مؤسسه جائزه مجمع مكتبه "
    "متحف قصر ميناء قاعده ملعب استاد صاله داره كرسي صندوق برنامج مستشفيات مستوصف"
) | NAMED_WAYS
#: … those that stand before a name without an honorific too (مطار رفيق الحريري الدولي، ملعب
#: محمد بن زايد); not those a person owns or holds (برنامج، قصر، مركز: a player's position)
NAMED_FOR_ANYONE = word_set("مطار ملعب استاد مستشفى مستشفي جامعه مدرسه شارع طريق جسر ميدان مسجد جامع كليه")

#: the honorifics of :data:`ORG_HONORIFICS` and a queen's (مطار الملكة علياء الدولي)
NAMED_AFTER_RANKS = ORG_HONORIFICS | word_set("الملكه")

#: purpose words that start a clause, not a name, after an organisation (وزارة التربية |
#: لاتخاذ القرار، وزارة التجهيز | للقيام)
PURPOSE_WORDS = word_set(
    "لاتخاذ للقيام لبحث لمناقشه لتقديم لمتابعه لاستكمال لتنفيذ لإجراء لاجراء لمعرفه لتوفير "
    "لضمان لتحقيق لمواجهه لمعالجه لدراسه لاستقبال لتسليم لتسهيل للحصول للتأكد للتاكد للنظر "
    "لإعداد لاعداد لتعزيز لتطوير لإطلاق لاطلاق لعدم بعدم"
)

#: Latin letters spelled in Arabic (بي بي سي، سي إن إن، إف بي آي): two or more of them, one at
#: least from the first set, are an acronym — an organisation's name, not a person's
LETTER_WORDS = word_set("بي سي دي تي جي كيه كاي دبليو إكس اكس إيه ايه آي آر إس إف إتش اتش")

LETTER_WORDS_LOOSE = LETTER_WORDS | word_set("إن ان إم ام يو أو او إل")

#: adjectives that say what kind of body a head is, not which: المنظمة الإرهابية، الحزب الحاكم،
#: الجماعات المسلحة، الجهات المعنية — a head with one of them alone names nobody
GENERIC_ORG_ADJECTIVES = word_set(
    "الارهابيه الارهابي الارهابيه الارهابيين المتطرفه المتطرف المتطرفين المسلحه المسلح المسلحين "
    "الحاكم الحاكمه المعنيه المعني المعنيين المذكوره المذكور المختصه المختص المحظوره المحظور "
    "المنحله المنحل التكفيريه التكفيري"
)

#: words for a work — a film, a series, a programme, a book, a song — whose quoted title is a
#: MISC name (فيلم "يو أونلي ليف توايس"، مسلسل «باب الحارة»), whatever its words read as
WORK_CUES = word_set(
    "فيلم الفيلم وفيلم بفيلم لفيلم افلام مسلسل المسلسل ومسلسل بمسلسل لمسلسل برنامج البرنامج ببرنامج "
    "لبرنامج وبرنامج كتاب الكتاب بكتاب لكتاب وكتاب روايه الروايه بروايه لروايه اغنيه الاغنيه باغنيه "
    "لاغنيه البوم الالبوم مسرحيه المسرحيه بمسرحيه قصيده القصيده بقصيده ديوان ومسرحيه واغنيه وروايه"
)

#: "of the type/model": the name after من نوع / من طراز is a product (كلاشنيكوف، إف-16، RPG-2)
MODEL_CUES = word_set("نوع طراز")
