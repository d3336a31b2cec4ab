"""``provalign serve``: a local web app to check pairs and review the findings.

Top-level orchestration like ``align.pipeline`` (it may use every stage). The review
logic is plain functions in ``align.serve.review``; the web app (``align.serve.app``)
imports Starlette, and ``align.serve.run`` uvicorn, only when the command runs.
"""
