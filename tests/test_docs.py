"""Every command has help, and the README names every command (as sqlite-utils checks)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        out.append((full, cmd))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, f"{full} ")
    return out


COMMANDS = _commands(cli.cli)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help(name: str, command: click.Command) -> None:
    assert (command.help or "").strip(), f"`provalign {name}` has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"`provalign {name}` option {param.opts[0]} has no help"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_readme_mentions_every_command(name: str, command: click.Command) -> None:
    assert f"provalign {name}" in README, f"README.md never mentions `provalign {name}`"


def test_readme_library_example_runs(encoder: object, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's Python example, run on a demo pair instead of its placeholder names."""
    import re

    block = re.search(r"```python\n(.*?)```", README, re.S)
    assert block is not None, "README.md has no Python example"
    demo = Path(__file__).resolve().parents[1] / "corpora" / "demo"
    code = block.group(1).replace('"original.txt"', repr(str(demo / "ar-nytimes-184804.ar.txt")))
    code = code.replace('"translation.html"', repr(str(demo / "ar-nytimes-184804.en.txt")))
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README
    assert "# Translation check" in capsys.readouterr().out
