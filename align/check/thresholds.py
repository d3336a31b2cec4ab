"""``check``'s thresholds from three places, last wins: a preset, the ``[check]`` table of a
provalign.toml, and overrides given one by one (``provalign check --name VALUE``).

A threshold is a numeric field of ``RepairOptions`` (the aligner's link repairs, which
``check`` runs) or of ``FlagOptions`` (the flags); its default and its help are the field's,
so the command-line options, ``--help-thresholds``, the config keys and the presets all come
from one list. A name both classes hold (the reorder thresholds) is one setting and goes to
both. Bad config files raise ``AlignError`` naming the file, so a typo in a key is an error,
never a silently ignored setting.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from align.check.context import FlagOptions
from align.check.presets import PRESETS
from align.errors import AlignError
from align.read.limits import CONFIG_BYTES, refuse_oversized
from align.sentalign.options import CHECK_OPTIONS, AlignOptions, RepairOptions
from align.types import UNBOUNDED, Range

DEFAULT_PRESET = "balanced"


def out_of_range(name: str, value: float) -> str | None:
    """Why ``value`` is no value of threshold ``name`` ("must be between 0 and 1"), or None."""
    if value != value or value in (float("inf"), float("-inf")):
        return "must be a finite number"
    lo, hi = RANGES.get(name, UNBOUNDED)
    if lo is not None and hi is not None and not lo <= value <= hi:
        return f"must be between {lo:g} and {hi:g}"
    if lo is not None and value < lo:
        return f"must be at least {lo:g}"
    if hi is not None and value > hi:
        return f"must be at most {hi:g}"
    return None


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def threshold_fields() -> dict[str, dataclasses.Field[Any]]:
    """Every threshold by name: the numeric fields of ``RepairOptions`` then ``FlagOptions``
    (a name both hold appears once, with the repairs' field)."""
    out: dict[str, dataclasses.Field[Any]] = {}
    for cls in (RepairOptions, FlagOptions):
        for f in dataclasses.fields(cls):
            if _is_number(f.default):
                out.setdefault(f.name, f)
    return out


# Each threshold's range, read off its field (``setting(..., within=...)``): so that
# ``--relink-sim 5`` or a negative word count in a config file is refused instead of
# silently switching a rule off. A threshold written without one is missing here, which
# fails ``tests/check/test_thresholds.py``.
RANGES: dict[str, Range] = {
    name: f.metadata["range"] for name, f in threshold_fields().items() if "range" in f.metadata
}


def read_config(path: Path) -> dict[str, Any]:
    """The ``[check]`` table of a provalign.toml (an empty one when the file has none).

    Raises:
        AlignError: naming ``path``: unreadable, not TOML, or ``check`` is not a table.
    """
    try:
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    refuse_oversized(path, CONFIG_BYTES, "a config file")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AlignError(f"cannot read config: {exc.strerror or exc}", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise AlignError(f"not valid TOML: {exc}", path=str(path)) from None
    table = data.get("check", {})
    if not isinstance(table, dict):
        raise AlignError("[check] must be a table", path=str(path))
    return dict(table)


def resolve_thresholds(
    preset: str | None = None,
    config: Path | None = None,
    given: Mapping[str, float | None] | None = None,
) -> dict[str, float]:
    """The thresholds that differ from the defaults: ``preset`` (else the config's
    ``preset =``, else balanced), then the config's keys (``low-sim-floor`` or
    ``low_sim_floor``), then ``given`` (None values are not given).

    Raises:
        AlignError: naming the config file: an unknown preset or threshold, or a value that
            is not a number or out of its range (``RANGES``); a value of ``given`` out of
            its range (no path: the command line's parser refuses those first).
    """
    names = threshold_fields()
    table: dict[str, Any] = {}
    if config is not None:
        table = read_config(config)
        in_file = table.pop("preset", None)
        preset = preset or in_file  # the command line's preset wins
    if preset is not None and preset not in PRESETS:
        raise AlignError(f"unknown preset {preset!r} (use {', '.join(PRESETS)})", path=str(config))
    merged: dict[str, float] = dict(PRESETS.get(preset or DEFAULT_PRESET, {}))
    for key, value in table.items():
        name = key.replace("-", "_")
        field = names.get(name)
        default: Any = field.default if field is not None else None
        if not _is_number(default):
            raise AlignError(f"unknown threshold {key!r} in [check]", path=str(config))
        if not _is_number(value):
            raise AlignError(f"threshold {key!r} must be a number", path=str(config))
        why = out_of_range(name, float(value))
        if why:
            raise AlignError(f"threshold {key!r} {why} (got {value})", path=str(config))
        merged[name] = type(default)(value)
    for name, value in (given or {}).items():
        if value is None:
            continue
        why = out_of_range(name, float(value))
        if why:
            raise AlignError(f"threshold {name.replace('_', '-')} {why} (got {value})")
        merged[name] = value
    return merged


def check_settings(thresholds: Mapping[str, float]) -> tuple[AlignOptions, FlagOptions]:
    """The aligner's and the flags' options for ``thresholds``: ``CHECK_OPTIONS`` with its
    repairs overridden, and ``FlagOptions``; a name both classes hold goes to both.

    Raises:
        TypeError: a name that is no field of either class (``resolve_thresholds`` refuses
            those in config files).
    """
    assert CHECK_OPTIONS.repair is not None
    split: list[dict[str, Any]] = [
        {k: v for k, v in thresholds.items() if k in {f.name for f in dataclasses.fields(cls)}}
        for cls in (RepairOptions, FlagOptions)
    ]
    unknown = set(thresholds) - set(split[0]) - set(split[1])
    if unknown:
        raise TypeError(f"unknown thresholds: {', '.join(sorted(unknown))}")
    repair = dataclasses.replace(CHECK_OPTIONS.repair, **split[0])
    return dataclasses.replace(CHECK_OPTIONS, repair=repair), FlagOptions(**split[1])


def describe_thresholds() -> str:
    """Every threshold with its kind, default and help, then the presets: the text of
    ``provalign check --help-thresholds``, written from the fields so it cannot drift from
    them. Names are spelt as options and config keys (``--low-sim-floor``)."""
    lines = ["Thresholds of provalign check (as --name VALUE or in provalign.toml [check]):", ""]
    for f in threshold_fields().values():
        kind = "INTEGER" if isinstance(f.default, int) else "FLOAT"
        lo, hi = RANGES.get(f.name, UNBOUNDED)
        span = (
            f"; {lo:g} to {hi:g}"
            if lo is not None and hi is not None
            else f"; at least {lo:g}"
            if lo is not None
            else ""
        )
        lines.append(f"  --{f.name.replace('_', '-')} {kind}  [default: {f.default}{span}]")
        lines.append(f"      {f.metadata['help']}")
    lines.append("")
    presets = "; ".join(f"{k} {v or 'defaults'}" for k, v in PRESETS.items())
    lines.append(f"Presets (--preset): {presets}")
    return "\n".join(lines)
