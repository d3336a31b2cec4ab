"""Our HTML extractor against trafilatura on trafilatura's own evaluation pages.

trafilatura's repository ships ~1,000 real pages (tests/eval, tests/cache) and, per page,
snippets the main text must contain ("with") and boilerplate it must not ("without")
(tests/evaldata.json). We score both extractors the way its evaluation does: a "with"
snippet found is a true positive, missed a false negative; a "without" snippet found is a
false positive, absent a true negative. Pages stay outside this repository.

Usage: python bench/html_extract.py --repo PATH_TO_TRAFILATURA_CHECKOUT [--limit N]
(trafilatura is optional: without it only our figures are printed). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from align.errors import AlignError  # noqa: E402
from align.read.reader import ReadOptions, article_from_bytes  # noqa: E402


def ours(data: bytes) -> str:
    try:
        article = article_from_bytes(data, "<page>", ReadOptions(max_chars=10**7), is_html=True)
    except AlignError:
        return ""
    return article.text


def score(found: list[bool], absent: list[bool]) -> dict[str, float]:
    tp, fn = sum(found), len(found) - sum(found)
    tn, fp = sum(absent), len(absent) - sum(absent)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn)
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "accuracy": round(accuracy, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--ours-only", action="store_true", help="skip trafilatura")
    args = ap.parse_args()
    gold = json.loads((args.repo / "tests" / "evaldata.json").read_text(encoding="utf-8"))
    extractors: dict[str, Any] = {"provalign": ours}
    try:
        if args.ours_only:
            raise ImportError
        import trafilatura

        extractors["trafilatura"] = lambda data: trafilatura.extract(data) or ""
    except ImportError:
        pass
    found: dict[str, list[bool]] = {k: [] for k in extractors}
    absent: dict[str, list[bool]] = {k: [] for k in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    pages = 0
    for entry in list(gold.values())[: args.limit]:
        path = next(
            (
                args.repo / "tests" / d / entry["file"]
                for d in ("eval", "cache")
                if (args.repo / "tests" / d / entry["file"]).exists()
            ),
            None,
        )
        if path is None:
            continue
        data = path.read_bytes()
        pages += 1
        for name, extract in extractors.items():
            start = time.perf_counter()
            text = " ".join(extract(data).split())
            seconds[name] += time.perf_counter() - start
            found[name] += [" ".join(s.split()) in text for s in entry["with"]]
            absent[name] += [" ".join(s.split()) not in text for s in entry["without"]]
    print(
        json.dumps(
            {
                "pages": pages,
                "results": {
                    k: {**score(found[k], absent[k]), "seconds": round(seconds[k], 1)}
                    for k in extractors
                },
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
