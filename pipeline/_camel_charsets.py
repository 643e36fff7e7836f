"""camel-tools' character sets, without the import-time walk over all of Unicode.

``camel_tools.utils.dediac`` (``dediac_ar``, used by the matching form in
:mod:`pipeline.normalize`) imports ``camel_tools.utils.charsets``, whose
module body visits all 1,114,112 code points to build ``UNICODE_*_CHARSET``
and reads the ``emoji`` package's table for ``EMOJI_*_CHARSET``: about
0.33 s, half of the start-up of ``python -m pipeline extract`` (measured in
``bench/README.md``). ``dediac`` needs only the small ``*_DIAC_CHARSET`` sets.

:func:`install` registers ``camel_tools.utils.charsets`` as a module built
from camel-tools' own source with those costly statements put off: the
module's top-level statements run as written, except the ``for`` loops and
the statements that bind ``UNICODE_*``/``EMOJI_*`` names (and the imports
only they use). The first access to any name they bind runs the whole
original module and takes all its values, so every name has the value a
plain import gives (``tests/test_camel_charsets.py`` compares them all).

This is the project's only reach into camel-tools' internals. The split is
checked each time: when a kept statement would read a put-off name (a
camel-tools release that changed the module's shape), or when the module
was imported already, nothing is registered and camel-tools loads as usual.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
import types

MODULE = "camel_tools.utils.charsets"
_COSTLY_PREFIXES = ("UNICODE_", "EMOJI_")


class _LazyCharsets(types.ModuleType):
    """The charsets module, its costly names bound on first access."""

    def __getattr__(self, name: str):
        # Called only for a name the module does not have yet.
        deferred = self.__dict__.get("_deferred_names", frozenset())
        if name in deferred:
            _run_whole(self)
            return self.__dict__[name]
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.__dict__.get("_deferred_names", ())))


def _run_whole(module: _LazyCharsets) -> None:
    namespace: dict = {"__name__": MODULE, "__file__": module.__file__, "__builtins__": __builtins__}
    exec(compile(module.__dict__["_whole_source"], module.__file__, "exec"), namespace)
    for key in ("_deferred_names", "_whole_source"):
        module.__dict__.pop(key, None)
    for key, value in namespace.items():
        if not key.startswith("__"):
            module.__dict__[key] = value


def _bound_names(node: ast.stmt) -> set[str]:
    names: set[str] = set()
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            names.add((alias.asname or alias.name).split(".")[0])
        return names
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            names.add(sub.id)
    return names


def _read_names(nodes: list[ast.stmt]) -> set[str]:
    return {n.id for node in nodes for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _split(source: str) -> tuple[list[ast.stmt], set[str]] | None:
    """The statements to run now and the names put off, or ``None`` when the
    module cannot be split safely."""
    body = ast.parse(source).body
    costly = [
        node for node in body
        if isinstance(node, (ast.For, ast.While))
        or any(name.startswith(_COSTLY_PREFIXES) for name in _bound_names(node))
    ]
    if not costly:
        return None
    rest = [node for node in body if node not in costly]
    # Imports read only by put-off statements are put off too (``emoji``).
    read_by_rest = _read_names(rest)
    imports_off = [
        node for node in rest
        if isinstance(node, (ast.Import, ast.ImportFrom)) and not (_bound_names(node) & read_by_rest)
    ]
    kept = [node for node in rest if node not in imports_off]
    deferred: set[str] = set()
    for node in costly + imports_off:
        deferred |= _bound_names(node)
    kept_binds = set().union(*(_bound_names(node) for node in kept)) if kept else set()
    deferred -= kept_binds
    if _read_names(kept) & deferred:
        return None
    return kept, deferred


def install() -> bool:
    """Register the lazy charsets module unless it is loaded already.

    Returns:
        ``True`` when the lazy module is (now or already) in place, ``False``
        when camel-tools will load the original module (not installed, loaded
        already, or a shape this split does not handle).
    """
    current = sys.modules.get(MODULE)
    if current is not None:
        return isinstance(current, _LazyCharsets)
    try:
        spec = importlib.util.find_spec(MODULE)
        source = spec.loader.get_source(MODULE) if spec is not None and spec.loader is not None else None
    except (ImportError, OSError, ValueError):
        return False
    if not source:
        return False
    try:
        split = _split(source)
    except SyntaxError:
        return False
    if split is None:
        return False
    kept, deferred = split
    origin = spec.origin or MODULE
    module = _LazyCharsets(MODULE)
    module.__file__ = origin
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__package__ = MODULE.rpartition(".")[0]
    module.__dict__["_deferred_names"] = frozenset(deferred)
    module.__dict__["_whole_source"] = source
    exec(compile(ast.Module(body=kept, type_ignores=[]), origin, "exec"), module.__dict__)
    sys.modules[MODULE] = module
    parent = sys.modules.get(module.__package__)
    if parent is not None:
        setattr(parent, "charsets", module)
    return True
