"""The copy_edited-vs-independent model of ``derive``: written by ``bench/derive.py --fit
--write-model`` (dev split); do not edit by hand. ``COEF``: the intercept, then one weight per
feature (standardised by ``MEAN`` and ``SCALE``). ``RELATED`` and ``ORDER_MOVE``: the
relatedness rule (``DeriveOptions.related``, ``.order_move``)."""

RELATED = 0.625
ORDER_MOVE = 0.3
FEATURES = (
    "in_order",
    "in_runs",
    "edit_span",
    "length_ratio",
    "io_sd",
    "edit_top",
    "longest_run",
    "marked_kept",
    "chrf_mean",
    "chrf_low",
    "caps_kept",
    "digits_kept",
    "dropped_ops",
    "added_ops",
)
MEAN = (
    0.797137,
    0.752502,
    5.263223,
    0.989003,
    0.125945,
    0.525999,
    0.560324,
    0.870459,
    0.748115,
    0.151741,
    0.753967,
    0.815109,
    0.221026,
    0.110892,
)
SCALE = (
    0.147579,
    0.185757,
    4.254649,
    0.111365,
    0.07032,
    0.24505,
    0.221957,
    0.120959,
    0.144772,
    0.220202,
    0.257753,
    0.323196,
    0.189496,
    0.152201,
)
COEF = (
    4.5272,
    2.7021,
    2.2431,
    5.7434,
    2.1078,
    -0.8754,
    1.5432,
    0.5338,
    -0.4552,
    -3.032,
    -0.718,
    -0.8759,
    -0.6539,
    2.1716,
    -1.1305,
)
