"""The pipeline's version, and the fingerprint that keys incremental runs.

``__version__`` is the release number (bumped by hand). It is not enough to
tell whether a record is stale: any change to the code or to a library it
runs on (pdfminer, camel-tools, …) can change the output. The incremental
key is therefore :func:`fingerprint`: a hash of every file of the package,
of the installed version of every library it depends on (direct and
transitive), and of the Python and Unicode versions.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path

__version__ = "0.1.0"

DISTRIBUTION = "arabic-brochure-pipeline"
_PACKAGE_DIR = Path(__file__).resolve().parent
_NAME_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def code_fingerprint(
    package_dir: Path, dependencies: dict[str, str], *, runtime: str | None = None
) -> str:
    """SHA-256 (64 hex) of a package's files, dependency versions and runtime.

    Args:
        package_dir: the package folder; every file under it counts (by path
            relative to it, and content), except ``__pycache__`` folders and
            ``.pyc`` files.
        dependencies: distribution name → installed version.
        runtime: the interpreter and Unicode versions (default: this
            interpreter's); NFKC and the bidi algorithm depend on them.

    Returns:
        The same value for the same files, versions and runtime, in any
        checkout location or file order.
    """
    h = hashlib.sha256()
    for path in sorted(package_dir.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        rel = path.relative_to(package_dir).as_posix().encode("utf-8")
        data = path.read_bytes()
        h.update(b"F%d:%s%d:" % (len(rel), rel, len(data)) + data)
    for name, version in sorted(dependencies.items()):
        h.update(f"D{name}=={version}\n".encode("utf-8"))
    if runtime is None:
        runtime = f"{sys.implementation.name} {sys.version_info[:3]} unicode {unicodedata.unidata_version}"
    h.update(f"R{runtime}\n".encode("utf-8"))
    return h.hexdigest()


def dependency_versions(distribution: str = DISTRIBUTION) -> dict[str, str]:
    """Installed versions of ``distribution``'s requirements, transitively.

    Requirements of extras (``; extra == …``) and requirements that are not
    installed (removed by ``override-dependencies``, or for another platform)
    are left out. When ``distribution`` itself is not installed (the package
    run from a bare source folder), every installed distribution counts:
    then any change in the environment redoes the sources.

    Returns:
        Normalized name (lowercase, ``-``) → version, without ``distribution`` itself.
    """
    from importlib import metadata

    try:
        roots = metadata.requires(distribution) or []
    except metadata.PackageNotFoundError:
        return {
            _normalize(d.metadata["Name"] or ""): d.version for d in metadata.distributions() if d.metadata["Name"]
        }
    found: dict[str, str] = {}
    pending = list(roots)
    while pending:
        requirement = pending.pop()
        name_match = _NAME_RE.match(requirement)
        if not name_match or re.search(r"\bextra\s*==", requirement.partition(";")[2]):
            continue
        name = _normalize(name_match.group(1))
        if name in found:
            continue
        try:
            version, requires = _version_and_requires(metadata.distribution(name))
        except metadata.PackageNotFoundError:
            continue
        found[name] = version
        pending.extend(requires)
    return found


def _version_and_requires(dist) -> tuple[str, list[str]]:
    """A distribution's version and requirements, as ``dist.version`` and
    ``dist.requires`` give them, from its metadata's header alone.

    ``importlib.metadata`` parses the whole ``METADATA`` file, long
    description included, with the ``email`` package at each access: two
    parses per distribution took 40 ms of every run's start-up for ~60
    distributions. The header ends at the first empty line (core metadata
    specification, 2.1 and later put the description after it).
    """
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO")
    if not text:
        return dist.version, list(dist.requires or [])
    from email.parser import HeaderParser

    header = HeaderParser().parsestr(re.split(r"\r?\n\r?\n", text, maxsplit=1)[0])
    version = header.get("Version")
    requires = header.get_all("Requires-Dist")
    if version is None:
        return dist.version, list(dist.requires or [])
    if requires is None:  # an egg-info distribution lists them in requires.txt
        requires = dist.requires or []
    return str(version), [str(r) for r in requires]


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@cache
def fingerprint() -> str:
    """The incremental key of this pipeline, as installed and run now
    (:func:`code_fingerprint` of this package and :func:`dependency_versions`).
    Computed once per process."""
    return code_fingerprint(_PACKAGE_DIR, dependency_versions())
