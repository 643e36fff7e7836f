"""The lazy camel-tools charsets module (pipeline/_camel_charsets.py) gives
every name the value a plain import of camel-tools gives, and puts off the
walk over all of Unicode until a costly name is read."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from pipeline import _camel_charsets

_DUMP = textwrap.dedent(
    """
    import json, sys
    {setup}
    m = sys.modules["camel_tools.utils.charsets"]
    before = sorted(k for k in vars(m) if k.isupper())
    out = {{"lazy": type(m).__name__, "before": before}}
    out["values"] = {{k: sorted(getattr(m, k)) for k in m.__all__}}
    out["emoji_data"] = len(m.EMOJI_DATA)
    print(json.dumps(out))
    """
)


def _dump(setup: str) -> dict:
    code = _DUMP.format(setup=setup)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def test_same_values_as_a_plain_import_and_costly_sets_put_off():
    lazy = _dump("import pipeline.normalize")
    plain = _dump("import camel_tools.utils.dediac")
    assert lazy["lazy"] == "_LazyCharsets"
    assert plain["lazy"] == "module"
    # Before any costly name was read, only the small sets exist.
    assert "AR_DIAC_CHARSET" in lazy["before"] and "HSB_CHARSET" in lazy["before"]
    assert not [k for k in lazy["before"] if k.startswith(("UNICODE_", "EMOJI_"))]
    # Every public name (reading one runs the whole original module).
    assert lazy["values"] == plain["values"]
    assert lazy["emoji_data"] == plain["emoji_data"] > 1000


def test_dediac_through_the_lazy_module_removes_tashkeel():
    code = (
        "import pipeline.normalize as n; from camel_tools.utils.dediac import dediac_ar; "
        "print(dediac_ar('\u0627\u0644\u0652\u0639\u064e\u0631\u064e\u0628\u0650\u064a\u0651\u064e\u0629'))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, encoding="utf-8").stdout
    assert out.strip() == "\u0627\u0644\u0639\u0631\u0628\u064a\u0629"


def test_a_module_whose_kept_statements_read_a_costly_name_is_not_split():
    source = textwrap.dedent(
        """
        import unicodedata
        UNICODE_X = set()
        for x in range(10):
            UNICODE_X.add(chr(x))
        SMALL = frozenset(UNICODE_X)
        """
    )
    assert _camel_charsets._split(source) is None


def test_the_split_keeps_small_sets_and_puts_off_loops_and_their_imports():
    source = textwrap.dedent(
        """
        import unicodedata
        from emoji import EMOJI_DATA
        UNICODE_X = set()
        for x in range(10):
            UNICODE_X.add(unicodedata.category(chr(x)))
        EMOJI_Y = frozenset(EMOJI_DATA)
        AR = frozenset("ab")
        BOTH = AR | frozenset("c")
        """
    )
    kept, deferred = _camel_charsets._split(source)
    namespace: dict = {}
    exec(compile(__import__("ast").Module(body=kept, type_ignores=[]), "<test>", "exec"), namespace)
    assert namespace["BOTH"] == frozenset("abc")
    assert {"UNICODE_X", "EMOJI_Y", "EMOJI_DATA", "unicodedata", "x"} <= deferred
    assert "emoji" not in sys.modules or "EMOJI_DATA" not in namespace
