"""check_alignment on hand-made ar-en / ru-en pairs with gold links (real encoder)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import pytest
from click.testing import CliRunner

from align.check.context import FlagOptions
from align.check.flags import check_alignment
from align.embed.encoder import Encoder
from align.synthetic.generate import document_from_lines
from align.types import Alignment, Link, Report, Signature, Summary

DATA = Path(__file__).resolve().parents[1] / "data" / "flags"
# both fixtures: original #5 dropped, #2 200 -> 2,000, a name respelled, a disclaimer added
GOLD = [
    ((0,), (0,)),
    ((1,), (1,)),
    ((2,), (2,)),
    ((3,), (3,)),
    ((4,), (4,)),
    ((5,), ()),
    ((6,), (5,)),
    ((7,), (6,)),
    ((8,), (7,)),
    ((9,), (8,)),
    ((), (9,)),
]


def alignment(lang: str) -> Alignment:
    orig = (DATA / f"{lang}_original.txt").read_text(encoding="utf-8").splitlines()
    trans = (DATA / f"{lang}_translation.txt").read_text(encoding="utf-8").splitlines()
    links = tuple(Link(o, t, 1.0 if o and t else 0.0) for o, t in GOLD)
    return Alignment(
        document_from_lines(orig, lang),
        document_from_lines(trans, "en"),
        links,
        Signature("test", "usem3"),
    )


@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_fixture_flags(lang: str, encoder: Encoder) -> None:
    report = check_alignment(alignment(lang), FlagOptions(), encoder=encoder)
    got = {(f.kind, f.original, f.translation, f.subkind) for f in report.flags}
    assert ("omission", (5,), (), None) in got
    assert ("addition", (), (9,), "boilerplate") in got
    assert ("number_mismatch", (2,), (2,), None) in got
    assert not any(f.kind == "name_mismatch" for f in report.flags)  # Shaer/Shaher is a respelling
    number = next(f for f in report.flags if f.kind == "number_mismatch")
    assert "200" in number.detail and "2,000" in number.detail
    assert report.summary is not None
    assert report.summary.verdict in ("edited", "heavily_edited")
    assert report.summary.coverage_sentences == pytest.approx(0.9)
    assert report.summary.counts["omission"] == 1
    assert all(f.detail and f.severity in ("info", "minor", "major") for f in report.flags)


def test_signature_records_flag_settings(encoder: Encoder) -> None:
    report = check_alignment(alignment("ru"), FlagOptions(partial_ratio=0.5), encoder=encoder)
    settings = dict(report.alignment.signature.settings)
    assert settings["flags.partial_ratio"] == "0.5" and "flags" in settings


# sentences of no article in particular: a text that translates nothing
UNRELATED = (
    "The recipe needs two eggs and flour.",
    "Bake the cake for forty minutes.",
    "Football fans celebrated late into the night.",
    "The weather turned cold in the north.",
    "A new phone model was released this week.",
    "Shares fell sharply on Wall Street.",
    "The museum reopened after renovation.",
    "Tourists flocked to the beaches.",
    "The singer cancelled her tour.",
    "Scientists found water on a distant moon.",
)


def test_not_a_translation_gets_verdict_not_flags(encoder: Encoder) -> None:
    orig = (DATA / "ru_original.txt").read_text(encoding="utf-8").splitlines()
    other = list(UNRELATED)
    links = tuple(Link((i,), (i,), 0.1) for i in range(10))
    al = Alignment(
        document_from_lines(orig, "ru"),
        document_from_lines(other, "en"),
        links,
        Signature("test", "usem3"),
    )
    report = check_alignment(al, FlagOptions(), encoder=encoder)
    assert report.summary is not None and report.summary.verdict == "not_a_translation"
    assert report.flags == ()


WIRE = ["Полиция задержала двоих мужчин.", "Никто не пострадал.", "Суд состоится в мае."]
WIRE_EN = ["Police detained two men.", "Nobody was hurt.", "The trial will take place in May."]


def _wire_in(
    trans: list[str],
    linked: int,
    encoder: Encoder,
    options: FlagOptions | None = None,
    orig: list[str] = WIRE,
) -> Summary | None:
    """check's summary of the three-sentence wire story (or ``orig``) against ``trans``, its
    first ``linked`` sentences linked 1-1 to ``trans``'s first ones, the rest unlinked."""
    al = Alignment(
        document_from_lines(orig, "ru"),
        document_from_lines(trans, "en"),
        (
            *(Link((i,), (i,), 0.9) for i in range(linked)),
            *(Link((i,), (), 0.0) for i in range(linked, len(orig))),
            *(Link((), (j,), 0.0) for j in range(linked, len(trans))),
        ),
        Signature("test", "usem3"),
    )
    return check_alignment(al, options or FlagOptions(), encoder=encoder).summary


def test_not_a_translation_names_the_condition_that_failed(encoder: Encoder) -> None:
    # two of the three original sentences linked, faithfully, in a text that is mostly
    # other sentences, the partial-translation waiver off: the reason is the translation's
    # share, not "only 67% of the original's sentences could be linked and the median
    # similarity is 0.9"
    off = FlagOptions(partial_links=0)
    summary = _wire_in(WIRE_EN[:2] + list(UNRELATED[:7]), 2, encoder, off)
    assert summary is not None and summary.verdict == "not_a_translation"
    assert summary.reason == (
        "only 22% of the translation's sentences could be linked: "
        "this is not a translation of this original"
    )


def test_partial_translation_inside_other_text_is_a_translation(encoder: Encoder) -> None:
    # two of the three sentences, faithfully, inside seven sentences of background: a
    # partial translation (partial_links pairs at expanded_cosine), however small both
    # linked shares; the reader is told what was left out and what was added
    summary = _wire_in(WIRE_EN[:2] + list(UNRELATED[:7]), 2, encoder)
    assert summary is not None and summary.verdict == "heavily_edited"
    assert summary.counts["omission"] == 1 and summary.counts["addition"] >= 1
    # one linked sentence is too little evidence of a translation
    one = _wire_in(WIRE_EN[:1] + list(UNRELATED[:8]), 1, encoder)
    assert one is not None and one.verdict == "not_a_translation"
    # nor are two of nine sentences (22 %): two reports quoting one statement
    report = WIRE[:2] + [
        "Погода в регионе испортилась.",
        "Фермеры ждут хорошего урожая.",
        "Новый мост откроют осенью.",
        "Цены на бензин выросли.",
        "Школы перешли на новый график.",
        "В городе прошёл фестиваль.",
        "Музей открылся после ремонта.",
    ]
    quoted = _wire_in(WIRE_EN[:2] + list(UNRELATED[:7]), 2, encoder, orig=report)
    assert quoted is not None and quoted.verdict == "not_a_translation"
    # two links that are not translations of each other are not one either
    weak = _wire_in(list(UNRELATED[:7]) + WIRE_EN[:2], 2, encoder)
    assert weak is not None and weak.verdict == "not_a_translation"


def test_short_story_republished_with_background_is_a_translation(encoder: Encoder) -> None:
    # the whole wire story, faithfully, inside six sentences of background: a
    # translation with additions (expanded_coverage / expanded_cosine), however small
    # the translation's linked share (33 %)
    summary = _wire_in(WIRE_EN + list(UNRELATED[:6]), 3, encoder)
    assert summary is not None and summary.verdict in ("edited", "heavily_edited")
    assert summary.coverage_sentences == 1.0 and summary.counts["addition"] >= 1
    # the same text with the story's sentences unlinked to their renderings is not one
    weak = _wire_in(list(UNRELATED[:6]) + WIRE_EN, 3, encoder)
    assert weak is not None and weak.verdict == "not_a_translation"


def test_flag_options_numbers_are_cli_thresholds(runner: CliRunner) -> None:
    import cli

    numbers = [
        f
        for f in dataclasses.fields(FlagOptions)
        if isinstance(f.default, (int, float)) and not isinstance(f.default, bool)
    ]
    assert len(numbers) >= 8
    assert all(f.metadata.get("help") for f in numbers)  # every threshold is explained
    shown = runner.invoke(cli.cli, ["check", "--help-thresholds"]).output
    assert (
        "--name-score FLOAT" in shown
        and "[default: -0.3]" in shown
        and "--name-common-word-penalty" in shown
        and "--low-sim-min-words INTEGER" in shown
    )


def test_check_cli_json(runner: CliRunner, encoder: Encoder) -> None:
    import cli

    res = runner.invoke(
        cli.cli,
        [
            "check",
            str(DATA / "ru_original.txt"),
            str(DATA / "ru_translation.txt"),
            "--presplit",
            "--orig-lang",
            "ru",
            "--trans-lang",
            "en",
            "--format",
            "json",
        ],
    )
    assert "Traceback" not in res.output
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    kinds = {f["kind"] for f in data["flags"]}
    assert {"omission", "number_mismatch"} <= kinds


def test_cut_sentence_left_unlinked_is_relinked_as_partial(encoder: Encoder) -> None:
    """An unlinked original next to an unlinked, similar, much shorter translation is one link."""
    from align.sentalign.moves import Draft
    from align.sentalign.options import RepairOptions
    from align.sentalign.repair import relink_gaps

    orig = [
        "Президент России Владимир Путин в среду провёл переговоры с канцлером Германии.",
        "Стороны обсудили поставки газа, ситуацию на Украине и торговые отношения, а также "
        "договорились о новой встрече в Берлине осенью следующего года.",
        "После переговоров Путин вернулся в Москву.",
    ]
    trans = [
        "Russian President Vladimir Putin held talks with the German chancellor on Wednesday.",
        "The sides discussed gas supplies.",
        "After the talks Putin returned to Moscow.",
    ]
    links = (Link((0,), (0,), 1.0), Link((1,), (), 0.0), Link((), (1,), 0.0), Link((2,), (2,), 1.0))
    al = Alignment(
        document_from_lines(orig, "ru"),
        document_from_lines(trans, "en"),
        links,
        Signature("test", "usem3"),
    )
    draft = Draft(orig, trans, links)
    relinked = relink_gaps(draft, encoder, RepairOptions().relink_sim)
    assert [(lk.original, lk.translation) for lk in relinked] == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
    ]
    report = check_alignment(
        dataclasses.replace(al, links=relinked), FlagOptions(), encoder=encoder
    )
    assert not any(f.kind in ("omission", "addition") for f in report.flags)


def test_byline_pattern_needs_capitalised_names() -> None:
    from align.text.shape import BOILERPLATE_RE as BOILER_RE

    assert BOILER_RE.search("By Maria Kowalski, Levant Daily correspondent")
    assert not BOILER_RE.search("By that stage, Rangers had dominated possession.")


def _al(
    orig: list[str], ol: str, trans: list[str], links: Sequence[tuple[Sequence[int], Sequence[int]]]
) -> Alignment:
    return Alignment(
        document_from_lines(orig, ol),
        document_from_lines(trans, "en"),
        tuple(Link(tuple(o), tuple(t), 1.0 if o and t else 0.0) for o, t in links),
        Signature("test", "usem3"),
    )


def _check(al: Alignment, encoder: Encoder) -> Report:
    """check's view of hand-made links: repaired as the aligner repairs them, then flagged."""
    from align.sentalign.moves import Draft
    from align.sentalign.options import RepairOptions
    from align.sentalign.repair import repair_links

    draft = Draft(al.original.texts, al.translation.texts, al.links)
    links = repair_links(draft, encoder, RepairOptions())
    return check_alignment(dataclasses.replace(al, links=links), encoder=encoder)


# one short Russian report and its English rendering, reused by the repair tests
TALKS_RU = "Президент России Владимир Путин в среду провёл переговоры с канцлером Германии."
GAS_RU = "Стороны обсудили поставки газа."
BACK_RU = "После переговоров Путин вернулся в Москву."
DINNER_RU = "Вечером в Кремле состоялся торжественный ужин в честь гостей."
TALKS_EN = "Russian President Vladimir Putin held talks with the German chancellor on Wednesday."
GAS_EN = "The sides discussed gas supplies."
BACK_EN = "After the talks Putin returned to Moscow."
DINNER_EN = "In the evening, a gala dinner in honour of the guests was held in the Kremlin."

RU = [
    TALKS_RU,
    "Стороны обсудили поставки газа, ситуацию на Украине и торговые отношения, а также "
    "договорились о новой встрече в Берлине осенью следующего года.",
    BACK_RU,
]


def test_partial_omission_names_the_clause_left_out(encoder: Encoder) -> None:
    trans = [
        TALKS_EN,
        "The sides discussed gas supplies, the situation in Ukraine and trade relations.",
        BACK_EN,
    ]
    report = _check(_al(RU, "ru", trans, [((i,), (i,)) for i in range(3)]), encoder)
    cut = [f for f in report.flags if f.kind == "partial_omission"]
    assert [(f.original, f.translation) for f in cut] == [((1,), (1,))]
    assert "Берлине" in cut[0].detail and cut[0].evidence["clause_gain"] > 0


def test_unrelated_pair_is_an_omission_and_an_addition(encoder: Encoder) -> None:
    """The search never links two sentences that share no meaning (CHECK_OPTIONS)."""
    from align.sentalign.aligner import align_documents
    from align.sentalign.options import CHECK_OPTIONS

    trans = [
        TALKS_EN,
        "Heavy rain flooded several streets in the old town overnight.",  # cosine 0.14
        BACK_EN,
    ]
    original, translation = document_from_lines(RU, "ru"), document_from_lines(trans, "en")
    alignment = align_documents(original, translation, CHECK_OPTIONS, encoder=encoder)
    report = check_alignment(alignment, encoder=encoder)
    got = {(f.kind, f.original, f.translation) for f in report.flags}
    assert ("omission", (1,), ()) in got and ("addition", (), (1,)) in got
    assert not any(f.kind == "low_similarity" for f in report.flags)


def test_sentence_merged_into_its_neighbour_is_not_an_omission(encoder: Encoder) -> None:
    orig = [TALKS_RU, "Встреча прошла в Кремле.", GAS_RU, BACK_RU]
    trans = [f"{TALKS_EN} The meeting took place in the Kremlin.", GAS_EN, BACK_EN]
    links = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    report = _check(_al(orig, "ru", trans, links), encoder)
    assert not any(f.kind == "omission" for f in report.flags)
    assert ((0, 1), (0,)) in [(lk.original, lk.translation) for lk in report.alignment.links]


def test_moved_sentence_glued_to_a_link_is_a_reorder(encoder: Encoder) -> None:
    orig = [TALKS_RU, GAS_RU, BACK_RU, DINNER_RU]
    trans = [DINNER_EN, TALKS_EN, GAS_EN, BACK_EN]
    links = [((0,), (0, 1)), ((1,), (2,)), ((2,), (3,)), ((3,), ())]
    report = _check(_al(orig, "ru", trans, links), encoder)
    kinds = {(f.kind, f.original, f.translation) for f in report.flags}
    assert ("reorder", (3,), (0,)) in kinds
    assert not any(f.kind in ("omission", "addition", "split") for f in report.flags)
    # its message is read by a person: sentences numbered from 1, like every human text
    moved = next(f for f in report.flags if f.kind == "reorder")
    assert (
        moved.detail
        == "Moved: original sentence 4 is rendered out of order, as translation sentence 1"
    )


def test_moved_sentence_paired_with_a_dropped_one_is_a_reorder(encoder: Encoder) -> None:
    """The moved sentence landed where a dropped one was and the aligner paired them."""
    orig = [TALKS_RU, GAS_RU, "Погода в Москве в этот день была дождливой.", BACK_RU, DINNER_RU]
    trans = [TALKS_EN, GAS_EN, DINNER_EN, BACK_EN]
    links = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), ())]
    report = _check(_al(orig, "ru", trans, links), encoder)
    got = {(f.kind, f.original, f.translation) for f in report.flags}
    assert ("reorder", (4,), (2,)) in got
    assert ("omission", (2,), ()) in got


def test_two_moves_each_name_their_own_rendering(encoder: Encoder) -> None:
    """Each reorder flag lists the translation sentences of its own move (each listed
    every moved translation sentence of the document)."""
    orig = [TALKS_RU, GAS_RU, BACK_RU, DINNER_RU]
    trans = [DINNER_EN, TALKS_EN, BACK_EN, GAS_EN]
    links = [((), (0,)), ((0,), (1,)), ((1,), ()), ((2,), (2,)), ((3,), ()), ((), (3,))]
    report = _check(_al(orig, "ru", trans, links), encoder)
    moved = [(f.original, f.translation) for f in report.flags if f.kind == "reorder"]
    assert moved == [((1,), (3,)), ((3,), (0,))]


def test_an_omitted_heading_between_paragraphs_is_minor(encoder: Encoder) -> None:
    """A subheading or a related article's title between paragraphs, dropped with the
    page, is a minor omission named as a heading (as major it made a faithful BelTA
    translation EDITED); the same words as a sentence are an omission of a sentence."""
    heading = "Путин: переговоры с Германией будут продолжены в Берлине"
    orig = [TALKS_RU, heading, GAS_RU, BACK_RU]
    trans = [TALKS_EN, GAS_EN, BACK_EN]
    links = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    report = _check(_al(orig, "ru", trans, links), encoder)
    (gone,) = [f for f in report.flags if f.kind == "omission"]
    assert (gone.severity, gone.original) == ("minor", (1,))
    assert gone.detail.startswith("Omitted: a heading of the original")
    body = "Путин заявил, что переговоры с Германией будут продолжены в Берлине."
    report = _check(_al([TALKS_RU, body, GAS_RU, BACK_RU], "ru", trans, links), encoder)
    (gone,) = [f for f in report.flags if f.kind == "omission"]
    assert gone.detail.startswith("Omitted: 1 sentence")


MACEDONIA_AR = [
    "وقال رئيس مقدونيا جورج إيفانوف، وهو أحد معارضي الاستفتاء حول تغيير الاسم، إنه سيرفض الاعتراف بالتصويت.",  # noqa: E501
    "وأظهرت النتائج الأولية أن نسبة المشاركة كانت أقل من المطلوب.",
]
MACEDONIA_EN = [
    "Macedonian President {} Ivanov, an opponent of the plebiscite on the name change, "
    "has said he will disregard the vote.",
    "Preliminary results showed that turnout was lower than required.",
]


def test_name_echo_separates_rendered_from_invented_names(encoder: Encoder) -> None:
    from align.check.name_evidence import name_echoes

    george, whitfield, ivanov = name_echoes(
        encoder, ["George", "Whitfield", "Ivanov"], MACEDONIA_AR[0]
    )
    assert george > 0.8 and ivanov > 0.5  # جورج, إيفانوف
    assert whitfield < 0.4


@pytest.mark.parametrize(("first", "flagged"), [("George", False), ("Whitfield", True)])
def test_substituted_first_name_is_flagged(first: str, flagged: bool, encoder: Encoder) -> None:
    trans = [MACEDONIA_EN[0].format(first), MACEDONIA_EN[1]]
    al = Alignment(
        document_from_lines(MACEDONIA_AR, "ar"),
        document_from_lines(trans, "en"),
        (Link((0,), (0,), 0.9), Link((1,), (1,), 0.9)),
        Signature("test", "usem3"),
    )
    names = [
        f
        for f in check_alignment(al, FlagOptions(), encoder=encoder).flags
        if f.kind == "name_mismatch"
    ]
    assert bool(names) == flagged
    if flagged:
        assert names[0].evidence["translation"] == ["Whitfield"] and names[0].original == (0,)


def _minister(word: str) -> Alignment:
    """A two-sentence ru/en pair, linked 1-1, where ``word`` renders the minister's name."""
    orig = [
        "Министр внутренних дел США Райан Зинке заявил, что Вашингтон может прибегнуть к "
        "помощи флота на Ближнем Востоке.",
        "Об этом сообщили в субботу.",
    ]
    trans = [
        f"US Interior Secretary Ryan {word} said Washington could resort to its navy in "
        "the Middle East.",
        "This was reported on Saturday.",
    ]
    return Alignment(
        document_from_lines(orig, "ru"),
        document_from_lines(trans, "en"),
        (Link((0,), (0,), 0.9), Link((1,), (1,), 0.9)),
        Signature("test", "usem3"),
    )


def _name_scores(word: str, penalty: float, encoder: Encoder) -> list[float]:
    """The ``name_mismatch`` scores of ``word`` put in for the original's minister's name."""
    al = _minister(word)
    opts = FlagOptions(name_score=-5, name_common_word_penalty=penalty)
    flags = check_alignment(al, opts, encoder=encoder).flags
    flag = next(f for f in flags if f.kind == "name_mismatch")
    return [
        s
        for n, s in zip(flag.evidence["translation"], flag.evidence["score"], strict=True)
        if n == word
    ]


def test_common_english_words_weigh_less_as_names(encoder: Encoder) -> None:
    """The commonness penalty: per decade of English word count above 100, rare words free."""

    def penalty(word: str) -> float:
        [plain] = _name_scores(word, 0.0, encoder)
        [penalised] = _name_scores(word, 1.0, encoder)
        return plain - penalised

    assert penalty("Scotland") > 0.5  # a common word, capitalised or not
    assert penalty("Scotland's") == pytest.approx(penalty("Scotland"), abs=2e-3)
    assert penalty("Okonkwo") == pytest.approx(0.0, abs=2e-3)  # rare
    assert penalty("Whitfield") == pytest.approx(0.0, abs=2e-3)


def test_clauses_cut_at_concessive_and_temporal_conjunctions() -> None:
    from align.text.shape import clauses

    ar = (
        "اختار المصوتون بأغلبية الاستقلال وعلى الرغم من انخفاض المشاركة من جانب المعارضين "
        "للاستقلال الذين قاطعوا التصويت على نطاق كبير."
    )
    assert len(clauses(ar)) == 3  # وعلى الرغم (despite), الذين (who)
    ru = "Голосование состоялось в воскресенье несмотря на призывы оппозиции его бойкотировать."
    assert clauses(ru)[-1].startswith("несмотря")
    assert clauses("He left early although the meeting went on for hours.")[-1].startswith(
        "although"
    )


def test_name_detail_lists_only_original_words_the_translation_does_not_render(
    encoder: Encoder,
) -> None:
    al = _minister("Whitfield")
    flag = next(
        f
        for f in check_alignment(al, FlagOptions(name_score=-5), encoder=encoder).flags
        if f.kind == "name_mismatch"
    )
    assert "Whitfield" in flag.detail and "Зинке" in flag.detail
    assert "Востоке" not in flag.detail  # rendered as "East"
    assert "Востоке" in flag.evidence["original"]  # the evidence keeps every unmatched word


def _partly_omitted(otext: str, ttext: str, encoder: Encoder, kind: str = "body") -> bool:
    """Is a one-link pair flagged ``partial_omission`` with every bar but the terse test
    open (any length ratio is short, any clause gain or cosine drop is enough)? Then the
    flag shows whether the rendering counts as terse by convention."""
    trans = document_from_lines([ttext], "en")
    trans = dataclasses.replace(
        trans, sentences=tuple(dataclasses.replace(x, kind=kind) for x in trans.sentences)
    )
    al = Alignment(
        document_from_lines([otext], "ru"),
        trans,
        (Link((0,), (0,), 0.9),),
        Signature("test", "usem3"),
    )
    opts = FlagOptions(
        partial_ratio=2.0, partial_strong_ratio=2.0, partial_gain=-1.0, partial_min_drop=-1.0
    )
    report = check_alignment(al, opts, encoder=encoder)
    return any(f.kind == "partial_omission" for f in report.flags)


def test_headlines_are_terse_by_convention_but_names_are_not_title_case(
    encoder: Encoder,
) -> None:
    ru = "Глава министерства обороны Украины Алексей Резников обвинил правительство ФРГ."
    title_case = "Indonesia Tsunami Toll Soars Above 800."
    no_stop = "Sarah Palin cites Track Palin's PTSD at Donald Trump rally"
    assert not _partly_omitted(ru, title_case, encoder)
    assert not _partly_omitted(ru, no_stop, encoder)
    # running text full of names is not a headline: its cut clauses are still looked for
    names = "Oleksii Reznikov, head of the Ministry of Defense of Ukraine."
    assert _partly_omitted(ru, names, encoder)
    # ... unless the reader saw a heading there: its kind is read before the text
    assert not _partly_omitted(ru, names, encoder, kind="heading")
    mayorga = (
        "Женщина, названная Кэтрин Майорга, заявила, что это произошло в номере отеля в "
        "Лас-Вегасе в 2009 году."
    )
    assert _partly_omitted(
        mayorga, "Named as Kathryn Mayorga, in a Las Vegas hotel room in 2009.", encoder
    )
    assert not _partly_omitted("Сотни людей погибли.", "Hundreds died.", encoder)  # nothing to cut


def test_an_added_subheading_is_an_info_addition_not_the_rendering_of_a_dropped_sentence(
    encoder: Encoder,
) -> None:
    """realdev barbin_interview_mfa: "# Greenland" between two answers, the question it
    replaced dropped. The search paired them (they share a name); the repairs unlink them,
    and neither the gap pairing nor the shortened-sentence repair pairs them again."""
    question = (
        "Ранее вы говорили, что Германия стремится к новым поставкам газа и не хочет "
        "зависеть ни от одного поставщика в Европе."
    )
    orig = [TALKS_RU, question, GAS_RU, BACK_RU]
    trans = [TALKS_EN, "# Gas", GAS_EN, BACK_EN]
    report = _check(_al(orig, "ru", trans, [((i,), (i,)) for i in range(4)]), encoder)
    got = {(f.kind, f.severity, f.original, f.translation) for f in report.flags}
    assert ("omission", "major", (1,), ()) in got
    assert ("addition", "info", (), (1,)) in got
    added = next(f for f in report.flags if f.kind == "addition")
    assert added.detail.startswith("Added heading not in the original")
    # a short sentence with its full stop is still a shortened sentence, not a heading
    from align.sentalign.structure import added_subheading

    assert added_subheading(question, "# Gas") and not added_subheading(question, "No.")
    assert not added_subheading("Как добиться улучшения отношений", "How to improve relations")


def test_a_quoted_passage_in_a_detail_is_cut_at_a_word_and_keeps_its_own_quotes() -> None:
    from align.check.gaps import quote

    text = '"Real premises for an agreement have been created," the minister told journalists.'
    assert quote(text, 40) == '\u201c"Real premises for an agreement have\u2026\u201d'
    assert quote("Short.") == "\u201cShort.\u201d"


def test_a_summary_counts_one_major_change_in_the_singular(encoder: Encoder) -> None:
    orig = [
        TALKS_RU,
        GAS_RU,
        "Встреча продлилась три часа и завершилась подписанием соглашения о сотрудничестве "
        "в энергетике.",
        BACK_RU,
    ]
    trans = [TALKS_EN, GAS_EN, BACK_EN]
    report = _check(
        _al(orig, "ru", trans, [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]), encoder
    )
    assert report.summary is not None and report.summary.reason.endswith(", 1 major change")


def test_a_republishers_short_line_is_boilerplate_not_a_heading(encoder: Encoder) -> None:
    """ "Read more" is short without a final stop, like a subheading, but a republisher's
    line: its message says boilerplate; "# Gas" is a heading."""
    trans = [TALKS_EN, "# Gas", GAS_EN, BACK_EN, "Read more"]
    links = [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), (3,)), ((), (4,))]
    report = _check(_al([TALKS_RU, GAS_RU, BACK_RU], "ru", trans, links), encoder)
    added = {f.translation: f.detail for f in report.flags if f.kind == "addition"}
    assert added[(4,)].startswith("Added boilerplate not in the original")
    assert added[(1,)].startswith("Added heading not in the original")


class _NoE5:
    """Stands in for e5-small: ``check`` must never ask accuracy mode's second encoder."""

    name = "e5small"

    def encode(self, texts: Sequence[str]) -> Any:
        raise AssertionError("check encoded with e5")


@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_check_reads_usem_behind_accuracy_mode(lang: str, encoder: Encoder) -> None:
    # ``check --accurate`` hands the flags an AccurateEncoder; read through it the token
    # rows were missing and the word rules encoded words as strings, so the same links
    # gave other flags (a faithful control got a major "words added")
    from align.embed.e5 import AccurateEncoder
    from align.embed.tokens import side_tokens

    accurate = AccurateEncoder(encoder, _NoE5())
    assert side_tokens(accurate, ["Police detained two men."]) is not None
    default = check_alignment(alignment(lang), FlagOptions(), encoder=encoder)
    mode = check_alignment(alignment(lang), FlagOptions(), encoder=cast(Encoder, accurate))
    assert mode.flags == default.flags and mode.summary == default.summary
