"""The hostile-input probe of issue 18 as generated files (tests and bench/fuzz.py share them).

Each probe is a file name and its bytes; ``expect`` is a substring the ``split`` output must
contain (the text that used to vanish) and ``absent`` one it must not (text that used to leak).
Built at run time so the repository holds no large or binary fixtures.
"""

from __future__ import annotations

from dataclasses import dataclass

_LEAD = "The minister said on Monday that the government would spend one billion dollars."
_BODY = [
    "The plan covers every province and will start next year, officials added.",
    "Critics said the money was not enough to repair the buildings already in use.",
    "The opposition called for a parliamentary inquiry into the budget.",
]
_RU = (
    "Министр заявил в понедельник, что правительство потратит миллиард рублей на школы. "
    "Критики сказали, что этих денег не хватит на ремонт зданий. "
)


@dataclass(frozen=True)
class Probe:
    """One hostile input: file name, bytes, text that must appear and text that must not."""

    name: str
    filename: str
    data: bytes
    expect: str = ""
    absent: str = ""


def _page(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def probes() -> list[Probe]:
    """Every reader-level probe of issue 18."""
    unclosed = "".join(f"Sentence number {i} is here <b>and it goes on. " for i in range(300))
    return [
        Probe(
            "html_300_unclosed_inline",
            "unclosed.html",
            _page(f"<article><h1>Title</h1><p>{unclosed}</p><p>{_BODY[1]}</p></article>"),
            expect=_BODY[1],
        ),
        Probe(
            "html_div_br_body_beside_caption",
            "div_br.html",
            _page(
                '<div class="content"><h2>Minister announces school plan</h2>'
                + "<br>\n".join([_LEAD, *_BODY])
                + "<br><p>Photo: the minister at a press conference.</p></div>"
            ),
            expect=_BODY[2],
        ),
        Probe(
            "html_hidden_text",
            "hidden.html",
            _page(
                f"<article><h1>Plan</h1><p>{_LEAD}</p>"
                '<p style="display:none">HIDDEN-A paragraph the publisher cut from view.</p>'
                "<p hidden>HIDDEN-B paragraph with enough words to be a paragraph.</p>"
                '<p aria-hidden="true">HIDDEN-C paragraph with enough words in it.</p>'
                '<p style="font-size:0">HIDDEN-D paragraph with enough words in it.</p>'
                '<p style="visibility: hidden">HIDDEN-E paragraph with enough words.</p>'
                f"<p>{_BODY[0]}</p></article>"
            ),
            expect=_BODY[0],
            absent="HIDDEN",
        ),
        Probe(
            "html_br_br_paragraphs",
            "brbr.html",
            _page(f"<article><div>Minister announces school plan<br><br>{_LEAD}</div></article>"),
            expect="Minister announces school plan\n",
        ),
        Probe(
            "html_windows_1252",
            "cp1252.html",
            _page(
                "<article><p>Le ministre a déclaré lundi que le gouvernement dépensera un "
                "milliard d’euros pour les écoles.</p><p>Les critiques ont répondu que "
                "l’argent ne suffira pas à rénover les bâtiments déjà utilisés.</p></article>",
                '<meta charset="windows-1252">',
            )
            .decode()
            .encode("cp1252"),
            expect="déclaré",
        ),
        Probe(
            "utf8_stray_byte",
            "ru_stray.txt",
            (_RU * 3).encode() + b"\xff" + (" " + _RU * 3).encode(),
            expect="Министр заявил",
            absent="п÷",
        ),
        Probe(
            "html_byline_in_metadata_not_body",
            "byline.html",
            _page(
                f'<article><h1>Plan</h1><p class="byline">By John Smith</p><p>{_LEAD}</p>'
                f"<p>{_BODY[0]}</p></article>",
                '<meta name="author" content="John Smith">',
            ),
            expect=_BODY[0],
            absent="John Smith",
        ),
        Probe(
            "arabic_headline_with_abbreviation_stop",
            "ar_headline.txt",
            (
                "الولايات المتحدة الأمريكية. أثقلت معاقبة السلفادور على دعمها للصين، ثم تراجعت\n\n"
                "لاحظ الدبلوماسيون أن جمهورية الدومينيكان وبنما قد تعترفا بالفعل ببكين. "
                "عقد الرئيس اجتماعًا دافئًا مع رئيس بنما في يونيو 2017.\n"
            ).encode(),
            expect="الولايات المتحدة الأمريكية. أثقلت",
        ),
        Probe(
            "terminal_escapes",
            "escapes.txt",
            (f"{_LEAD} \x1b[1A\x1b[2K Erased line. {_BODY[0]}\x9b2J {_BODY[1]}\n").encode(),
            absent="\x9b",  # the one-byte CSI; ESC itself is tested by check
        ),
    ]
