"""Word correspondence inside a linked pair: which words have a counterpart.

For every two-sided link, the words of the original that the translation renders and
the words of the translation that have a source, found with what is bundled:

* USE v3 embeddings of each word *in its sentence* (``align.embed.tokens``: the word's
  token rows through the output head; the n-gram convolutions have seen the word's
  neighbours, which lets "в" find "in" and a case form find its lemma's rendering),
  matched SimAlign-style: mutual argmax over the word-similarity matrix, then
  ``ITERATIONS`` more rounds among the words still unmatched (itermax);
* numbers by value (``align.text.numbers``), names by transliteration skeleton
  (``align.text.names``), both forced before the embedding rounds;
* one word may take a second partner when it is nearly as close to it as to its
  first (a compound rendered as two words, "36-летний" / "36-year-old");
* for ``check``'s cut search, the original's function words take the status of the word they
  belong to (``FUNCTION_WORDS``, ``heads``): their own embeddings say little.

Quality, on its own (``bench/flags.py`` ``word_alignment``): on synthetic pairs
where the inserted or dropped words are known, the share of those words left
unmatched (recall) and the share of unmatched words that were edited (precision).

Encoders other than USE v3 get the same matching over words encoded alone (slower).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy as np

from align.embed.tokens import SideTokens, side_tokens
from align.text import function_words
from align.text.names import skeleton, skeletons_match
from align.text.numbers import extract_numbers

if TYPE_CHECKING:  # pragma: no cover
    from align.embed.encoder import Encoder, FloatArray

WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.U)
ITERATIONS = 2
MIN_SIM = 0.3  # an embedding match below this cosine is no match (pre-head space)
SECOND_PARTNER = 0.05  # a second partner within this cosine of the first
# The word-level flags (``align.check.word_flags``) match with a diagonal prior and a lower
# floor: more faithful words find their partner (on the synthetic word edits, content words
# left unmatched that are edited: 0.40 -> 0.46 at recall 0.86 -> 0.82; the half-0
# out-of-fold dropped-clause recall of ``word_cuts`` 0.34 -> 0.51 at the same precision).
# The structure repairs keep the defaults above.
CHECK_MIN_SIM = 0.15
CHECK_DISTORTION = 0.3  # cosine taken off per unit of relative-position distance
# Function words (articles, prepositions, auxiliaries, pronouns, conjunctions) have no
# reliable partner of their own: English "the" has none in Russian or Arabic, and inside
# an added clause "to"/"of" find a spurious one. With ``heads=True`` each takes the status
# of its head, the next content word of its sentence (else the previous one): matched to
# the head's partner when the head is matched, unmatched when it is not. On the
# synthetic word edits (bench/flags.py word_alignment_check), gold words left unmatched
# 0.749 -> 0.908 with heads on both sides (unmatched words that are gold 0.467 -> 0.484),
# 0.824 (0.463) with heads on the original's side only, which ``check`` uses: on the
# translation side the refitted insertion model lost real added attributions.
FUNCTION_WORDS = function_words.EN | function_words.RU | function_words.AR
HEAD_REACH = 3  # words a function word looks past for its head
CHECK_HEADS = ("original",)  # sides whose function words take their head's status


@dataclass(frozen=True, slots=True)
class Word:
    """A word of one side of a link: offsets into the joined text and into its sentence."""

    text: str
    start: int  # in the side's joined text (sentences joined by one space)
    end: int
    sentence: int  # document index of its sentence
    local: int  # start inside that sentence's text


@dataclass(frozen=True)
class WordLinks:
    """The word correspondence of one link (see the module docstring)."""

    orig: tuple[Word, ...]
    trans: tuple[Word, ...]
    pairs: tuple[tuple[int, int], ...]
    sim: FloatArray  # (len(orig), len(trans)) cosines
    o_tokens: SideTokens | None
    t_tokens: SideTokens | None
    o_text: str
    t_text: str
    forced: tuple[tuple[int, int], ...] = ()  # number and name pairs (kept for ``rematch``)

    def matched(self, side: str) -> list[bool]:
        """Per word of ``side`` (original | translation): has it a counterpart?"""
        n = len(self.orig) if side == "original" else len(self.trans)
        out = [False] * n
        for i, j in self.pairs:
            out[i if side == "original" else j] = True
        return out


def side_words(texts: list[str], indices: tuple[int, ...]) -> tuple[list[Word], str]:
    """The words of consecutive sentences and their joined text."""
    out: list[Word] = []
    base = 0
    for idx, t in zip(indices, texts, strict=True):
        for m in WORD_RE.finditer(t):
            out.append(Word(m.group(0), base + m.start(), base + m.end(), idx, m.start()))
        base += len(t) + 1
    return out, " ".join(texts)


def _word_vectors(encoder: Encoder, words: list[Word], tokens: SideTokens | None) -> FloatArray:
    """Unit vectors per word: its tokens' rows summed *before* the output head, centred.

    The pooled projection is linear in the tokens, so a word's share of it is the sum of
    its rows; cosines there match words across languages nearly as well as the head's
    output (same mutual matches on spot checks) at no cost per word, where the head
    costs 0.1 ms a row. Centring removes what all words of the sentence share.
    """
    if not words:
        return np.zeros((0, 512), dtype=np.float32)
    if tokens is None or not tokens.spans:
        return encoder.encode([w.text for w in words])
    starts = np.array([a for a, _ in tokens.spans])
    ends = np.array([b for _, b in tokens.spans])
    w_start = np.array([w.start for w in words])
    w_end = np.array([w.end for w in words])
    hit = (starts[None, :] < w_end[:, None]) & (ends[None, :] > w_start[:, None])
    for k in np.flatnonzero(~hit.any(1)):  # a character the tokenizer dropped: nearest token
        hit[k, int(np.abs(starts - w_start[k]).argmin())] = True
    masks = hit.astype(np.float32)
    v = masks @ tokens.rows
    v /= np.sqrt(masks.sum(1))[:, None]
    return v.astype(np.float32)  # raw: ``align_words`` centres both sides together


def _namelike(w: str) -> bool:
    """Capitalised, or in a script without capitals (Arabic): may be a name."""
    return w[:1].isupper() or not w[:1].isascii() and w[:1].lower() == w[:1].upper()


def _value(w: str) -> float | None:
    facts = [f for f in extract_numbers(w, "en") if f.hard]
    return facts[0].value if len(facts) == 1 else None


def _distance(n: int, m: int) -> FloatArray:
    """|i/n - j/m| between word positions (centres), the diagonal prior's distance."""
    a = (np.arange(n) + 0.5) / n
    b = (np.arange(m) + 0.5) / m
    return cast("FloatArray", np.abs(a[:, None] - b[None, :]).astype(np.float32))


def align_words(
    encoder: Encoder,
    o_texts: list[str],
    o_idx: tuple[int, ...],
    t_texts: list[str],
    t_idx: tuple[int, ...],
    min_sim: float = MIN_SIM,
    distortion: float = 0.0,
    heads: tuple[str, ...] = (),
) -> WordLinks:
    """Word correspondence of one link (``o_texts``/``t_texts``: its sentences' texts).

    ``min_sim``: the lowest cosine of an embedding match; ``distortion``: a diagonal
    prior as in fast_align, taken off each cosine per unit of ``|i/n - j/m|`` (news
    translations keep the order of their clauses far more often than not), so that of
    two equally close words the one in the matching place wins; ``heads``: function
    words take their head's status (``FUNCTION_WORDS``)."""
    ow, otext = side_words(o_texts, o_idx)
    tw, ttext = side_words(t_texts, t_idx)
    ot = side_tokens(encoder, o_texts) if ow else None
    tt = side_tokens(encoder, t_texts) if tw else None
    if not ow or not tw:
        sim = np.zeros((len(ow), len(tw)), dtype=np.float32)
        return WordLinks(tuple(ow), tuple(tw), (), sim, ot, tt, otext, ttext)
    vo, vt = _word_vectors(encoder, ow, ot), _word_vectors(encoder, tw, tt)
    if ot is not None and tt is not None:
        # centre (what every word of the pair shares); not one word against one, which
        # centring leaves exactly opposite (cosine -1: "/ТАСС/." never matched "/TASS/.")
        if len(ow) + len(tw) > 2:
            mean = np.concatenate([vo, vt]).mean(0)
            vo, vt = vo - mean, vt - mean
        vo /= np.sqrt(np.maximum((vo * vo).sum(1), 1e-12))[:, None]
        vt /= np.sqrt(np.maximum((vt * vt).sum(1), 1e-12))[:, None]
    sim = vo @ vt.T
    forced = _forced(ow, tw)
    pairs = _match(ow, tw, sim, forced, min_sim, distortion, heads)
    return WordLinks(tuple(ow), tuple(tw), pairs, sim, ot, tt, otext, ttext, forced)


def rematch(
    wl: WordLinks, min_sim: float, distortion: float, heads: tuple[str, ...] = ()
) -> WordLinks:
    """The same link matched again with other settings, from its word similarities
    (no second pass over tokens and vectors): ``check``'s cut search reads a denser
    matching than the rules that read ``wl``."""
    if not wl.orig or not wl.trans:
        return wl
    pairs = _match(list(wl.orig), list(wl.trans), wl.sim, wl.forced, min_sim, distortion, heads)
    return dataclasses.replace(wl, pairs=pairs)


def shared_names(a: str, b: str) -> int:
    """How many words of ``b`` are a number or a name of ``a`` (``_forced``'s pairs):
    evidence that two sentences render each other which sentence embeddings barely see."""
    return len({j for _, j in _forced(list(_words_of(a)), list(_words_of(b)))})


@functools.lru_cache(maxsize=4096)
def _words_of(text: str) -> tuple[Word, ...]:
    """``side_words`` of one sentence, kept: ``shared_names`` reads a sentence against
    many others."""
    return tuple(side_words([text], (0,))[0])


def _forced(ow: list[Word], tw: list[Word]) -> tuple[tuple[int, int], ...]:
    """Pairs forced before the embedding rounds: equal numbers, matching name skeletons
    (capitalised or non-Latin words). They do not depend on the matching's settings, so
    ``rematch`` reuses them."""
    pairs: set[tuple[int, int]] = set()
    ov = {i: _value(w.text) for i, w in enumerate(ow) if any(c.isdigit() for c in w.text)}
    tv = {j: _value(w.text) for j, w in enumerate(tw) if any(c.isdigit() for c in w.text)}
    for i, x in ov.items():
        for j, y in tv.items():
            if x is not None and x == y:
                pairs.add((i, j))
    osk = {i: skeleton(w.text) for i, w in enumerate(ow) if len(w.text) > 3 and _namelike(w.text)}
    tsk = {j: skeleton(w.text) for j, w in enumerate(tw) if len(w.text) > 3 and _namelike(w.text)}
    for i, a in osk.items():
        for j, b in tsk.items():
            if len(a) >= 3 and skeletons_match(a, b):
                pairs.add((i, j))
    return tuple(sorted(pairs))


def _match(
    ow: list[Word],
    tw: list[Word],
    sim: FloatArray,
    forced: tuple[tuple[int, int], ...],
    min_sim: float,
    distortion: float,
    heads: tuple[str, ...] = (),
) -> tuple[tuple[int, int], ...]:
    """The word pairs: the forced numbers and names (``_forced``), itermax rounds, second
    partners (and, with ``heads``, function words given their head's partners)."""
    pairs = set(forced)
    s = sim - distortion * _distance(len(ow), len(tw)) if distortion else sim.copy()
    for i, j in pairs:
        s[i, :] = -1
        s[:, j] = -1
    for _ in range(1 + ITERATIONS):
        best_t = s.argmax(1)
        best_o = s.argmax(0)
        new = [(i, int(j)) for i, j in enumerate(best_t) if best_o[j] == i and s[i, j] >= min_sim]
        if not new:
            break
        for i, j in new:
            pairs.add((i, j))
        for i, j in new:
            s[i, :] = -1
            s[:, j] = -1
    # second partners: an unmatched word nearly as close to a matched word's partner
    o_done = {i for i, _ in pairs}
    t_done = {j for _, j in pairs}
    extra = []
    for j in range(len(tw)):
        if j in t_done:
            continue
        i = int(sim[:, j].argmax())
        if sim[i, j] >= min_sim + 0.2 and i in o_done:
            firsts = [sim[i, jj] for ii, jj in pairs if ii == i]
            if firsts and sim[i, j] >= max(firsts) - SECOND_PARTNER:
                extra.append((i, j))
    for i in range(len(ow)):
        if i in o_done:
            continue
        j = int(sim[i].argmax())
        if sim[i, j] >= min_sim + 0.2 and j in t_done:
            firsts = [sim[ii, j] for ii, jj in pairs if jj == j]
            if firsts and sim[i, j] >= max(firsts) - SECOND_PARTNER:
                extra.append((i, j))
    pairs.update(extra)
    if heads:
        pairs = _headed(ow, tw, pairs, heads)
    return tuple(sorted(pairs))


def _heads(words: list[Word] | tuple[Word, ...]) -> dict[int, int]:
    """Function word -> its head: the next content word of its sentence within
    ``HEAD_REACH`` words (English and Russian function words mostly precede the word
    they belong to), else the previous one."""
    fw = [w.text.lower() in FUNCTION_WORDS for w in words]
    out: dict[int, int] = {}
    for k, w in enumerate(words):
        if not fw[k]:
            continue
        reach = range(1, HEAD_REACH + 1)
        for h in [k + d for d in reach] + [k - d for d in reach]:
            if 0 <= h < len(words) and not fw[h] and words[h].sentence == w.sentence:
                out[k] = h
                break
    return out


def _headed(
    ow: list[Word], tw: list[Word], pairs: set[tuple[int, int]], sides: tuple[str, ...]
) -> set[tuple[int, int]]:
    """Each function word of ``sides`` with its head's status: the head's partners when
    the head is matched, none when it is not (see ``FUNCTION_WORDS``)."""
    out = set(pairs)
    for side, words in ((0, ow), (1, tw)):
        if ("original", "translation")[side] not in sides:
            continue
        partners: dict[int, list[int]] = {}
        for p in pairs:
            partners.setdefault(p[side], []).append(p[1 - side])
        for k, h in _heads(words).items():
            mine = [(k, b) if side == 0 else (b, k) for b in partners.get(k, [])]
            if h not in partners:
                out.difference_update(mine)
            elif not mine:
                out.update((k, b) if side == 0 else (b, k) for b in partners[h])
    return out
