"""Regenerate the bad-input corpus of ``tests/test_bad_inputs.py`` (deterministic).

Run from anywhere: ``python tests/data/bad/make_bad.py``. Every file is written from
the constants below, so the corpus is reproducible byte for byte. The 50 MB text is
NOT here: the tests write it into ``tmp_path`` at run time (it must never be committed).

Texts are short on purpose: each case is run through every command, some of them
with the sentence encoder, and the whole module must stay fast.
"""

from __future__ import annotations

import gzip
import random
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

AR = (
    "الحكومة تعلن خطة لبناء المدارس\n\n"
    "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لبناء المدارس في المناطق الريفية. "
    "وقال وزير التعليم إن المشروع سيكلف نحو 200 مليون دولار.\n\n"
    "وأضاف أن العمل سيبدأ في شهر أيار المقبل. "
    "ومن المتوقع أن يستفيد من الخطة أكثر من خمسين ألف طالب.\n"
)
EN = (
    "Government announces plan to build schools\n\n"
    "The government announced on Tuesday a new plan to build schools in rural areas. "
    "The education minister said the project would cost about 200 million dollars.\n\n"
    "He added that work would begin next May. "
    "More than fifty thousand students are expected to benefit from the plan.\n"
)
RU = (
    "Правительство объявило о плане строительства школ\n\n"
    "Во вторник правительство объявило о новом плане строительства школ в сельских районах. "
    "Министр образования заявил, что проект обойдется примерно в 200 миллионов долларов.\n\n"
    "Он добавил, что работы начнутся в мае следующего года. "
    "Ожидается, что от плана выиграют более пятидесяти тысяч учеников.\n"
)
# Not a translation of the others: same language as EN, different story.
EN_UNRELATED = (
    "Local team wins again\n\n"
    "The local football team won its third match in a row on Saturday evening. "
    "Fans filled the stadium despite the heavy rain.\n\n"
    "The coach praised the young goalkeeper after the game. "
    "The next match will be played in two weeks.\n"
)
# A second English article, for "both sides in the same language".
EN_OTHER = (
    "Bridge reopens after repairs\n\n"
    "The old bridge over the river reopened to traffic on Friday after two years of repairs. "
    "Engineers replaced most of the steel beams.\n"
)

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "been",
    "one",
    "all",
    "we",
    "their",
    "has",
    "would",
    "when",
    "if",
    "so",
    "no",
    "will",
    "more",
    "about",
    "out",
    "up",
    "them",
    "some",
    "could",
    "what",
    "into",
    "than",
    "then",
    "other",
    "time",
    "only",
    "new",
]


def tiny_pdf() -> bytes:
    """A minimal but well-formed one-page PDF (header, catalog, pages, xref, trailer)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def long_line() -> str:
    """One 20,000-character line of words with no punctuation at all."""
    rng = random.Random(7)
    words: list[str] = []
    size = 0
    while size < 20_000:
        w = rng.choice(WORDS)
        words.append(w)
        size += len(w) + 1
    return " ".join(words)[:20_000].rstrip() + "\n"


SCRIPTS_HTML = """<!DOCTYPE html>
<html><head><title>Portal</title>
<script>var x = "<p>This paragraph lives in a script and must never be read as text.</p>";</script>
<style>p { color: red }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<iframe src="https://ads.example.com/frame"></iframe>
<script src="https://cdn.example.com/app.js"></script>
<div class="share"><a href="#">Share</a></div>
<footer>Copyright 2024</footer>
</body></html>
"""

TRUNCATED_HTML = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
    "<title>Schools plan | Example News</title></head><body><article>"
    "<h1>Government announces plan to build schools</h1>"
    "<p>The government announced on Tuesday a new plan to build schools in rural areas.</p>"
    "<p>The education minister said the project would cost about 200 million dollars.</p>"
    "<p>He added that work would begin next May. More than fifty thousand students are exp"
)

BIDI = (
    "Officials \u202edesrever\u202c confirmed the\u200b plan on Tuesday. "
    "The zero\u200dwidth joiner and \u2066isolate\u2069 marks stay in the text.\n\n"
    "\u200fThe minister\u200e said the cost would be 200\u200b000 dollars. Work begins in May.\n"
)
AR_RLM_NUMBERS = (
    "قال الوزير إن التكلفة بلغت 3\u200f.5 مليار دولار في عام 2\u200f0\u200f2\u200f4. "
    "وأضاف أن العدد ارتفع إلى ١\u200f٢\u200f٣ ألف شخص، أي بنسبة 1\u200e5 في المئة.\n"
)


def files() -> dict[str, bytes]:
    """Every file of the corpus, name -> bytes."""
    ru_plain = RU.replace("«", '"').replace("»", '"')
    return {
        "ar.txt": AR.encode("utf-8"),
        "en.txt": EN.encode("utf-8"),
        "ru.txt": RU.encode("utf-8"),
        "en_unrelated.txt": EN_UNRELATED.encode("utf-8"),
        "en_other.txt": EN_OTHER.encode("utf-8"),
        "empty.txt": b"",
        "whitespace.txt": b" \t\n\n   \r\n\u00a0".replace(b"\u00a0", b"  ") + b"\n",
        "fake.pdf": tiny_pdf(),
        "image.png": tiny_png(),
        "text.txt.gz": gzip.compress(EN.encode("utf-8"), mtime=0),
        "ar.cp1256.txt": AR.encode("cp1256"),
        "ru.cp1251.txt": ru_plain.encode("cp1251"),
        "ru.koi8r.txt": ru_plain.encode("koi8_r"),
        "en.utf16.txt": EN.encode("utf-16"),  # little-endian with BOM
        "ar.utf16be.txt": b"\xfe\xff" + AR.encode("utf-16-be"),
        "ru.utf16le-nobom.txt": RU.encode("utf-16-le"),  # no BOM at all
        # first paragraph UTF-8, second windows-1251: two editors, one file
        "ru.mixed.txt": RU.split("\n\n", 2)[1].encode("utf-8")
        + b"\n\n"
        + RU.split("\n\n", 2)[2].encode("cp1251"),
        "long_line.txt": long_line().encode("utf-8"),
        "numbers.txt": b"12 345 678\n3.14159 2.71828\n2019-11-05 10:30\n+7 (495) 123-45-67\n",
        "urls.txt": b"https://example.com/news/2024/05/schools\nwww.example.org/a?b=c&d=e\n"
        b"http://news.example.net/ar/%D8%A7%D9%84\nmailto:editor@example.com\n",
        "bidi.txt": BIDI.encode("utf-8"),
        "ar_rlm_numbers.txt": AR_RLM_NUMBERS.encode("utf-8"),
        "scripts.html": SCRIPTS_HTML.encode("utf-8"),
        "truncated.html": TRUNCATED_HTML.encode("utf-8"),
        "not_links.txt": b"this is not a ladder file\n",
        "bad_report.json": b'{"signature": {"tool": "provalign"}, "links": [',
        "report_array.json": b"[1, 2, 3]\n",
    }


def main() -> None:
    for name, data in files().items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
