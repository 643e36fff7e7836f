"""Extraction pipeline for Arabic brochures.

Public API (imports are lazy, so ``import pipeline`` is cheap)::

    from pipeline import extract, run
    record = extract("sources/global-rcp-meetings-ar.txt")   # a DocumentRecord
    record.meetings[0].start_date                             # datetime.date(2005, 4, 14)
    report = run(["sources/"], "output/")                     # a batch run, like the CLI

Stages, one module each: :mod:`pipeline.read` → :mod:`pipeline.normalize` →
:mod:`pipeline.segment` → :mod:`pipeline.parse` → :mod:`pipeline.validate` →
:mod:`pipeline.write`; :mod:`pipeline.core` wires them for one source and
:mod:`pipeline.batch` for many.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .batch import run
    from .core import Extraction, extract, extract_source
    from .models import DocumentRecord

__all__ = ["DocumentRecord", "Extraction", "__version__", "extract", "extract_source", "run"]

_LAZY = {
    "extract": ("core", "extract"),
    "extract_source": ("core", "extract_source"),
    "Extraction": ("core", "Extraction"),
    "run": ("batch", "run"),
    "DocumentRecord": ("models", "DocumentRecord"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
