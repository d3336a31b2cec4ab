"""Stage 3, sentence alignment: the band-limited DP search, its gain (cosine, length,
number and name anchors), the Vecalign link format and link scoring.
"""
