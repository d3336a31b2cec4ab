"""Stage 4, check: editorial-change flags (omissions, additions, numbers, names, cut
clauses) read off an alignment, with their options and context.
"""
