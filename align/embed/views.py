"""Embeddings of parts of one side of a link, from its token rows: the word-level views.

USE v3 sums per-token rows before its output head (``align.embed.tokens``), so the side
whole, each span alone and the side without each span are the head over sums of the
same rows: one pass through the head however many views a rule asks for, where
encoding each variant as text would cost a model pass per string. The cut search of
the word-level checks (``align.check.word_cuts``) compares these views; encoders
without token rows get the variants encoded as text (slower, same meaning).
Kept apart from the word matching (``align.sentalign.words``): these read token rows
only, never the correspondence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import numpy as np

from align.embed.tokens import SideTokens, head

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder, FloatArray


def without(
    encoder: Encoder, tokens: SideTokens | None, text: str, cuts: list[tuple[int, int]]
) -> FloatArray:
    """Embeddings of ``text`` with each character range of ``cuts`` taken out."""
    return _cut_views(encoder, tokens, text, cuts, inside=False)


def whole(encoder: Encoder, tokens: SideTokens | None, text: str) -> FloatArray:
    """Embedding of the whole side (from its token rows when there are any)."""
    if tokens is None or not tokens.spans:
        return cast("FloatArray", encoder.encode([text])[0])
    total, length = tokens.sums(np.ones((1, len(tokens.spans)), dtype=np.float32))
    return cast("FloatArray", head(encoder, total, length)[0])


def only(
    encoder: Encoder, tokens: SideTokens | None, text: str, cuts: list[tuple[int, int]]
) -> FloatArray:
    """Embeddings of each character range of ``cuts`` alone (its tokens in context)."""
    return _cut_views(encoder, tokens, text, cuts, inside=True)


def _cut_views(
    encoder: Encoder,
    tokens: SideTokens | None,
    text: str,
    cuts: list[tuple[int, int]],
    inside: bool,
) -> FloatArray:
    """``only`` (``inside``) or ``without``: from the token rows, else the strings encoded."""
    if not cuts:
        return np.zeros((0, 512), dtype=np.float32)
    if tokens is None or not tokens.spans:
        pieces = [text[a:b] if inside else (text[:a] + text[b:]).strip() or text for a, b in cuts]
        return encoder.encode(pieces)
    return _pooled(encoder, tokens, cuts, inside=inside)


def views(
    encoder: Encoder,
    tokens: SideTokens | None,
    text: str,
    alone: list[tuple[int, int]],
    out: list[tuple[int, int]],
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """``whole``, ``only(alone)`` and ``without(out)`` of one side in one pass through
    the model's head (a call has a fixed cost that dwarfs a row's)."""
    if tokens is None or not tokens.spans:
        return (
            whole(encoder, tokens, text),
            only(encoder, tokens, text, alone),
            without(encoder, tokens, text, out),
        )
    v = head(encoder, *view_sums(tokens, alone, out))
    return split_views(v, len(alone))


def view_sums(
    tokens: SideTokens, alone: list[tuple[int, int]], out: list[tuple[int, int]]
) -> tuple[FloatArray, FloatArray]:
    """The pooled sums behind ``views`` (whole, each of ``alone``, all but each of
    ``out``), before the head: callers with many links stack them into one head call
    (``heads``); rows are independent, only the last bits of a row may differ with the
    batch it is computed in."""
    starts = np.array([a for a, _ in tokens.spans])
    ends = np.array([b for _, b in tokens.spans])
    masks = np.zeros((1 + len(alone) + len(out), len(starts)), dtype=np.float32)
    masks[0] = 1.0
    for k, (a, b) in enumerate(alone):
        masks[1 + k, (starts < b) & (ends > a)] = 1.0
    for k, (a, b) in enumerate(out):
        masks[1 + len(alone) + k] = 1.0
        masks[1 + len(alone) + k, (starts < b) & (ends > a)] = 0.0
    return tokens.sums(masks)


def split_views(v: FloatArray, n_alone: int) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Head output rows of ``view_sums`` as (whole, alone rows, without rows)."""
    return v[0], v[1 : 1 + n_alone], v[1 + n_alone :]


def heads(encoder: Encoder, sums: list[tuple[FloatArray, FloatArray]]) -> list[FloatArray]:
    """The head over many ``view_sums`` in one call, split back per entry."""
    if not sums:
        return []
    v = head(encoder, np.concatenate([t for t, _ in sums]), np.concatenate([n for _, n in sums]))
    bounds = np.cumsum([0] + [len(t) for t, _ in sums])
    return [v[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _pooled(
    encoder: Encoder, tokens: SideTokens, cuts: list[tuple[int, int]], inside: bool
) -> FloatArray:
    """One embedding per cut from the side's token rows: the tokens inside the cut
    (``inside``) or all the others, pooled through the model's head."""
    starts = np.array([a for a, _ in tokens.spans])
    ends = np.array([b for _, b in tokens.spans])
    masks = np.full((len(cuts), len(starts)), 0.0 if inside else 1.0, dtype=np.float32)
    for k, (a, b) in enumerate(cuts):
        masks[k, (starts < b) & (ends > a)] = 1.0 if inside else 0.0
    total, length = tokens.sums(masks)
    return head(encoder, total, length)
