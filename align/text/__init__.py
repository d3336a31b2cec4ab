"""Stage 0, shared by all: the shape of words and lines (normalisation, headline and
sentence-end tests, numbers and number words, name skeletons, the sentencepiece lexicon).
"""
