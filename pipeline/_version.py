"""The pipeline's version: part of the incremental-run key (a new version redoes every source)."""

__version__ = "0.1.0"
