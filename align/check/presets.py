"""Named threshold sets for ``provalign check --preset`` (and ``preset =`` in provalign.toml).

``balanced`` is the tuned default (``FlagOptions()``). ``strict`` flags more (a lower bar
for low similarity and partial omissions: for editors who would rather dismiss a false
lead than miss a cut); ``lenient`` flags less (for loose rewrites such as summaries).
Only the thresholds that move recall most are shifted; everything else stays default.
"""

from __future__ import annotations

PRESETS: dict[str, dict[str, float]] = {
    "balanced": {},
    "strict": {"low_sim_spread": 2.5, "low_sim_floor": 0.25, "partial_gain": 0.015},
    "lenient": {"low_sim_spread": 3.5, "low_sim_floor": 0.15, "partial_gain": 0.03},
}
