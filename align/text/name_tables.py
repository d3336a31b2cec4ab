"""Letter tables and stop lists of the transliteration skeletons (``align.text.names``).

Kept apart from the matching logic because they are data: one folded Latin consonant
per letter of each script (see ``align.text.names`` for why these merges), the Arabic
article and proclitics, capitalised English / Russian words that are not names, and the
Arabic and Russian names of the Latin letters an acronym is spelled with.
"""

from __future__ import annotations

# fmt: off
CYRILLIC = {
    "а": "", "б": "b", "в": "f", "г": "g", "д": "d", "е": "", "ё": "", "ж": "g", "з": "s", "и": "",
    "й": "", "к": "k", "л": "l", "м": "m", "н": "n", "о": "", "п": "b", "р": "r", "с": "s",
    "т": "t", "у": "", "ф": "f", "х": "", "ц": "s", "ч": "S", "ш": "S", "щ": "S", "ъ": "", "ы": "",
    "ь": "", "э": "", "ю": "", "я": "",
}
# fmt: on
# fmt: off
ARABIC = {
    "ا": "", "ب": "b", "ت": "t", "ث": "t", "ج": "g", "ح": "", "خ": "", "د": "d", "ذ": "d", "ر": "r",
    "ز": "s", "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "ع": "", "غ": "g",
    "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "", "و": "", "ي": "", "ة": "",
    "ء": "", "ى": "", "ئ": "", "ؤ": "", "پ": "b", "چ": "S", "ڤ": "f", "گ": "g", "ک": "k", "ی": "",
}
# fmt: on
# fmt: off
LATIN_DIGRAPHS = [
    ("sch", "S"), ("tch", "S"), ("sh", "S"), ("ch", "S"), ("kh", ""), ("zh", "g"), ("ph", "f"),
    ("th", "t"), ("dh", "d"), ("gh", "g"), ("ck", "k"), ("dj", "g"), ("x", "ks"),
]
# fmt: on
# fmt: off
LATIN = {
    "c": "k", "q": "k", "j": "g", "p": "b", "v": "f", "z": "s", "w": "", "y": "", "h": "", "a": "",
    "e": "", "i": "", "o": "", "u": "",
}
# fmt: on

# How other scripts render Latin spellings the plain skeleton misses: each entry is
# (applies when the casefolded word matches, regex rewrites in order, shortest skeleton
# kept) and adds one more skeleton of the word.
LATIN_RESPELLINGS: tuple[tuple[str, tuple[tuple[str, str], ...], int], ...] = (
    ("gh", (("gh", ""),), 1),  # silent gh: Willoughby / Уиллоуби
    ("sh", (("sh", "s"),), 1),  # Japanese shi: Hiroshima / Хиросима
    ("ng$", (("g$", ""),), 1),  # Korean Yong / Ён
    ("tz", (("tz", "s"),), 1),  # Cyrillic ц for tz / ts / c: Veltzé / Вельце,
    ("ts", (("ts", "s"),), 1),
    ("c", (("c", "s"),), 1),  # Zorica / Зорица
    ("eu", (("eu", "ev"),), 1),  # в for the u of eu: Eugenia / Евгения
    ("^[xq]i", (("^[xq]", "s"), ("ng", "n")), 1),  # pinyin: Xining / Синин, Qinghai / Цинхай
    ("^j[aeiou]", (("^j", ""),), 3),  # initial j as a y sound: Jasmila / Ясмилы
    ("[bdfgkmnprstv]j", (("(?<=[bdfgkmnprstv])j", ""),), 2),  # Nordic j: Bjorn / بيورن
    ("[aeiou]j[aeiou]", (("(?<=[aeiou])j(?=[aeiou])", ""),), 3),  # Spanish j: Alejandro / أليخاندرو
)

# fmt: off
ARTICLES = {
    "al", "el", "ul", "an", "ar", "as", "ash", "ad", "at", "az", "ath", "аль", "ал", "эль", "эл",
    "ас", "аш", "ад", "ан", "ар", "ат", "аз",
}
# fmt: on
AR_PROCLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")


# Capitalised English words that are not names (or too generic to judge).
# fmt: off
EN_STOP = set(
    """
a an the and or but if of in on at to for from by with without as is are was were be been it its
he she they we you i me him her them his hers their our your this that these those there here
what which who whom whose when where why how not no yes all any some each every many much more
most other such than then so also only just even still yet after before over under about into mr
mrs ms dr prof sir madam st jr sr mr. mrs. dr. ok monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november
december but however meanwhile although though while because since until unless government
parliament assembly commission committee council ministry minister president prime secretary
senator senate congress house court police army navy university college school church cathedral
street road avenue square north south east west northern southern eastern western central
province region state city county district republic kingdom union federation party members
member group company bank agency office department service national international rev capt gen
col sgt lt gov sen rep det insp supt cllr cpl pte maj brig cmdr adm dr prof st mt
fort lake river island islands park hospital centre center
museum airport station league cup club team championship premier world global day week year new
old first second third last great grand royal federal supreme general chairman director chief
executive officer spokesman spokeswoman leader inspector detective christian muslim islamic
jewish catholic orthodox protestant methodist english british american russian arabic arab
chinese french german european african asian welsh scottish irish covid coronavirus
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
""".split()  # noqa: SIM905
)
# fmt: on
# fmt: off
RU_STOP = set(
    """
и в во не что он она они мы вы я на с со как а то все это так его но да ты к у же за бы по
только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни
быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может тут где есть надо
ней для тем чтобы нее были куда зачем всех никогда можно при наконец два об другой хоть после
над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою
этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между однако также
этот этого понедельник вторник среда четверг пятница суббота воскресенье
""".split()  # noqa: SIM905
)
# fmt: on

# The names of Latin letters as Arabic and Russian news spell an acronym ("إن بي سي" NBC,
# "سي آي إيه" CIA, "би-би-си" BBC), normalised (``normalize_arabic``, lower case): a letter
# may have several spellings and a spelling several letters ("بي": B or P).
# fmt: off
LETTER_NAMES: dict[str, str] = {
    "ايه": "A", "اي": "AI", "بي": "BP", "سي": "C", "دي": "D", "اف": "F", "جي": "G", "اتش": "H",
    "اش": "H", "جيه": "J", "كيه": "K", "كي": "K", "ال": "L", "ام": "M", "ان": "N", "او": "O",
    "كيو": "Q", "ار": "R", "اس": "S", "تي": "T", "يو": "U", "في": "V", "دبليو": "W", "اكس": "X",
    "واي": "Y", "زد": "Z",
    "эй": "A", "би": "B", "си": "C", "ди": "D", "эф": "F", "джи": "G", "эйч": "H", "ай": "I",
    "джей": "J", "кей": "K", "эл": "L", "эм": "M", "эн": "N", "оу": "O", "пи": "P", "кью": "Q",
    "ар": "R", "эс": "S", "ти": "T", "ю": "U", "ви": "V", "икс": "X", "уай": "Y",
}
# fmt: on
