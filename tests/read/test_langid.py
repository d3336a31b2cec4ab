"""Language identification: script fast path, seeded langdetect, per-sentence labels."""

from __future__ import annotations

import pytest

from align.errors import LanguageError
from align.read.langid import detect_language, dominant_script, script_counts, sentence_language


def test_script_fast_path() -> None:
    assert detect_language("قالت الوزارة إنها ستنفق المال على أنابيب جديدة.") == "ar"
    assert detect_language("Помните? Министерство заявило об этом в понедельник.") == "ru"
    assert script_counts("abc абв اب 12")["cyrillic"] == 3


def test_latin_languages_via_langdetect_are_deterministic() -> None:
    en = "The ministry said on Monday that it would spend more money on new water pipes."
    de = "Das Ministerium teilte am Montag mit, dass es mehr Geld für Leitungen ausgeben werde."
    fr = "Le ministère a annoncé lundi qu'il dépenserait davantage pour les conduites d'eau."
    assert [detect_language(t) for t in (en, de, fr)] == ["en", "de", "fr"]
    assert len({detect_language(en) for _ in range(5)}) == 1


@pytest.mark.parametrize("text", ["12 345 678 https://example.com/a/b", "   ...  2019-11-05 !!!"])
def test_undetectable_text_names_the_file(text: str) -> None:
    with pytest.raises(LanguageError, match="story.txt: cannot detect"):
        detect_language(text, path="story.txt")


def test_unsupported_language_is_reported() -> None:
    with pytest.raises(LanguageError, match="not supported"):
        detect_language(
            "Il ministero ha dichiarato lunedì che spenderà più denaro per i nuovi tubi."
        )


def test_sentence_language_only_when_clearly_different() -> None:
    assert sentence_language("The government will present its plan next week.", "ru") == "en"
    assert sentence_language("Thank you.", "ru") == "ru"  # too short to judge
    assert sentence_language('Он добавил: "This is only the beginning of the work."', "ru") == "ru"
    assert sentence_language("Путин заявил об этом.", "en") == "ru"
    assert sentence_language("قال الوزير ذلك.", "en") == "ar"
    assert sentence_language("Apple iPhone 11 Pro", "ar") == "ar"  # names, not a sentence
    assert dominant_script("12345") is None
