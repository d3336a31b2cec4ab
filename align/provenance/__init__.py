"""Stage 5, provenance: an index of originals, document vectors, candidate retrieval and
sentence-evidence re-ranking (which original did this translation come from).
"""
