"""Stage 1, read: bytes to an ``Article`` (encodings, HTML), language identification,
sentence segmentation, and the ``Document`` the later stages take.
"""
