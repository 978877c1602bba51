"""Curated word lists of places and nationalities for entity tagging: location and administrative
heads, regions, provinces, cities and short country names the generated lists lack, long
official names, nationality adjectives and group names with their country, place names that
are everyday words, and the direction words that go with a nationality (الكورية الشمالية).

Everything here is written in *normalized* form (see :mod:`marsad.text.normalize`: alef forms
U+0623/U+0625/U+0622 → U+0627, U+0629 ة → U+0647 ه, U+0649 ى → U+064A ي, tashkeel dropped), so
lookups compare folded text with folded text.
"""

from __future__ import annotations

from marsad.enrich.entities.lexicon import word_set
from marsad.text.normalize import normalize

#: heads of location names that are not governments (seas, rivers, mountains …)
LOC_HEADS = word_set(
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
NOT_NATIONALITY = word_set(
    "رئيسي رئيسيه أساسي أساسيه سياسي سياسيه عسكري عسكريه دولي دوليه رسمي رسميه تاريخي "
    "تاريخيه شهري سنوي يومي أسبوعي صحفي صحفيه عالمي عالميه ثنائي ثنائيه إقليمي إقليميه "
    "جماعي قانوني قانونيه نووي نوويه اقتصادي اقتصاديه اجتماعي اجتماعيه مالي ماليه "
    "تجاري تجاريه أمني أمنيه وطني وطنيه شعبي شعبيه فني فنيه علمي علميه طبي طبيه"
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

#: short country names news uses that the CLDR/ISO names lack: name → ISO2
SHORT_COUNTRIES: dict[str, str] = {
    normalize(k): v for k, v in {
        "الإمارات": "AE", "فلسطين": "PS", "أمريكا": "US", "أميركا": "US", "روسيا": "RU",
        "إيران": "IR", "سوريا": "SY", "سورية": "SY", "ليبيا": "LY", "بريطانيا": "GB",
        "هولندا": "NL", "كوريا الجنوبية": "KR",
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
        "إقليم كردستان": ("IQ", "Kurdistan Region"),
        # England is one of the United Kingdom's four nations, not the kingdom (بريطانيا): its
        # own place, in GB, as its national teams and league make news of their own
        "إنجلترا": ("GB", "England"), "إنكلترا": ("GB", "England"), "فرجينيا": ("US", "Virginia"),
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
GPE_HEADS = word_set("مدينه ولايه معتمديه محافظه بلده قريه منطقه مديريه جبهه إقليم اقليم بلديه ناحيه "
               "مقاطعه العاصمه")

#: direction adjectives that go on a region's name (الساحل الغربي، أوروبا الشرقية، آسيا الوسطى)
REGION_DIRECTIONS = word_set("الغربي الشرقي الشمالي الجنوبي الغربيه الشرقيه الشماليه الجنوبيه الوسطى الأوسط")

#: heads of long state names: جمهورية الصين، دولة قطر، سلطنة عمان
STATE_HEADS = word_set("جمهوريه مملكه دوله إماره اماره سلطنه إمبراطوريه")

#: places whose name is also an everyday word — a proclitic + a common word (لحج: ل + حج, for
#: the hajj), an adjective (مالي financial, بحري naval), a noun (صور pictures,
#: سيول floods, حصار siege, بركان volcano), an adverb (كيف how): a place only after a place
#: head, a governor's title or a preposition (محافظة لحج، في مالي، مدينة صور), or with a
#: conjunction in a list of places (ومالي) — frequent ones found by their definite form being as
#: common in the corpus as the bare name
WORD_PLACES = word_set("لحج مالي صور كيف سيول بحري بنين رياض امان قصور حصار بركان تربه عقبه "
                 "كريمه بسيط قاره سلاله ميادين")

#: indefinite nationality adjectives that are everyday words in construct (مجرى التاريخ، سني الدراسة،
#: مجريات الأحداث: the course of; Hungarian otherwise)
WORD_NATIONALITIES = word_set("مجري مجريه مجريات مجريين سني")

#: the definite nouns an indefinite nationality adjective takes (مجري الجنسية، سعودي الأصل)
NATIONALITY_COMPLEMENTS = word_set("الجنسيه الأصل الاصل المولد الأصول الاصول المنشأ المنشا المذهب الطائفه")

#: feminine nouns without ة that اليمنى (the right one) follows: قدمه اليمنى، بيده اليمنى
FEMININE_SIDES = word_set("قدم يد ساق رجل عين أذن اذن كف كتف قبضه")

#: GeoNames' Arabic-script city names that are everyday words and no Arabic spelling of the
#: place (امسك: Omsk's Persian spelling, "hold!")
NOT_CITY_NAMES = word_set("امسك")

#: first words of place names that the tagger may take for a place of their own
#: (سان بيترسبورغ، خان يونس، سيدي بوزيد، لوس أنجلوس)
PLACE_PREFIXES = word_set("سان سانت سانتا لوس لاس سيدي خان عين راس رأس بئر دير تل كفر بيت بني نيو بورت")

#: the first words of foreign places' names that news writes apart or joined (نيو يورك and
#: نيويورك، كوالا لمبور and كوالالمبور), longest first: a one-word name in the gazetteer that
#: begins with one is found written in two (see :meth:`.Gazetteer.add_spellings`)
SPLIT_PREFIXES: tuple[str, ...] = tuple(sorted(word_set("سانتا سانت سان لوس لاس نيو بورت كوالا"), key=len, reverse=True))

#: indefinite titles whose complement is a place (محافظ أبين، حاكم دبي، عمدة لندن): a lone
#: word after them is the place, not a person
PLACE_TITLES = word_set("محافظ حاكم عمده والي")

#: direction adjectives that follow a nationality adjective (الكورية الشمالية): one adjective
DIRECTION_ADJECTIVES = word_set("الشمالي الشماليه الجنوبي الجنوبيه الشرقي الشرقيه الغربي الغربيه "
                          "شمالي شماليه جنوبي جنوبيه شماليين شماليون جنوبيين جنوبيون")

#: (country of the nationality adjective, direction) → the country both name together
NAT_DIRECTION: dict[tuple[str, str], str] = {
    ("KR", normalize("شمالي")): "KP", ("KR", normalize("جنوبي")): "KR", ("SD", normalize("جنوبي")): "SS"}

#: places news names that lie in several countries: name → ((ISO2, English), …), the usual
#: reading first; the article's other places choose (see ``places.homonyms``)
PLACE_HOMONYMS: dict[str, tuple[tuple[str, str], ...]] = {
    normalize(k): v for k, v in {
        "الجوف": (("SA", "Al Jawf"), ("YE", "Al Jawf"), ("LY", "Al Jawf")),
        "طرابلس": (("LY", "Tripoli"), ("LB", "Tripoli")),
        "صور": (("LB", "Tyre"), ("OM", "Sur")),
    }.items()
}

#: the Arab League's members (ISO 3166-1 alpha-2): their towns are kept down to small ones, and
#: their names are Arabic words by birth, not transliterations that may collide with one
ARAB_LEAGUE = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
)

#: heads of a facility's name — a stadium, an airport, a hotel, a street — whose name is no
#: entity of its own (the gold's rule: facilities are not annotated): ملعب "لوفتس رود"، فندق لي
#: رويال، شارع الملك فهد
FACILITY_HEADS = word_set("ملعب الملعب ملاعب استاد الاستاد ستاد مطار المطار فندق الفندق شارع الشارع جسر الجسر "
                    "مستشفى المستشفى برج البرج مسجد المسجد جامع")
