"""Word classes of ``align.check.word_subs`` (words changed inside a linked sentence), ar/ru/en.

Each class maps a *value* to a pattern per language. Two words of one class with
different values are a change when the link's word correspondence puts them in the same
place ("King of Tonga" / "President of Tonga"); a value is one meaning, however it is
rendered (``جلالة``, "Majesty", "King" are all ``king``), so a faithful rendering never
has two values. Values absent from these lists are no evidence: the lists are short on
purpose, as in ``align.check.lexicon``.

* ``title``: who holds the office (king, president, prime minister, emir, crown prince):
  a king made a president is a changed fact. The Arabic رئيس is a president only
  when no government, council or delegation follows it.
* ``time``: a weekday; two different weekdays in one place were swapped. (A weekday on
  one side only is no rule: faithful translations add and drop them, see ``word_subs``.)
* ``report``: how a statement is reported, by strength: neutral (said, noted, added),
  emphatic (stressed, emphasised, insisted) and repeated (reiterated, reaffirmed). Only
  a neutral verb made emphatic or repeated, or an emphatic one made repeated with no
  word for "again" in the original, counts (``REPORT_UP``): Arabic أكد is rendered
  "stressed", "affirmed", "confirmed" and "said" by faithful translators alike, so the
  other directions are no evidence.
* ``intensity``: intensifiers whose loss or addition a journalist would call a change
  ("strenuous" efforts, "radically", "perfectly", "strong" condemnation), each with
  the broad echo of ``lexicon_cues.ECHO["intensifier"]`` searched only *near* the word's
  place on the other side (``word_subs``).
"""

from __future__ import annotations

from align.check.lexicon_places import AR_WORD_START as _W

# "most" as a proportion, not a superlative ("the most courageous") nor a cap ("at most");
# the hedge concept of ``align.check.lexicon`` reads it the same way
MOST = r"(?<!the )(?<!at )most"

_AL = _W + r"(?:ال)?"

TITLE: dict[str, dict[str, str]] = {
    "king": {
        "en": r"kings?|majesty|monarchs?",
        "ru": r"корол[ьяюеи]\w*|монарх\w*|величеств\w*",
        "ar": _W + r"(?:الملك|ملك|جلالة|جلالته|العاهل|عاهل)",
    },
    "president": {
        "en": r"president|pres(?=\.)",
        "ru": r"президент\w*",
        # not "head of the government / council / delegation / committee ..."
        "ar": _AL + r"رئيس(?! (?:ال)?(?:وزراء|حكومة|مجلس|وفد|لجنة|هيئة|بعثة|جهاز|ديوان|أركان|تحرير|"
        r"برلمان|قسم|دائرة|بلدية|مكتب|حزب|كتلة|جامعة|اتحاد|شركة|مؤسسة|نادي|فريق))",
    },
    "prime_minister": {
        "en": r"prime ministers?|premiers?",
        "ru": r"премьер\w*|председател\w* правительства",
        "ar": _AL + r"رئيس (?:ال)?(?:وزراء|حكومة)",
    },
    # Arabic أمير is an emir and a prince ("الأمير محمد بن سلمان")
    "emir": {
        "en": r"emirs?|amirs?|princes?",
        "ru": r"эмир\w*|принц\w*",
        "ar": _AL + r"أمير(?! (?:ال)?منطقة)",
    },
    "crown_prince": {
        "en": r"crown princes?",
        "ru": r"наследн\w* принц\w*|кронпринц\w*",
        "ar": _W + r"(?:ولي|ولى) (?:ال)?عهد\w*",
    },
}

# a title's honorifics and other names: a value echoed anywhere on the other side is no
# swap ("فخامته", His Excellency, is how Arabic names a president it does not call رئيس)
TITLE_ECHO: dict[str, dict[str, str]] = {
    "king": {
        "en": r"kings?|majesty|monarch\w*|royal",
        "ru": r"корол\w*|монарх\w*|величеств\w*",
        "ar": _AL + r"(?:ملك|جلال|عاهل|ملكي)\w*",
    },
    "president": {
        "en": r"president\w*|excellency|head of state",
        "ru": r"президент\w*|глав\w* государства|превосходительств\w*",
        "ar": _AL + r"(?:رئيس|رئاس|فخام)\w*",
    },
    "prime_minister": {
        "en": r"prime ministers?|premiers?|head of (?:the )?government",
        "ru": r"премьер\w*|председател\w* правительства|глав\w* правительства",
        "ar": _AL + r"رئيس (?:ال)?(?:وزراء|حكومة|مجلس الوزراء)",
    },
    "emir": {
        "en": r"emirs?|amirs?|princes?|highness|sheikh\w*",
        "ru": r"эмир\w*|принц\w*|высочеств\w*|шейх\w*",
        "ar": _AL + r"(?:أمير|سمو|شيخ)\w*",
    },
    "crown_prince": {
        "en": r"crown princes?",
        "ru": r"наследн\w*|кронпринц\w*",
        "ar": _W + r"(?:ولي|ولى) (?:ال)?عهد\w*",
    },
}

TIME: dict[str, dict[str, str]] = {
    # not a name: "the Sunday Times"
    day: {"en": day + r"(?! (?-i:[A-Z]))", "ru": ru, "ar": _W + ar}
    for day, ru, ar in (
        # Arabic الاثنين is also "the two": a weekday only after a word for day or time
        (
            "monday",
            r"понедельник\w*",
            "(?:"
            + "|".join(f"(?<={w} )" for w in ("يوم", "مساء", "صباح", "ليلة", "ظهر", "فجر"))
            + r")(?:الاثنين|الإثنين)",
        ),
        ("tuesday", r"вторник\w*", r"الثلاثاء"),
        ("wednesday", r"в среду|среду", r"(?:الأربعاء|الاربعاء)"),
        ("thursday", r"четверг\w*", r"الخميس"),
        ("friday", r"пятниц\w*", r"الجمعة"),
        ("saturday", r"суббот\w*", r"السبت"),
        ("sunday", r"воскресень\w*", r"(?:الأحد|الاحد)"),
    )
}


REPORT: dict[str, dict[str, str]] = {
    "neutral": {
        "en": r"said|says|say|told|stated|noted|added|explained|remarked|mentioned|"
        r"pointed out|commented",
        "ru": r"сказал\w*|заявил\w*|отметил\w*|сообщил\w*|добавил\w*|пояснил\w*|"
        r"рассказал\w*|указал\w*",
        "ar": _W + r"(?:قال|قالت|يقول|تقول|أوضح|أوضحت|أشار|أشارت|ذكر|ذكرت|أضاف|أضافت|"
        r"صرح|صرّح)",
    },
    "emphatic": {
        "en": r"stress(?:ed|es|ing)|emphasi[sz](?:ed|es|ing)|underlin(?:ed|es|ing)|"
        r"underscor(?:ed|es|ing)|insist(?:ed|s|ing)",
        "ru": r"подчеркн\w*|подчеркива\w*|настаива\w*|настоял\w*",
        "ar": _W + r"(?:شدد|شددت|يشدد|تشدد|مشددا|مشدداً|أكد|أكدت|يؤكد|تؤكد|مؤكدا|مؤكداً)",
    },
    "repeated": {
        "en": r"reiterat(?:ed|es|ing)|reaffirm(?:ed|s|ing)|repeat(?:ed|s|ing)|renew(?:ed|s|ing)",
        "ru": r"повторил\w*|вновь|снова|ещ[её] раз|подтвердил\w*",
        "ar": _W + r"(?:جدد|جددت|يجدد|تجدد|مجددا|مجدداً|كرر|كررت|يكرر|مرة أخرى)",
    },
}
# (original's strength, translation's strength) pairs that make a statement stronger
# (not "emphatic" -> "repeated": Arabic أكد / مؤكدا is rendered "reaffirmed" by faithful
# official translations; two of the seen controls did so)
REPORT_UP = {("neutral", "emphatic"), ("neutral", "repeated")}

# Only intensifiers of the original that the faithful translations of bench/flags.py
# render every time count (a drop): "strong", "firm", "strongly" are added by faithful
# translators of NTREX and WMT22 in 21 of 5,734 sentences, and "прекрасно", "решительно",
# "категорически", "коренных", "بشدة" left without a word of intensity in their place in 11
# (``INTENSITY_ECHO`` near it; ``lexicon_cues``' sentence-wide rule keeps بشدة, решительно).
INTENSITY: dict[str, dict[str, str]] = {
    "intensifier": {
        "en": r"strenuous(?:ly)?|unwavering|staunch(?:ly)?",
        "ru": r"непоколебим\w*|неустанн\w*",
        "ar": _AL + r"(?:حثيث\w*|جذري\w*|جذرياً|جذريا|راسخ\w*|دؤوب\w*)",
    },
}
INTENSITY_SIDES = ("original",)  # an intensifier added by the translation: no evidence
# how many, by kind: a vague many, a few, tens, hundreds, thousands, most. A value is
# one meaning however it is rendered: "a number of", "several", "some", "عدة", "бعض",
# "несколько" are all ``few`` (faithful translators move between them freely).
QUANTITY: dict[str, dict[str, str]] = {
    "many": {
        "en": r"many|numerous|a lot of|lots of|a great many",
        "ru": r"много|многие|многих|многим|многими|многочисленн\w*|множеств\w*",
        "ar": _AL + r"(?:كثير|كثيرة|كثيرون|كثيرين|العديد|عديد|عديدة)",
    },
    "few": {
        "en": r"(?:several|some|a few|few)(?! (?:thousand|hundred|dozen|million|billion|\d))|"
        r"a number of|a handful of",
        "ru": r"несколько|нескольк\w*|некотор\w*|ряд\w*|немного",
        "ar": _AL + r"(?:عدة|بعض|قليل\w*)|" + _W + r"عدد(?:ا|اً)? من",
    },
    "dozens": {"en": r"dozens", "ru": r"десятк\w*", "ar": _AL + r"عشرات"},
    "hundreds": {
        "en": r"hundreds|(?:several|a few|many) hundred",
        "ru": r"(?<!\d )(?:сотни|сотен|сотням\w*)",
        "ar": _AL + r"مئات",
    },
    "thousands": {
        "en": r"thousands|(?:several|a few|many) thousand",
        "ru": r"(?<!\d )(?<!\d)(?:тысячи|тысяч)",
        "ar": r"(?<!\d )" + _AL + r"(?:آلاف|ألوف)",
    },
    "most": {
        "en": MOST + r"|mostly|mainly|majority",
        "ru": r"большинств\w*|больш\w* част\w*|в основном|преимущественно",
        "ar": _AL + r"(?:معظم|أغلب\w*|غالبية)",
    },
}

# Only a swap with an order of magnitude counts ("many" -> "dozens", "dozens" ->
# "hundreds"): the faithful translations of bench/flags.py render "многие" / "العديد" as
# "some" / "several" and "most" as "many" in 10 of their 5,734 sentences.
MAGNITUDES = frozenset(("dozens", "hundreds", "thousands"))
# ... and a swap with ``most``, the other end of the scale ("some" -> "most", "many" ->
# "most" and back): the proportion itself changes. In the same 5,734 faithful sentences
# "few" and "most" never replace each other, "many" and "most" do twice
# (``bench/quantity_swaps.py`` counts them).
PROPORTION_SWAPS = frozenset((frozenset(("few", "most")), frozenset(("many", "most"))))

INTENSITY_ECHO = {
    "en": r"strong\w*|firm\w*|sever\w*|harsh\w*|sharp\w*|deep\w*|grave\w*|serious\w*|"
    r"profound\w*|vigorous\w*|intens\w*|tireless\w*|relentless\w*|strenuous\w*|vehement\w*|"
    r"categorical\w*|resolute\w*|decisive\w*|fierce\w*|earnest\w*|steadfast\w*|"
    r"staunch\w*|unwavering|radical\w*|fundamental\w*|root\w*|thorough\w*|perfect\w*|"
    r"fully|full|complete\w*|utmost|great\w*|very|highly|much|well|concerted|active\w*|"
    r"constant\w*|continu\w*|sustain\w*|serious\w*|unequivocal\w*|emphatic\w*|solid|"
    r"robust|committed|determin\w*|forceful\w*|all",
    "ru": r"\w*(?:решительн|резк|крайн|категорич|глубок|серь[её]зн|ж[её]стк|тв[её]рд|"
    r"непоколебим|полн|сильн|больш|огромн|очень|весьма|прекрасн|отличн|хорошо|корен|"
    r"радикальн|активн|всемерн|настойчив|упорн|безусловн|абсолютн)\w*",
    "ar": _AL + r"(?:بشد|شديد|حثيث|جذر|جذري|عميق|قوي|عال|العالي|وثيق|متين|بالغ|كامل|تام|حازم|مطلق|"
    r"كبير|جاد|جدي|ثابت|"
    r"راسخ|صارم|أشد|أقوى|أقصى|جهود|مكثف|متواصل|دؤوب|حقيقي|فعال|جوهري|أساس)\w*",
}
