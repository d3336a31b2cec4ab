"""Word lists of the meaning checks, per language (ar / ru / en).

Each concept is a regex per language; Russian and Arabic patterns are stems (case
and gender endings, attached particles vary), English ones whole words. A concept is
*present* on a side when its pattern matches; a change is a concept present on one
side of a link and absent on the other (or replaced by a rival concept of its class).

Classes:

* ``attribution``: who says it (according to, reportedly, claimed): dropping one
  turns a claim into a fact;
* ``hedge``: how sure or how many (allegedly, probably, most, many, about);
* ``negation``: not, never, no one;
* ``status``: requested vs done (prosecutors *requested* 12 years / he *was
  sentenced* to 12 years; planned vs carried out);
* ``role``: who acts (investigators, prosecutors, police, court, ministry ...): a role
  replaced by another is a ``name_mismatch``;
* ``framing``: phrases a translator puts in front of a claim ("It is no secret that",
  "Critics say"), reported as an ``insertion`` of subkind ``framing``.

The lists are short on purpose: a concept must be rendered by the listed words in
every faithful translation, or it would flag faithful renderings.
"""

from __future__ import annotations

import re
from functools import lru_cache

_B = r"(?<![^\W\d_])"  # word start
_E = r"(?![^\W\d_])"  # word end

# concept -> (class, {lang: pattern})
CONCEPTS: dict[str, tuple[str, dict[str, str]]] = {
    "according": (
        "attribution",
        {
            "en": r"according to|reportedly|claim(?:s|ed)?|allege[sd]?",
            "ru": r"по (?:словам|данным|мнению|информации|сообщению)|"
            r"как (?:сообщи|заяви|утвержда|отмети)\w*|сообщает\w*|утвержда\w*",
            "ar": r"(?:ب|و)?(?:حسب|بحسب|وفقا|وفقاً|طبقا)|نقلا عن|زعم\w*|ادعى|ادعاء\w*",
        },
    ),
    "allegedly": (
        "hedge",
        {
            "en": r"allegedly|alleged|supposedly|purportedly",
            "ru": r"якобы|предположительно|предполагаем\w*|предполагаемо\w*",
            "ar": r"المزعوم\w*|يزعم|يُزعم|المفترض|يفترض",
        },
    ),
    "probably": (
        "hedge",
        {
            "en": r"probably|possibly|perhaps|likely",
            "ru": r"вероятно|возможно|может быть|наверное|по-видимому",
            "ar": r"ربما|من المحتمل|يحتمل|المرجح",
        },
    ),
    "most": (
        "hedge",
        {
            "en": r"most|majority",
            "ru": r"большинств\w*|больша\w* част\w*",
            "ar": r"معظم|أغلب\w*|غالبية",
        },
    ),
    "many": ("hedge", {"en": r"many", "ru": r"многи\w*|многих", "ar": r"كثير\w*|العديد"}),
    "some": ("hedge", {"en": r"some", "ru": r"некоторы\w*", "ar": r"بعض"}),
    "not": (
        "negation",
        {
            "en": r"not|n['’]t|never|no|none|nobody|nothing|neither|nor|without|cannot",
            "ru": r"не|нет|ни|никто|никого|ничего|ничто|никогда|без|нельзя|нечего|некого|нигде|"
            r"никак\w*|ничем|никем|никому",
            "ar": r"لا|لم|لن|ليس|ليست|بدون|لسنا",
        },
    ),
    "requested": (
        "status",
        {
            "en": r"request(?:s|ed)?|demand(?:s|ed)?|s(?:ought|eeks?)|propos(?:e|es|ed)|"
            r"plan(?:s|ned)?",
            "ru": r"запрос\w*|запроси\w*|потребова\w*|требу\w*|предлож\w*|планиру\w*|намерен\w*",
            "ar": r"طالب\w*|طلب\w*|اقترح\w*|يعتزم|تعتزم|يخطط|تخطط",
        },
    ),
    "done": (
        "status",
        {
            "en": r"sentenced|convicted|completed|approved|carried out",
            "ru": r"приговор\w*|осужд\w*|осуди\w*|заверши\w*|утверди\w*|одобри\w*",
            "ar": r"حكم\w*|أدين\w*|أنجز\w*|أقر\w*|وافق\w*",
        },
    ),
}

ROLES: dict[str, dict[str, str]] = {
    "investigators": {
        "en": r"investigators?|investigative",
        "ru": r"следовател\w*|следстви\w*|следственн\w*",
        "ar": r"المحقق\w*|محقق\w*|التحقيق",
    },
    "prosecutors": {
        "en": r"prosecutors?|prosecution|prosecutor['’]s|attorneys?|procurators?",
        "ru": r"прокурор\w*|прокуратур\w*|гособвинени\w*",
        "ar": r"النيابة|المدعي|الادعاء",
    },
    "police": {
        "en": r"police|policem[ae]n|officers?|law enforcement",
        "ru": r"полици\w*|полицейск\w*|правоохранител\w*|силовик\w*",
        "ar": r"الشرطة|شرطي\w*",
    },
    "court": {
        "en": r"court|judges?",
        "ru": r"суд|суда|суде|судом|судь\w*",
        "ar": r"المحكمة|محكمة|القاضي",
    },
    "army": {
        "en": r"army|military|troops|soldiers|officers?|defen[cs]e|forces",
        "ru": r"арми\w*|военн\w*|войск\w*",
        "ar": r"الجيش|العسكري\w*|الجنود",
    },
    "government": {
        "en": r"government|cabinet",
        "ru": r"правительств\w*|кабинет\w*",
        "ar": r"الحكومة|حكومة",
    },
    "ministry": {
        "en": r"ministry|ministers?|department|secretary",
        "ru": r"министерств\w*|министр\w*",
        "ar": r"وزارة|الوزارة|وزير",
    },
    "lawyers": {
        "en": r"lawyers?|attorneys?|defen[cs]e",
        "ru": r"адвокат\w*|защит\w*",
        "ar": r"محام\w*|الدفاع",
    },
    "witnesses": {
        "en": r"witness(?:es)?",
        "ru": r"свидетел(?:ь|я|ю|ем|е|и|ей|ям|ями|ях)|очевид\w*",
        "ar": r"شهود|شاهد",
    },
    "doctors": {
        "en": r"doctors?|physicians?|medics?",
        "ru": r"врач\w*|медик\w*",
        "ar": r"الأطباء|طبيب\w*",
    },
    "activists": {"en": r"activists?", "ru": r"активист\w*", "ar": r"ناشط\w*"},
    "journalists": {
        "en": r"journalists?|reporters?",
        "ru": r"журналист\w*|репортер\w*",
        "ar": r"صحفي\w*|صحافي\w*",
    },
    "students": {"en": r"students?", "ru": r"студент\w*|учащ\w*", "ar": r"طلاب|الطلبة|طالب"},
    "teachers": {
        "en": r"teachers?",
        "ru": r"учител\w*|педагог\w*",
        "ar": r"معلم\w*|المعلم\w*|المدرسين|مدرسين",
    },
}

FRAMING: dict[str, str] = {
    "en": r"it is no secret that|it is (?:well[- ])?known that|critics (?:say|argue|note)|"
    r"observers (?:say|note|believe)|notably|tellingly|it should be noted that|"
    r"as (?:is )?(?:well[- ])?known|ironically|unsurprisingly|in (?:a|an) (?:bid|attempt) to",
    "ru": r"не секрет, что|как известно|известно, что|критики (?:говорят|считают|отмечают)|"
    r"наблюдатели (?:считают|отмечают)|примечательно, что|следует отметить, что",
    "ar": r"ليس سرا أن|ليس سراً أن|من المعروف أن|كما هو معروف|يقول المنتقدون|"
    r"يرى مراقبون|يرى المراقبون|تجدر الإشارة إلى أن|اللافت أن",
}


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(f"{_B}(?:{pattern}){_E}", re.I)


def _lang(lang: str) -> str:
    return lang if lang in ("ar", "ru") else "en"


def concept_hits(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Concept -> character spans where it occurs in ``text``."""
    return {k: list(v) for k, v in _hits("concepts", text, _lang(lang))}


def role_hits(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Role -> character spans where it occurs in ``text``."""
    return {k: list(v) for k, v in _hits("roles", text, _lang(lang))}


@lru_cache(maxsize=4096)
def _hits(table: str, text: str, lang: str) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """The hits of one table, cached: a check asks about each linked text several times
    (the gate, then the meaning rules), some twenty patterns each."""
    pats = (
        {n: p[lang] for n, (_, p) in CONCEPTS.items()}
        if table == "concepts"
        else {n: p[lang] for n, p in ROLES.items()}
    )
    out = []
    for name, pat in pats.items():
        spans = tuple(m.span() for m in _compile(pat).finditer(text))
        if spans:
            out.append((name, spans))
    return tuple(out)


def framing_at(text: str, lang: str) -> tuple[int, int] | None:
    """The framing phrase that opens ``text`` (after quotes), or None."""
    m = _compile(FRAMING[_lang(lang)]).search(text)
    if m is None or text[: m.start()].strip(" \"'«“‘(—-"):
        return None
    end = m.end()
    while end < len(text) and text[end] in ",: ":
        end += 1
    return (m.start(), m.end())


def concept_class(name: str) -> str:
    return CONCEPTS[name][0]


# --- Cues of real edits (issue #14, the real dev set) --------------------------------
# Classes read only by ``align.check.meaning``'s cue rules (not by word_cuts' cue
# feature, not by the synthetic edits, whose gold stays as it was). Each cue has a
# narrow *trigger* (``CONCEPTS``: what must be on the side that has it; also opens the
# word-flag gate) and a broad *echo* (``ECHO``: anything on the other side that may
# render it). A cue is flagged only when the other side has no echo at all: a missing
# echo is evidence, a present one is not checked further.
_P = r"(?:[وفبلك]{1,2})?"  # Arabic proclitics: wa-, fa-, bi-, li-, ka- (and wa-bi-, ...)
_MONTHS_EN = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
)
_MONTHS_RU = r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[яей]|июн\w*|июл\w*|август\w*|" + (
    r"сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
)
_MONTHS_AR = (
    r"يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|"
    r"كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين"
)
CONCEPTS.update(
    {
        # where a statement was made: "at a briefing", "in an interview"
        "venue": (
            "venue",
            {
                "en": r"at (?:a|the|his|her) (?:news |press |weekly |regular )?"
                r"(?:briefing|press conference|news conference)|in an interview",
                "ru": r"на (?:\w+ )?(?:брифинге|пресс-конференции)|в (?:\w+ )?интервью",
                "ar": _P + r"(?:في|خلال) (?:ال)?(?:إحاطة|مؤتمر (?:صحفي|صحافي)|مؤتمرا صحفيا)",
            },
        ),
        # planned, scheduled (a plan stated as a fact, "planned" -> "will")
        "planned": (
            "plan",
            {
                "en": r"(?:is|are|was|were) (?:planned|scheduled|slated)",
                "ru": r"заплан\w*|планиру\w*|намечен\w*|намеча\w*",
                "ar": _P + r"(?:ال)?مزمع\w*|من المقرر|(?:ال)?مقرر (?:أن|عقد\w*)",
            },
        ),
        # a large amount / a variety: "a huge number of" rendered as "a wide array of"
        "amount": (
            "amount",
            {
                "en": r"(?:a |an )?(?:large|great|huge|vast|enormous|significant|considerable) "
                r"(?:number|numbers|amount)s? of",
                "ru": r"(?:огромн|больш|значительн|колоссальн)\w* (?:количеств|числ)\w*",
                "ar": _P + r"(?:عدد كبير|أعداد كبيرة|عدد هائل|أعداد غفيرة)",
            },
        ),
        "variety": (
            "amount",
            {
                "en": r"(?:a |an )?(?:wide |broad |diverse |whole )?(?:array|range|variety|"
                r"spectrum|assortment) of|various|diverse",
                "ru": r"различн\w*|разнообразн\w*|всевозможн\w*",
                "ar": _P + r"(?:مختلف|(?:ال)?متنوع\w*|شتى)",
            },
        ),
        # the day relative to the dateline: "this morning" made "yesterday"
        "today": (
            "day",
            {
                "en": r"today|this (?:morning|afternoon|evening)|tonight",
                "ru": r"сегодня",
                "ar": _P + r"(?:صباح |مساء |ظهر )?اليوم(?! (?:ال)?(?:وطني|عالمي|دولي|أول|ثاني|"
                r"ثالث|أخير|تالي|تاريخي)\w*)",
            },
        ),
        "yesterday": (
            "day",
            {
                "en": r"yesterday|last night",
                "ru": r"вчера",
                "ar": _P + r"(?:أمس|الأمس|البارحة|امس)",
            },
        ),
        "tomorrow": (
            "day",
            {"en": r"tomorrow", "ru": r"завтра", "ar": _P + r"(?:غدا|غداً)"},
        ),
        # a part of a period: "the end of this year" made "this year"
        "period_part": (
            "period",
            {
                "en": r"(?:the )?(?:end|beginning|start|middle|close) of (?:this |the |next |"
                r"last )?(?:year|month|week|"
                + _MONTHS_EN
                + r")|(?:early|late|mid)[- ](?:"
                + _MONTHS_EN
                + r"|year|month|20\d\d)",
                "ru": r"(?:в|к|до) (?:конц[еау]|начал[еау]|середин[еуы]|исход[еау]) (?:этого |"
                r"текущего |следующего |прошлого )?(?:года|месяца|недели|" + _MONTHS_RU + r")|"
                r"в (?:перв|втор|трет|последн)\w+ (?:декаде|половине) \w+",
                "ar": _P + r"(?:نهاية|أواخر|مطلع|بداية|أوائل|منتصف|ختام) (?:هذا |هذه )?(?:العام|"
                r"الشهر|الأسبوع|السنة|شهر|" + _MONTHS_AR + r")",
            },
        ),
        # evaluative words an editor adds or drops ("achievements", "blatant")
        "loaded": (
            "loaded",
            {
                "en": r"achievements?|accomplishments?|successes|blatant|flagrant|"
                r"heinous|barbaric|atrocious|egregious|brazen",
                "ru": r"достижени\w*|успех\w*|триумф\w*|вопиющ\w*|варварск\w*|чудовищн\w*|"
                r"бесчеловечн\w*",
                "ar": _P + r"(?:ال)?(?:إنجاز\w*|انجاز\w*|نجاحات|(?:ال)?سافر\w*|(?:ال)?صارخ\w*|"
                r"(?:ال)?همجي\w*|(?:ال)?شنيع\w*|(?:ال)?غاشم\w*|(?:ال)?وحشي\w*)",
            },
        ),
    }
)

# concept -> {lang: pattern}: what may render a cue on the other side (broad on purpose)
ECHO: dict[str, dict[str, str]] = {
    "venue": {
        "en": r"briefing|press|news conference|presser|interview\w*|reporters|journalists|"
        r"media|told|broadcast|televised|on air",
        "ru": r"брифинг\w*|пресс-\w+|интервью|журналист\w*|СМИ|эфир\w*|беседе|встреч\w*",
        "ar": _P + r"(?:ال)?(?:إحاطة|مؤتمر\w*|مقابلة|حوار\w*|صحف\w*|صحاف\w*|إعلام\w*|لقاء\w*|"
        r"تصريح\w*)",
    },
    "planned": {
        "en": r"plan\w*|schedul\w*|slated|due|set to|expected|intend\w*|to be held|upcoming|"
        r"(?:is|are|was|were) to|going to|looking to|seek\w*|"
        r"forthcoming|next|would|aim\w*|prepar\w*|propos\w*|envisag\w*|arrang\w*",
        "ru": r"план\w*|заплан\w*|намеч\w*|предстоящ\w*|должн\w*|ожида\w*|намерен\w*|"
        r"собира\w*|предполага\w*|предусм\w*|готов\w*",
        "ar": _P + r"(?:ال)?(?:مزمع\w*|مقرر\w*|مرتقب\w*|مقبل\w*|قادم\w*|منتظر\w*|يعتزم|تعتزم|"
        r"يخطط|تخطط|خطة|سيعقد|ستعقد|سوف)",
    },
    "amount": {
        "en": r"many|numerous|lots?|plenty|number|numbers|amount|scores|dozens|hundreds|"
        r"thousands|crowds?|masses|multitude|host|huge|vast|large|great|mass",
        "ru": r"много\w*|множеств\w*|количеств\w*|числ\w*|масс\w*|десятк\w*|сотни|тысяч\w*|"
        r"огромн\w*|больш\w*|толп\w*",
        "ar": _P + r"(?:ال)?(?:عدد|أعداد|كثير\w*|عديد\w*|حشود|جموع|آلاف|مئات|عشرات|غفير\w*)",
    },
    "variety": {
        "en": r"various|variety|diverse|different|range|array|spectrum|all kinds",
        "ru": r"различн\w*|разнообразн\w*|разн\w+|всевозможн\w*|всяк\w*",
        "ar": _P + r"(?:ال)?(?:مختلف\w*|متنوع\w*|شتى|تنوع\w*)",
    },
    "period_part": {
        "en": r"end|beginning|start|middle|close|early|late|mid|first|second|last|half|"
        r"earlier|weekends?|recent\w*|this past|"
        r"third|decade|final|later",
        "ru": r"конц\w*|конец|начал\w*|середин\w*|исход\w*|перв\w*|втор\w*|трет\w*|"
        r"последн\w*|декад\w*|половин\w*",
        "ar": _P + r"(?:ال)?(?:نهاية|أواخر|مطلع|بداية|أوائل|منتصف|ختام|أول|آخر|أخير\w*|"
        r"نصف|ثلث|العشر)",
    },
    "loaded": {
        "en": r"achiev\w*|accomplish\w*|success\w*|triumph\w*|blatant\w*|flagrant\w*|"
        r"heinous|barbar\w*|atroci\w*|egregious|brazen\w*|brutal\w*|savage\w*|outrag\w*|"
        r"gross\w*|naked|monstrous|inhuman\w*|vicious|criminal|historic\w*|gains?|progress",
        "ru": r"достиж\w*|достигнут\w*|успе\w*|триумф\w*|вопиющ\w*|варвар\w*|чудовищн\w*|"
        r"бесчеловечн\w*|жесток\w*|грубейш\w*|наглы\w*|преступн\w*|зверск\w*|историческ\w*",
        "ar": _P + r"(?:ال)?(?:إنجاز\w*|انجاز\w*|نجاح\w*|ناجح\w*|سافر\w*|صارخ\w*|همجي\w*|"
        r"شنيع\w*|غاشم\w*|وحشي\w*|بشع\w*|فاضح\w*|إجرام\w*|تاريخي\w*|مكاسب|مكتسبات|تقدم)",
    },
}
CUE_CLASSES = frozenset({"venue", "plan", "amount", "day", "period", "loaded", "place"})
# "will" and its kin: where a plan stated as a fact sits in an English translation
FUTURE = {
    "en": r"will|shall|is to|are to|is going to|are going to",
    "ru": r"будет|будут|состоится|пройдет|пройдёт",
    "ar": r"سوف|سي\w+|ست\w+",
}


def echo_hits(concept: str, text: str, lang: str) -> list[tuple[int, int]]:
    """Spans in ``text`` of anything that may render ``concept`` (its trigger included)."""
    lang = _lang(lang)
    pats = [CONCEPTS[concept][1][lang]]
    if concept in ECHO:
        pats.append(ECHO[concept][lang])
    return [m.span() for p in pats for m in _compile(p).finditer(text)]


def future_hits(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of future markers ("will") in ``text``."""
    return [m.span() for m in _compile(FUTURE[_lang(lang)]).finditer(text)]


# Cities and the country each lies in: a translation that names a city where the
# original names only its country (or another city) has replaced a place.
# city -> (country, {lang: pattern}); country -> {lang: pattern}
CITIES: dict[str, tuple[str, dict[str, str]]] = {
    "riyadh": ("sa", {"en": "Riyadh", "ru": "Эр-Рияд\\w*", "ar": _P + "الرياض"}),
    "jeddah": ("sa", {"en": "Jeddah|Jiddah", "ru": "Джидд\\w*", "ar": _P + "جدة"}),
    "doha": ("qa", {"en": "Doha", "ru": "Доха|Дохе|Дохи|Доху", "ar": _P + "الدوحة"}),
    "abudhabi": ("ae", {"en": "Abu Dhabi", "ru": "Абу-Даби", "ar": _P + "(?:أبوظبي|أبو ظبي)"}),
    "dubai": ("ae", {"en": "Dubai", "ru": "Дуба\\w*", "ar": _P + "دبي"}),
    "manama": ("bh", {"en": "Manama", "ru": "Манам\\w*", "ar": _P + "المنامة"}),
    "muscat": ("om", {"en": "Muscat", "ru": "Маскат\\w*", "ar": _P + "مسقط"}),
    "cairo": ("eg", {"en": "Cairo", "ru": "Каир\\w*", "ar": _P + "القاهرة"}),
    "baghdad": ("iq", {"en": "Baghdad", "ru": "Багдад\\w*", "ar": _P + "بغداد"}),
    "erbil": ("iq", {"en": "Erbil|Arbil|Hawler", "ru": "Эрбил\\w*", "ar": _P + "أربيل"}),
    "tehran": ("ir", {"en": "Tehran", "ru": "Тегеран\\w*", "ar": _P + "طهران"}),
    "ankara": ("tr", {"en": "Ankara", "ru": "Анкар\\w*", "ar": _P + "أنقرة"}),
    "moscow": ("ru", {"en": "Moscow", "ru": "Москв\\w*", "ar": _P + "موسكو"}),
    "minsk": ("by", {"en": "Minsk", "ru": "Минск\\w*", "ar": _P + "مينسك"}),
    "kyiv": ("ua", {"en": "Kyiv|Kiev", "ru": "Киев\\w*", "ar": _P + "كييف"}),
    "washington": ("us", {"en": "Washington", "ru": "Вашингтон\\w*", "ar": _P + "واشنطن"}),
    "london": ("gb", {"en": "London", "ru": "Лондон\\w*", "ar": _P + "لندن"}),
    "paris": ("fr", {"en": "Paris", "ru": "Париж\\w*", "ar": _P + "باريس"}),
    "beijing": ("cn", {"en": "Beijing", "ru": "Пекин\\w*", "ar": _P + "بكين"}),
    "copenhagen": ("dk", {"en": "Copenhagen", "ru": "Копенгаген\\w*", "ar": _P + "كوبنهاغن"}),
}
COUNTRIES: dict[str, dict[str, str]] = {
    "sa": {
        "en": "Saudi|Saudis|Saudi Arabia|the Kingdom",
        "ru": "Саудовск\\w*|Сауд\\w*|КСА",
        "ar": _P + "(?:ال)?(?:سعودي\\w*|مملكة(?! المتحدة))",
    },
    "qa": {"en": "Qatar\\w*", "ru": "Катар\\w*", "ar": _P + "(?:ال)?قطر\\w*"},
    "ae": {
        "en": "UAE|Emirat\\w*",
        "ru": "ОАЭ|Эмират\\w*|эмират\\w*",
        "ar": _P + "(?:ال)?(?:إمارات|امارات)\\w*",
    },
    "bh": {"en": "Bahrain\\w*", "ru": "Бахрейн\\w*", "ar": _P + "(?:ال)?بحرين\\w*"},
    "om": {"en": "Oman\\w*", "ru": "Оман\\w*", "ar": _P + "(?:سلطنة )?عمان"},
    "eg": {"en": "Egypt\\w*", "ru": "Египет\\w*|Египт\\w*|египет\\w*", "ar": _P + "(?:ال)?مصر\\w*"},
    "iq": {
        "en": "Iraq\\w*|Kurdistan\\w*",
        "ru": "Ирак\\w*|Курдистан\\w*",
        "ar": _P + "(?:ال)?(?:عراق|كردستان)\\w*",
    },
    "ir": {"en": "Iran\\w*", "ru": "Иран\\w*|иранск\\w*", "ar": _P + "(?:ال)?(?:إيران|ايران)\\w*"},
    "tr": {"en": "Turk\\w*", "ru": "Турци\\w*|турецк\\w*", "ar": _P + "(?:ال)?(?:تركيا|تركي\\w*)"},
    "ru": {"en": "Russia\\w*", "ru": "Росси\\w*|российск\\w*|РФ", "ar": _P + "(?:ال)?روسي\\w*"},
    "by": {
        "en": "Belarus\\w*",
        "ru": "Беларус\\w*|Белорусси\\w*|белорусск\\w*",
        "ar": _P + "(?:ال)?بيلاروس\\w*",
    },
    "ua": {
        "en": "Ukrain\\w*",
        "ru": "Украин\\w*|украинск\\w*",
        "ar": _P + "(?:ال)?(?:أوكراني|اوكراني)\\w*",
    },
    "us": {
        "en": "US|U\\.S\\.|USA|United States|America\\w*",
        "ru": "США|Америк\\w*|американск\\w*",
        "ar": _P + "(?:ال)?(?:أمريكي|امريكي|أميركي|اميركي|الولايات المتحدة)\\w*",
    },
    "gb": {
        "en": "UK|Britain|British|United Kingdom",
        "ru": "Британи\\w*|британск\\w*|Великобритани\\w*",
        "ar": _P + "(?:ال)?(?:بريطاني|المملكة المتحدة)\\w*",
    },
    "fr": {"en": "France|French", "ru": "Франци\\w*|французск\\w*", "ar": _P + "(?:ال)?فرنس\\w*"},
    "cn": {"en": "China|Chinese", "ru": "Кита\\w*|китайск\\w*", "ar": _P + "(?:ال)?صين\\w*"},
    "dk": {"en": "Denmark|Danish", "ru": "Дани\\w*|датск\\w*", "ar": _P + "(?:ال)?دنمارك\\w*"},
}
CONCEPTS.update({f"city:{c}": ("place", pats) for c, (_, pats) in CITIES.items()})


def country_hits(country: str, text: str, lang: str) -> list[tuple[int, int]]:
    """Spans in ``text`` naming ``country`` (a key of ``COUNTRIES``)."""
    return [m.span() for m in _compile(COUNTRIES[country][_lang(lang)]).finditer(text)]


def city_named(city: str, text: str, lang: str) -> bool:
    """Whether ``city`` (a ``city:`` concept) is named in ``text`` at all, glued to the
    next word or not (a loose search: no word boundaries, no proclitics)."""
    pat = CITIES[city.removeprefix("city:")][1][_lang(lang)].replace(_P, "")
    return re.search(pat, text, re.I) is not None
