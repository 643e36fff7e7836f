"""``python -m pipeline diff OLD NEW``: record-level differences between two output folders.

The per-document JSON records of each folder are compared (not the CSVs):

* documents by id: added, removed;
* in a document present in both: its own fields (``schema_version``,
  ``document.*``, ``contact.*``); meetings by number (added, removed,
  changed); sections aligned by (kind, heading) in reading order with
  :class:`difflib.SequenceMatcher` (added, removed, changed), so one inserted
  section does not make every later one "changed";
* a changed record gives one change per field, with the field's path inside
  the record (``start_date``, ``participants.rcp``, ``provenance.line_start``,
  ``contact.email``, ``blocks[3].lang``); nested objects are compared field
  by field, lists of objects of the same length item by item, other lists
  and ``null`` ↔ object changes as whole values.

Text output, one line per change::

    global-rcp-meetings-ar / meeting 3 / start_date: 2011-10-25 → 2011-10-24
    global-rcp-meetings-ar / meeting 8 added
    global-rcp-meetings-ar / section 12 (other) removed
    global-rcp-meetings-ar / document.title: … → …
    old-brochure / document removed

``--json`` output (:func:`diff_json`), stable shape::

    {"equal": false,
     "summary": {"documents_added": 0, "documents_removed": 1, "meetings_added": 1,
                 "meetings_removed": 0, "meetings_changed": 1, "sections_added": 0,
                 "sections_removed": 0, "sections_changed": 0, "fields_changed": 1},
     "changes": [{"document_id": "…", "record": "document" | "meeting" | "section",
                  "key": 3, "old_key": 3, "change": "added" | "removed" | "changed",
                  "field": "start_date", "old": "2011-10-25", "new": "2011-10-24"}, …],
     "problems": ["<file>: not a valid document record …"]}

``key``/``old_key`` identify the record in the new/old folder (meeting
number, 1-based section index; ``null`` for the document itself and on the
side where the record does not exist). ``field`` is ``null`` for added and
removed records, whose ``old``/``new`` then hold the whole record. Changes
are ordered by document id, then document fields, meetings, sections.
A meeting number repeated in a document (a validation warning) is paired by
order of appearance.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

_MAX_TEXT = 100


@dataclass(frozen=True, slots=True)
class Change:
    """One difference; see the module docstring for the meaning of each attribute."""

    document_id: str
    record: str
    key: int | None
    old_key: int | None
    change: str
    field: str | None = None
    old: Any = None
    new: Any = None


@dataclass(frozen=True, slots=True)
class DiffResult:
    """All differences between two folders, and the JSON files that could not be read."""

    changes: list[Change]
    problems: list[str]

    @property
    def equal(self) -> bool:
        return not self.changes

    def summary(self) -> dict[str, int]:
        """Counts per kind of change (keys as in the ``--json`` output)."""
        out = {
            f"{record}s_{change}": 0
            for record in ("document", "meeting", "section")
            for change in ("added", "removed", "changed")
            if (record, change) != ("document", "changed")
        }
        changed: set[tuple[str, str, Any]] = set()
        for c in self.changes:
            if c.change == "changed":
                if c.record != "document":
                    changed.add((c.document_id, c.record, c.key))
            else:
                out[f"{c.record}s_{c.change}"] += 1
        for _, record, _ in changed:
            out[f"{record}s_changed"] += 1
        out["fields_changed"] = sum(1 for c in self.changes if c.change == "changed")
        return out


def _field_changes(old: Any, new: Any, prefix: str = "") -> list[tuple[str, Any, Any]]:
    """(dotted path, old, new) of every leaf that differs; dicts recursed, and lists of
    objects of the same length item by item (``blocks[3].lang``); the rest compared whole."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in [*new, *(k for k in old if k not in new)]:
            path = f"{prefix}.{key}" if prefix else str(key)
            out.extend(_field_changes(old.get(key), new.get(key), path))
        return out
    if (
        isinstance(old, list) and isinstance(new, list) and len(old) == len(new) and old != new
        and all(isinstance(x, dict) for x in old + new)
    ):
        return [c for i, (a, b) in enumerate(zip(old, new)) for c in _field_changes(a, b, f"{prefix}[{i}]")]
    return [] if old == new else [(prefix, old, new)]


def _keyed_meetings(meetings: list[dict[str, Any]]) -> dict[tuple[int, int], dict[str, Any]]:
    seen: dict[int, int] = {}
    out = {}
    for m in meetings:
        n = m["number"]
        out[(n, seen.get(n, 0))] = m
        seen[n] = seen.get(n, 0) + 1
    return out


def _section_key(section: dict[str, Any]) -> tuple[str, str | None]:
    return section["kind"], section.get("heading")


def _diff_sections(doc_id: str, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[Change]:
    out: list[Change] = []
    matcher = difflib.SequenceMatcher(None, [_section_key(s) for s in old], [_section_key(s) for s in new], autojunk=False)

    def changed(i: int, j: int) -> None:
        for field, a, b in _field_changes(old[i], new[j]):
            out.append(Change(doc_id, "section", j + 1, i + 1, "changed", field, a, b))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                changed(i, j)
            continue
        # "replace", "delete", "insert": pair sections of the same kind in order; the rest are removed/added
        paired: list[tuple[int, int]] = []
        last = -1
        for i in range(i1, i2):
            j = next((j for j in range(max(j1, last + 1), j2) if new[j]["kind"] == old[i]["kind"]), None)
            if j is not None:
                paired.append((i, j))
                last = j
        for i in sorted(set(range(i1, i2)) - {i for i, _ in paired}):
            out.append(Change(doc_id, "section", None, i + 1, "removed", None, old[i], None))
        for i, j in paired:
            changed(i, j)
        for j in sorted(set(range(j1, j2)) - {j for _, j in paired}):
            out.append(Change(doc_id, "section", j + 1, None, "added", None, None, new[j]))
    return out


def diff_records(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[Change]:
    """Differences between two sets of records (document id → record as JSON data).

    Returns:
        The changes, ordered as described in the module docstring.
    """
    changes: list[Change] = []
    for doc_id in sorted(old.keys() | new.keys()):
        if doc_id not in new:
            changes.append(Change(doc_id, "document", None, None, "removed", None, old[doc_id], None))
            continue
        if doc_id not in old:
            changes.append(Change(doc_id, "document", None, None, "added", None, None, new[doc_id]))
            continue
        a, b = old[doc_id], new[doc_id]
        top_a = {k: v for k, v in a.items() if k not in ("meetings", "sections")}
        top_b = {k: v for k, v in b.items() if k not in ("meetings", "sections")}
        for field, x, y in _field_changes(top_a, top_b):
            changes.append(Change(doc_id, "document", None, None, "changed", field, x, y))
        ma, mb = _keyed_meetings(a.get("meetings", [])), _keyed_meetings(b.get("meetings", []))
        for key in sorted(ma.keys() | mb.keys()):
            number = key[0]
            if key not in mb:
                changes.append(Change(doc_id, "meeting", None, number, "removed", None, ma[key], None))
            elif key not in ma:
                changes.append(Change(doc_id, "meeting", number, None, "added", None, None, mb[key]))
            else:
                for field, x, y in _field_changes(ma[key], mb[key]):
                    changes.append(Change(doc_id, "meeting", number, number, "changed", field, x, y))
        changes.extend(_diff_sections(doc_id, a.get("sections", []), b.get("sections", [])))
    return changes


def _load(folder: Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Records of a folder as JSON data: valid records of this schema MAJOR, and
    records of an earlier MAJOR as they are (so that a new pipeline version can
    be compared with the output of the one before)."""
    from .models import SCHEMA_VERSION
    from .write import RESERVED_JSON, load_records

    records, problems = load_records(folder)
    out = {r.document.id: r.model_dump(mode="json") for r in records}
    major = int(SCHEMA_VERSION.split(".")[0])
    kept = []
    for path in sorted(folder.glob("*.json")):
        if path.name in RESERVED_JSON:
            continue
        try:
            data = json.loads(path.read_text("utf-8"))
            version = str(data["schema_version"])
            doc_id = data["document"]["id"]
            older = int(version.split(".")[0]) < major
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
        if older and isinstance(doc_id, str) and doc_id not in out:
            out[doc_id] = data
            kept.append(str(path))
    problems = [p for p in problems if not any(p.startswith(k + ":") for k in kept)]
    problems += [f"{k}: a record of an earlier schema version, compared as it is" for k in kept]
    return out, problems


def diff_folders(old_dir: Path | str, new_dir: Path | str) -> DiffResult:
    """Compare the document records of two output folders.

    Records are loaded with :func:`pipeline.write.load_records` (JSON files
    that are not valid records are left out and listed in ``problems``).

    Raises:
        NotADirectoryError: a path that is not an existing folder.
    """
    folders = [Path(old_dir), Path(new_dir)]
    for folder in folders:
        if not folder.is_dir():
            raise NotADirectoryError(f"{folder}: no such folder")
    (old, p1), (new, p2) = _load(folders[0]), _load(folders[1])
    return DiffResult(diff_records(old, new), p1 + p2)


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if value == "":
        return '""'
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def _label(c: Change) -> str:
    if c.record == "meeting":
        return f"meeting {c.key if c.key is not None else c.old_key}"
    if c.record == "section":
        record = c.new if c.new is not None else c.old
        if c.change == "changed":
            index = str(c.key) if c.key == c.old_key else f"{c.old_key}→{c.key}"
            return f"section {index}"
        index = c.key if c.key is not None else c.old_key
        return f"section {index} ({record['kind']})"
    return "document"


def diff_lines(result: DiffResult) -> list[str]:
    """Text output: one line per change (values longer than 100 characters cut with ``…``)."""
    lines = []
    for c in result.changes:
        if c.change == "changed":
            where = f"{c.document_id} / {c.field}" if c.record == "document" else f"{c.document_id} / {_label(c)} / {c.field}"
            lines.append(f"{where}: {_show(c.old)} → {_show(c.new)}")
        else:
            lines.append(f"{c.document_id} / {_label(c)} {c.change}")
    return lines


def diff_json(result: DiffResult) -> dict[str, Any]:
    """The ``--json`` output as a dict (shape in the module docstring)."""
    return {
        "equal": result.equal,
        "summary": result.summary(),
        "changes": [asdict(c) for c in result.changes],
        "problems": list(result.problems),
    }
