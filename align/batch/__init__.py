"""Batch runs: many pairs into one folder, resumable, in process or on a Dask cluster.

Orchestration above the stages (like ``align.pipeline``): ``run`` drives a batch, ``inputs``
reads manifests and folders, ``check`` is the one check a worker runs, ``cluster`` is the
only module that imports Dask (and only when a cluster is asked for).
"""
