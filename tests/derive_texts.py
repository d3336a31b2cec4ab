"""Shared texts of the derive tests: an English article A, a copy-edit of it, and an
independent translation of the same (imagined) original."""

from __future__ import annotations

A = [
    "The government announced on Tuesday that it would raise taxes on fuel by ten percent.",
    "Officials said the money would go to road repairs in the northern provinces.",
    "The opposition criticised the plan and called for a vote in parliament.",
    "Prices at the pump have already risen twice this year, according to the ministry.",
]
EDITED = [
    "The government said on Tuesday that it would raise fuel taxes by ten percent.",
    "The opposition criticised the plan and called for a vote in parliament.",
    "Prices at the pump have already risen twice this year, the ministry said.",
]
OTHER_TRANSLATOR = [
    "On Tuesday, ministers revealed plans to lift fuel duty by a tenth.",
    "According to officials, the revenue is earmarked for fixing roads in the north.",
    "Opposition parties attacked the proposal and demanded a parliamentary vote.",
    "The ministry says petrol has become more expensive twice since January.",
]
