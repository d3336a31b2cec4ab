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

The cue classes of real edits (venue, plan, amount, day, period, loaded, place, source,
intensity, count) live in ``align.check.lexicon_cues`` and are added to ``CONCEPTS`` here,
so the word-flag gate opens for them; each also has a broad *echo* list (``echo_hits``)
for the other side.
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.check.lexicon_cues import (
    ATTRIBUTIONS,
    CUE_CONCEPTS,
    ECHO,
    FUTURE,
    ONE_SIDED,
    QUALIFIER_CUES,
    RU_WHOSE,
)
from align.check.lexicon_places import AGENCIES
from align.check.lexicon_subs import MOST

_B = r"(?<![^\W\d_])"  # word start
_E = r"(?![^\W\d_])"  # word end

# concept -> (class, {lang: pattern})
CONCEPTS: dict[str, tuple[str, dict[str, str]]] = {
    "according": (
        "attribution",
        {
            "en": r"according to|reportedly|claim(?:s|ed)?|allege[sd]?",
            "ru": rf"по {RU_WHOSE}(?:словам|данным(?! на \d)|мнению|информации|сообщению)|"
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
            "ru": r"вероятн\w*|возможно|может быть|наверное|по-видимому",
            "ar": r"ربما|من المحتمل|يحتمل|المرجح",
        },
    ),
    "most": (
        "hedge",
        {
            "en": MOST + r"|majority",
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
        "ru": r"суд|суда|суде|судом|судь(?:я|и|ю|ей|е|ям|ями|ях)",
        "ar": r"المحكمة|محكمة|القاضي",
    },
    "army": {
        "en": r"army|military|troops|soldiers|officers?|defen[cs]e|forces",
        "ru": r"арми\w*|военн\w*|войск\w*",
        "ar": r"الجيش|العسكري\w*|الجنود",
    },
    # a prime minister heads the government: "رئيس الوزراء" rendered "Prime Minister" is
    # the same role, not a ministry (a false major on a faithful control, real dev test2)
    "government": {
        "en": r"government|cabinet|prime ministers?|premiers?",
        "ru": r"правительств\w*|кабинет\w*|премьер\w*(?:-министр\w*)?",
        "ar": r"الحكومة|حكومة|رئيس الوزراء|رئيس الحكومة|رئيس وزراء",
    },
    "ministry": {
        "en": r"ministry|(?<!prime )ministers?|department|secretary",
        "ru": r"министерств\w*|(?<!премьер-)министр\w*",
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
        "ru": r"врач\w*|медик\w*|доктор\w*",
        "ar": r"الأطباء|طبيب\w*",
    },
    "activists": {"en": r"activists?", "ru": r"активист\w*", "ar": r"ناشط\w*"},
    "journalists": {
        "en": r"journalists?|reporters?",
        "ru": r"журналист\w*|репортер\w*",
        # not the adjective of "مؤتمر صحافي" (a press conference), "تصريح صحفي", ...
        "ar": r"(?<!مؤتمر )(?<!مؤتمرا )(?<!تصريح )(?<!بيان )(?<!لقاء )(?:صحفي\w*|صحافي\w*)",
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


@lru_cache(maxsize=2048)
def word_pattern(pattern: str) -> re.Pattern[str]:
    """A list pattern as a whole-word, case-blind regex (cached: the lists are fixed, a
    few hundred patterns in all; at 256 the thirty countries in three languages evicted
    the rest, and recompiling was a fortieth of ``check``'s time).

    The lists write the Arabic accusative ending as alif then tanween ("وفقاً"); most news
    text writes the tanween on the letter before the alif ("وفقًا"), which no list word
    matched: a dropped "وفقًا لمصادر أمنية" went unflagged. Both spellings match."""
    pattern = pattern.replace("\u0627\u064b", "(?:\u0627\u064b|\u064b\u0627)")
    return re.compile(f"{_B}(?:{pattern}){_E}", re.I)


def lexicon_lang(lang: str) -> str:
    """The lists' language for ``lang``: ar and ru have their own, anything else reads as en."""
    return lang if lang in ("ar", "ru") else "en"


def concept_hits(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Concept -> character spans where it occurs in ``text``. The qualifiers are a table
    of their own (``_patterns``): one more cheap prefilter scan, and the forty concept
    patterns are not run on a text for a qualifier's sake, nor the other way round."""
    lang = lexicon_lang(lang)
    found = _hits("concepts", text, lang) + _hits("qualifiers", text, lang)
    return {k: list(v) for k, v in found}


def role_hits(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Role -> character spans where it occurs in ``text``."""
    return {k: list(v) for k, v in _hits("roles", text, lexicon_lang(lang))}


@lru_cache(maxsize=4096)
def _hits(table: str, text: str, lang: str) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """The hits of one table, cached: a check asks about each linked text several times
    (the gate, then the meaning rules), some twenty patterns each."""
    pats = _patterns(table, lang)
    if not _any_of(table, lang).search(text):  # most texts hold none: one scan, not ~40
        return ()
    out = []
    for name, pat in pats.items():
        spans = tuple(m.span() for m in word_pattern(pat).finditer(text))
        if spans:
            out.append((name, spans))
    return tuple(out)


@lru_cache(maxsize=16)
def _patterns(table: str, lang: str) -> dict[str, str]:
    """Concept (or role) -> its pattern in ``lang``; cached and shared, so never changed."""
    if table in ("concepts", "qualifiers"):
        want = table == "qualifiers"
        return {n: p[lang] for n, (_, p) in CONCEPTS.items() if (n in QUALIFIER_CUES) == want}
    return {n: p[lang] for n, p in ROLES.items()}


@lru_cache(maxsize=16)
def _any_of(table: str, lang: str) -> re.Pattern[str]:
    """One pattern that matches where any of the table's patterns does (``_hits``'s
    prefilter: the same word-start and word-end guards around their alternation)."""
    return word_pattern("|".join(f"(?:{p})" for p in _patterns(table, lang).values()))


# Openers of an original sentence that a translator renders as a weak frame ("Notably,",
# "It should be noted that"): the connective "при этом" and the Arabic news formulas
# "يذكر أن", "يشار إلى أن", "الجدير بالذكر أن" (bench/flags.py half 0, a faithful WMT22 pair:
# "При этом среди всех опрошенных ..." / "Notably, only 19.3% ..." was a major insertion).
# Only the weak frames count as rendered from them: "Critics say" or "Ironically" is not.
WEAK_FRAMES = r"notably|it should be noted that"
OPENERS: dict[str, str] = {
    "en": WEAK_FRAMES,
    # "Отмечено, что" (it was noted that) / "It should be noted that": an eighth user's
    # faithful release read it as a major framing insertion
    "ru": r"при этом|вместе с тем|в то же время|отметим,? что|(?:было )?отмечено,? что|"
    r"отмечается,? что",
    "ar": r"و?(?:يذكر|يُذكر|يشار إلى) أن|و?الجدير بالذكر(?: أن)?",
}


def framing_at(text: str, lang: str) -> tuple[int, int] | None:
    """The framing phrase that opens ``text`` (after quotes), or None."""
    return _opening(text, FRAMING[lexicon_lang(lang)])


def frame_rendered(frame: str, text: str, lang: str) -> bool:
    """Whether ``text`` (the original) opens with what renders ``frame``, the frame that
    opens its translation: a frame of its own, or for a weak frame an opener (``OPENERS``)."""
    lang = lexicon_lang(lang)
    pattern = FRAMING[lang]
    if word_pattern(WEAK_FRAMES).fullmatch(frame):
        pattern += "|" + OPENERS[lang]
    return _opening(text, pattern) is not None


def _opening(text: str, pattern: str) -> tuple[int, int] | None:
    """Where a phrase of ``pattern`` opens ``text`` (after quotes and brackets), or None."""
    m = word_pattern(pattern).search(text)
    if m is None or text[: m.start()].strip(" \"'«“‘(—-"):
        return None
    return m.span()


def concept_class(name: str) -> str:
    return CONCEPTS[name][0]


# Role words that name an activity, or several roles at once, rather than the people
# ("officers" are police or army, "defence" lawyers or army, "следствие" and "التحقيق"
# the investigation, "شاهد" also "watched"): a free translation moves between them
# and the roles they touch, so they never count as a role gone or a role new.
VAGUE_ROLES = {
    "en": r"officers?|defen[cs]e|forces|department|secretary|law enforcement|investigative"
    r"|military|cabinet|premiers?|investigation",
    "ru": r"следстви\w*|следственн\w*|защит\w*|военн\w*|силовик\w*|правоохранител\w*",
    "ar": r"التحقيق|شاهد|الدفاع|العسكري\w*",
}


# roles one of which contains or does the work of the other: a ministry is part of the
# government, the police investigate (unedited bench/flags.py pairs render "министерств"
# as "government" and "полицией" as "investigators")
NESTED_ROLES = {frozenset(("government", "ministry")), frozenset(("police", "investigators"))}


def plain_role(text: str, spans: list[tuple[int, int]], lang: str) -> bool:
    """Whether one occurrence of a role names its people plainly (not ``VAGUE_ROLES``)."""
    pat = re.compile(rf"(?:{VAGUE_ROLES[lexicon_lang(lang)]})", re.I)
    return any(pat.fullmatch(text[a:b]) is None for a, b in spans)


# Cues of real edits: the tables are in ``align.check.lexicon_cues``.
CONCEPTS.update(CUE_CONCEPTS)


def echo_hits(concept: str, text: str, lang: str) -> list[tuple[int, int]]:
    """Spans in ``text`` of anything that may render ``concept`` (its trigger included)."""
    lang = lexicon_lang(lang)
    pats = [CONCEPTS[concept][1][lang]]
    if concept in ECHO:
        pats.append(ECHO[concept][lang])
    return [m.span() for p in pats for m in word_pattern(p).finditer(text)]


def attribution_hits(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of who-said-it expressions (``lexicon_cues.ATTRIBUTIONS``) in ``text``."""
    return [m.span() for m in word_pattern(ATTRIBUTIONS[lexicon_lang(lang)]).finditer(text)]


def gate_concepts(text: str, lang: str) -> frozenset[str]:
    """The concepts of ``text`` that open the word-level gate when the other side of a
    link lacks them: every concept but the qualifiers, which open it only when one is
    lost (``qualifier_lost``): they are common, and mostly rendered."""
    return frozenset(concept_hits(text, lang).keys() - QUALIFIER_CUES)


def qualifier_lost(texts: dict[str, tuple[str, str]], near: dict[str, str]) -> bool:
    """Whether a qualifier (``lexicon_qualifiers``) sits on one side of a link, where its
    side is read, with no echo on the other side nor in the sentences beside it: the
    condition of the qualifier cue (``cue_rules``), checked before the word-level work.
    ``texts``: side -> (text, language); ``near``: side -> the sentences beside the link."""
    for side, other in (("original", "translation"), ("translation", "original")):
        text, lang = texts[side]
        otext, olang = texts[other]
        for k in concept_hits(text, lang).keys() & QUALIFIER_CUES:
            if side in ONE_SIDED[k][3] and not echo_hits(k, f"{otext} {near[other]}", olang):
                return True
    return False


def future_hits(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of future markers ("will") in ``text``."""
    return [m.span() for m in word_pattern(FUTURE[lexicon_lang(lang)]).finditer(text)]


def agency_hits(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """News agency (a key of ``AGENCIES``) -> spans in ``text`` naming it."""
    lang = lexicon_lang(lang)
    found = {
        k: [m.span() for m in word_pattern(p[lang]).finditer(text)] for k, p in AGENCIES.items()
    }
    return {k: v for k, v in found.items() if v}


def lost_agencies(otext: str, ol: str, other: str, tl: str) -> dict[str, list[tuple[int, int]]]:
    """The agencies an original credits (it has a source frame and names them) that
    ``other`` (the translation, with the sentences beside the link) never names: what the
    agency cue (``cue_rules``) flags and the word-level gate opens for."""
    if "source" not in concept_hits(otext, ol):
        return {}
    named = agency_hits(other, tl)
    return {k: v for k, v in agency_hits(otext, ol).items() if k not in named}


def is_credit(text: str, lang: str, a: int, b: int) -> bool:
    """Whether words ``text[a:b]`` a translation adds are mostly a source frame (a
    republisher crediting the paper it rewrote: ", reported Al-Rai Daily."): an added
    attribution, minor, not new content."""
    frames = concept_hits(text, lang).get("source", [])
    return sum(max(0, min(b, y) - max(a, x)) for x, y in frames) >= 0.6 * (b - a)
