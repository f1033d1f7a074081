"""The fiches' answers, read as untrusted input, reviewed by a person, then applied to a new dataset folder.

Two steps, as ``ecograph merge`` runs them:

1. :func:`review_responses` reads the response files that the fiches of
   :mod:`ecograph.interop.invite` saved, and returns the review: one row per
   proposed change (a field's old and new value, a new tie, a new actor, a
   tie its actor says has ended or was never true, a tie it says still holds,
   an answer that changes nothing)
   and one row per answer or part of an answer that cannot be used, with its
   reason. Nothing is dropped silently. A filled collection workbook
   (``gaps.xlsx`` of the report, ``ecograph template --from``) may be given
   beside the response files: what it says differently from the dataset is
   reviewed the same way, as rows no one signed (filled gaps pre-accepted, a
   known value changed or emptied left to check). Interviews may be given
   too (:func:`is_interview_source`): the folder that ``ecograph
   import-netcanvas`` wrote, or the Network Canvas export itself; see
   "Interviews" below. :func:`write_review` writes it as
   ``review.xlsx``, with an ``accept`` column pre-filled by the rules below.
2. :func:`apply_review` reads the ``review.xlsx`` a person has checked and
   writes the accepted changes into a new dataset folder; the old one is
   only read. Every new or changed row says where it comes from:
   ``declared_by`` (the actor who answered), ``declared_on`` (the day it
   answered) and the response file in its ``source`` (actors) or
   ``evidence`` (ties). A new tie declared by one of its actors is
   ``declared``; declared by both (each in its own answer) it is
   ``confirmed``, with the second in ``confirmed_by``.

What a response file may hold
-----------------------------
At most :data:`MAX_RESPONSE_BYTES`, UTF-8 JSON nested at most 6 levels, the
format the fiche writes; texts of at most :data:`MAX_TEXT` characters (a name
:data:`MAX_NAME`), no text a spreadsheet would run as a formula (``=``,
``+``, ``@``, or ``-`` before a letter), no HTML markup, no control
character; codes of the dataset's vocabulary; years of four digits. Its token
must be the one its fiche carried for the actor it names
(:func:`ecograph.interop.invite.actor_token`): another token is refused as a
whole. A token made for another version of the dataset is an answer to an
older version: its changes are listed, none pre-accepted.

Interviews
----------
Each tie an interview declares is one ``new_tie`` row, declared
(``actor``, then ``declared_by``) by the organisation of the person
interviewed, on the day of the interview, with the interview (its session)
in ``interview`` and ``perceived`` ``yes`` for a tie between two others, as
the person perceives it (``no`` for a tie of their own organisation). The
actors the interviews name are the dataset's when their id is one of the
dataset's (passed through the interview by a roster) or, else, when their
name is (accents, case and punctuation aside); any other is a ``new_actor``
row (with ``field`` rows for what the interview says of it), one per name
across every source of the review, and a tie type the dataset lacks is a
``new_type`` row. A tie that two interviews declare, each from one of its
ends, becomes ``confirmed``. Interviews that cannot be read whole are
refused whole (:class:`~ecograph.errors.SchemaError`): nothing is reviewed.

Rules of the ``accept`` column
------------------------------
* ``yes`` for a field an actor corrects or fills in on its own fiche, a new
  tie with an actor of the dataset or with a new one, a new actor whose name
  is not close to one of the dataset's, a tie its actor says has ended, a
  tie type of the interviews;
* ``no`` for a field two answers for the same actor give different values
  (both shown side by side in ``conflict``), a tie its actor says was never
  true (taking out a tie is a person's decision), a new actor whose name is
  close to one of the dataset's (named in ``conflict``), every change of an
  answer to an older version of the dataset, and every row whose change is
  ``rejected`` (never applied, whatever its ``accept`` says).

Examples
--------
>>> import json, tempfile, pathlib, ecograph as eg
>>> from ecograph.interop.invite import actor_token, dataset_fingerprint
>>> eco, folder = eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp())
>>> fp = dataset_fingerprint(eco)
>>> answer = {"format": "ecograph-response", "version": 1, "actor": "loner", "token": actor_token("00" * 32, "loner", fp),
...           "fingerprint": fp, "answered_on": "2027-01-10", "fields": {"founded": "2015"}, "shown": {"founded": ""},
...           "known_ties": [], "new_ties": [{"partner": "coop", "type": "partnership", "direction": "out", "start": "2020"}]}
>>> _ = (folder / "response-loner.json").write_text(json.dumps(answer), encoding="utf-8")
>>> review = review_responses(eco, [folder / "response-loner.json"], secret="00" * 32)
>>> review[["change", "field", "new", "partner", "accept"]].values.tolist()
[['field', 'founded', '2015', '', 'yes'], ['new_tie', '', '', 'coop', 'yes']]
"""

from __future__ import annotations

import datetime as _dt
import difflib
import hmac
import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..ecosystem import load
from ..errors import EcographError, Problem, SchemaError
from ..io import read_sheets, set_cell
from ..validation import SLUG_PATTERN
from ..vocabulary import Term, Vocabulary
from ..words import check_language, is_missing, word
from .invite import FICHE_FIELDS, actor_token, dataset_fingerprint
from .netcanvas import read_netcanvas

__all__ = [
    "MAX_NAME",
    "MAX_RESPONSE_BYTES",
    "MAX_TEXT",
    "REVIEW_COLUMNS",
    "ReviewError",
    "apply_review",
    "is_interview_source",
    "read_interviews",
    "read_review",
    "review_responses",
    "write_review",
]

#: Largest response file read (a fiche's answer is a few kilobytes).
MAX_RESPONSE_BYTES = 256 * 2**10
#: Longest text of an answer; a name is shorter.
MAX_TEXT = 2000
MAX_NAME = 300
_MAX_ITEMS = 300  # ties known or declared in one answer
_MAX_DEPTH = 6

#: Columns of the review, in order (their codes head ``review.xlsx``, so that it reads back whatever its language).
REVIEW_COLUMNS = (
    "response",
    "actor",
    "subject",
    "declared_on",
    "change",
    "field",
    "old",
    "new",
    "partner",
    "partner_name",
    "type",
    "direction",
    "start",
    "end",
    "status",
    "interview",
    "perceived",
    "conflict",
    "reason",
    "why",
    "accept",
)
_FIELDS = dict(FICHE_FIELDS)
_FORMULA = re.compile(r"^(?:[=+@\t\r\n]|-[^\d\s.,])")
_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_YEAR = re.compile(r"^[12]\d{3}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ReviewError(EcographError, ValueError):
    """A review workbook that cannot be applied (damaged, or made from another version of the dataset).

    Examples
    --------
    >>> isinstance(ReviewError("x"), ValueError)
    True
    """


class _Refused(Exception):
    """One answer, or one part of it, that cannot be used: a reason code and what was found."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (without recursion: a hostile file may nest a thousand levels)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack += [(child, level + 1) for child in children if isinstance(child, (dict, list))]
    return deepest


def _shown(text: str, n: int = 80) -> str:
    """A piece of untrusted text short enough for the review (the cell never runs as a formula)."""
    text = _CONTROL.sub("\ufffd", text)
    return text if len(text) <= n else text[:n] + "…"


def _check_text(text: Any, *, limit: int = MAX_TEXT) -> str:
    if not isinstance(text, str):
        raise _Refused("bad_format", _shown(repr(text)))
    text = text.strip()
    if len(text) > limit:
        raise _Refused("too_long", f"{len(text)} > {limit}")
    for pattern, reason in ((_CONTROL, "control"), (_FORMULA, "formula"), (_MARKUP, "markup")):
        if pattern.search(text):
            raise _Refused(reason, _shown(text))
    return text


def _check_year(text: Any) -> str:
    year = _check_text(text, limit=10)
    if year and not _YEAR.match(year):
        raise _Refused("bad_year", year)
    return year


def _read_file(path: Path) -> dict:
    """The answer in one response file, as a dict of the fiche's format; :class:`_Refused` otherwise."""
    try:
        size = path.stat().st_size
        if size > MAX_RESPONSE_BYTES:
            raise _Refused("too_large", f"{size} bytes > {MAX_RESPONSE_BYTES}")
        data = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise _Refused("unreadable", _shown(exc.strerror or str(exc))) from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _Refused("not_json", _shown(str(exc))) from None
    if not isinstance(data, dict) or data.get("format") != "ecograph-response" or data.get("version") != 1:
        raise _Refused("bad_format", "format")
    if _depth(data) > _MAX_DEPTH:
        raise _Refused("bad_format", "depth")
    for key, kind in (("fields", dict), ("shown", dict), ("known_ties", list), ("new_ties", list)):
        data.setdefault(key, kind())
        if not isinstance(data[key], kind):
            raise _Refused("bad_format", key)
        if kind is list and (len(data[key]) > _MAX_ITEMS or not all(isinstance(x, dict) for x in data[key])):
            raise _Refused("bad_format", key)
    for key in ("actor", "token", "fingerprint", "answered_on"):
        if not isinstance(data.get(key), str) or len(data[key]) > 200:
            raise _Refused("bad_format", key)
    if not _DATE.match(data["answered_on"]):
        raise _Refused("bad_format", "answered_on")
    return data


def _row(response: str, actor: str, on: str, change: str, **values: Any) -> dict:
    """One row of the review; its ``subject`` (the actor the change is about) is, unless given, who declared it."""
    row = dict.fromkeys(REVIEW_COLUMNS, "")
    row.update(response=response, actor=actor, subject=actor, declared_on=on, change=change)
    row.update({k: "" if v is None else str(v) for k, v in values.items()})
    return row


def _refused_row(response: str, actor: str, on: str, refused: _Refused, **values: Any) -> dict:
    return _row(response, actor, on, "rejected", reason=refused.reason, conflict=refused.detail, accept="no", **values)


def _current(eco: Any, actor: str, field: str) -> str:
    value = eco.actors.at[actor, field] if field in eco.actors.columns else None
    return "" if is_missing(value) else str(value)


def _field_rows(eco: Any, answer: dict, file: str) -> list[dict]:
    actor, on, rows = answer["actor"], answer["answered_on"], []
    for field, value in answer["fields"].items():
        try:
            if field not in _FIELDS:
                raise _Refused("unknown_field", _shown(str(field)))
            new = _check_year(value) if _FIELDS[field] == "year" else _check_text(value, limit=MAX_NAME if field == "name" else MAX_TEXT)
            _check_field_value(eco, field, new)
        except _Refused as refused:
            rows.append(_refused_row(file, actor, on, refused, field=_shown(str(field), 40)))
            continue
        old = _current(eco, actor, field)
        if new == old:
            continue
        shown = answer["shown"].get(field)
        changed = isinstance(shown, str) and shown != old
        rows.append(_row(file, actor, on, "field", field=field, old=old, new=new, reason="changed_since" if changed else "own_field"))
    return rows


def _check_field_value(eco: Any, field: str, new: str) -> None:
    if field in ("name", "kind") and not new:
        raise _Refused("required", field)
    if _FIELDS[field] == "select" and new and not eco.vocabulary.is_valid(field, new):
        raise _Refused("bad_code", _shown(new))
    if field == "website" and new and not re.match(r"^https?://\S+$", new):
        raise _Refused("bad_url", _shown(new))


def _tie_key(source: str, target: str, kind: str, directed: bool) -> tuple:
    return (source, target, kind) if directed else (*sorted((source, target)), kind)


def _known_rows(eco: Any, answer: dict, file: str) -> list[dict]:
    actor, on, rows = answer["actor"], answer["answered_on"], []
    ties = eco.ties
    for item in answer["known_ties"]:
        try:
            partner, kind = _check_text(item.get("partner", ""), limit=200), _check_text(item.get("type", ""), limit=100)
            answer_code = item.get("answer")
            if answer_code not in ("yes", "ended", "no"):
                raise _Refused("bad_format", _shown(str(answer_code)))
            end = _check_year(item.get("end", "")) if answer_code == "ended" else ""
            mine = ties[
                (((ties["source"] == actor) & (ties["target"] == partner)) | ((ties["source"] == partner) & (ties["target"] == actor)))
            ]
            mine = mine[mine["type"] == kind]
            if mine.empty:
                raise _Refused("unknown_tie", _shown(f"{partner} {kind}"))
        except _Refused as refused:
            rows.append(_refused_row(file, actor, on, refused))
            continue
        t = mine.iloc[0]
        change = {"yes": "tie_still_true", "ended": "ended_tie", "no": "wrong_tie"}[answer_code]
        start = "" if is_missing(t.get("start")) else str(t["start"])
        if change == "ended_tie" and end and start[:4].isdigit() and end < start[:4]:
            rows.append(_refused_row(file, actor, on, _Refused("end_before_start", f"{end} < {start}"), partner=partner, type=kind))
            continue
        rows.append(
            _row(file, actor, on, change, partner=partner, type=kind, start=start, end=(end or on[:4]) if change == "ended_tie" else "")
        )
    return rows


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _new_tie_rows(eco: Any, answer: dict, file: str, names: dict[str, str]) -> list[dict]:
    actor, on, rows, seen = answer["actor"], answer["answered_on"], [], set()
    voc = eco.vocabulary
    for item in answer["new_ties"]:
        try:
            kind = _check_text(item.get("type", ""), limit=100)
            if not voc.is_valid("type", kind):
                raise _Refused("bad_code", _shown(kind))
            start = _check_year(item.get("start", ""))
            partner, name = _partner(eco, item, names)
            if partner == actor:
                raise _Refused("self_tie", partner)
            inward = voc.is_directed(kind) and item.get("direction") == "in"
            source, target = (partner or name, actor) if inward else (actor, partner or name)
            key = _tie_key(source, target, kind, voc.is_directed(kind))
            if key in seen:
                raise _Refused("duplicate", _shown(f"{name} {kind}"))
            seen.add(key)
        except _Refused as refused:
            rows.append(_refused_row(file, actor, on, refused))
            continue
        direction = "in" if inward else "out"
        rows.append(
            _row(
                file,
                actor,
                on,
                "new_tie",
                partner=partner,
                partner_name=name,
                type=kind,
                direction=direction,
                start=start,
                reason="declared",
            )
        )
    return rows


def _partner(eco: Any, item: dict, names: dict[str, str]) -> tuple[str, str]:
    """The partner of a new tie: (actor id, name), or ("", name) for a name the dataset does not know."""
    partner = _check_text(item.get("partner", ""), limit=200)
    name = _check_text(item.get("partner_name", ""), limit=MAX_NAME)
    if partner:
        if partner not in eco.actors.index:
            raise _Refused("unknown_partner", _shown(partner))
        return partner, str(eco.actors.at[partner, "name"])
    if not name:
        raise _Refused("partner_missing")
    known = names.get(_fold(name))
    return (known, str(eco.actors.at[known, "name"])) if known else ("", name)


def _answer_rows(eco: Any, path: Path, secret: str | None, fingerprint: str, names: dict[str, str]) -> list[dict]:
    """Every row of the review for one response file."""
    file = path.name
    try:
        answer = _read_file(path)
        actor = answer["actor"]
        if actor not in eco.actors.index:
            raise _Refused("unknown_actor", _shown(actor))
        if secret is None:
            raise _Refused("no_secret")
        if not _same(answer["token"], actor_token(secret, actor, answer["fingerprint"])):
            raise _Refused("token_mismatch", _shown(answer["token"], 40))
    except _Refused as refused:
        return [_refused_row(file, "", "", refused)]
    rows = _field_rows(eco, answer, file) + _known_rows(eco, answer, file) + _new_tie_rows(eco, answer, file, names)
    comment = answer.get("comment")
    if comment not in (None, "") and (not isinstance(comment, str) or comment.strip()):
        try:
            rows.append(_row(file, actor, answer["answered_on"], "comment", new=_check_text(comment), reason="comment", accept="no"))
        except _Refused as refused:
            rows.append(_refused_row(file, actor, answer["answered_on"], refused, field="comment"))
    if not rows:  # an answer that changes nothing is listed too: it says the fiche was right
        rows.append(_row(file, actor, answer["answered_on"], "nothing", reason="no_change"))
    if answer["fingerprint"] != fingerprint:
        for row in rows:
            if row["change"] != "rejected":
                row.update(reason="older_version", accept="no")
    return rows


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def review_responses(eco: Any, responses: Iterable[str | os.PathLike], *, secret: str | None, lang: str = "en") -> pd.DataFrame:
    """The review of the response files: one row per proposed change or refused answer, ``accept`` pre-filled.

    Parameters
    ----------
    eco : Ecosystem
        The dataset the fiches were made from.
    responses : iterable of path-like
        Response files (``response-<id>.json``), filled workbooks (``.xlsx``)
        and interviews (:func:`is_interview_source`: a folder of ``ecograph
        import-netcanvas`` or a Network Canvas export), in any mix.
    secret : str or None
        The invitations' secret (:func:`ecograph.interop.invite.invite_secret`); None refuses every fiche's answer
        (interviews and workbooks need none).

    Raises
    ------
    SchemaError
        When interviews cannot be read whole (:func:`read_interviews`).
    lang : {"en", "fr"}
        Language of the ``why`` column.

    Returns
    -------
    DataFrame
        The columns of :data:`REVIEW_COLUMNS`.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "response-x.json"
    >>> _ = path.write_text('{"format": "ecograph-response", "version": 1, "actor": "=cmd"}', encoding="utf-8")
    >>> review_responses(eg.datasets.tiny(), [path], secret="00" * 32)[["change", "reason", "accept"]].values.tolist()
    [['rejected', 'bad_format', 'no']]
    """
    check_language(lang)
    fingerprint = dataset_fingerprint(eco)
    names = {_fold(str(n)): str(i) for i, n in eco.actors["name"].items() if not is_missing(n)}
    rows: list[dict] = []
    interviews = _Interviews(eco, names)
    for path in sorted({Path(p) for p in responses}, key=lambda p: (p.name, str(p))):
        if is_interview_source(path):
            rows += interviews.rows(path)
            continue
        reader = _workbook_rows if path.suffix.lower() == ".xlsx" else _answer_rows
        rows += reader(eco, path, secret, fingerprint, names)
    review = pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))
    review = _new_actors(eco, review)
    review = _decide(eco, review)
    review["why"] = [word(f"invite.reason.{r}", lang) if r else "" for r in review["reason"]]
    return review.reset_index(drop=True)


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", _fold(name)).strip("-")[:60] or "actor"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _new_actors(eco: Any, review: pd.DataFrame) -> pd.DataFrame:
    """One ``new_actor`` row per new name (folded), and its id given to the ties that name it.

    A name that an interview or a workbook already adds as a new actor keeps the id it was given there.
    """
    added = review[review["change"] == "new_actor"]
    ids: dict[str, str] = {_fold(str(n)): str(p) for n, p in zip(added["partner_name"], added["partner"]) if n and p}
    taken = set(map(str, eco.actors.index)) | set(ids.values())
    existing = {_fold(str(n)): str(n) for n in eco.actors["name"] if not is_missing(n)}
    rows = []
    for i in review.index[(review["change"] == "new_tie") & (review["partner"] == "")]:
        r = review.loc[i]
        folded = _fold(r["partner_name"])
        if folded not in ids:
            ids[folded] = _slug(r["partner_name"], taken)
            close = difflib.get_close_matches(folded, list(existing), n=1, cutoff=0.85)
            rows.append(
                _row(
                    r["response"], r["actor"], r["declared_on"], "new_actor", field="kind", new="initiative",
                    subject=ids[folded], partner=ids[folded], partner_name=r["partner_name"],
                    reason="close_name" if close else "new_name", conflict=existing[close[0]] if close else "",
                )
            )  # fmt: skip
        review.loc[i, "partner"] = ids[folded]
    return pd.concat([review, pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))], ignore_index=True)


def _decide(eco: Any, review: pd.DataFrame) -> pd.DataFrame:
    """Conflicts side by side, the status a new tie will have, and ``accept`` by the stated rules."""
    review = _field_conflicts(review)
    review = _tie_agreement(eco, review)
    for i, r in review.iterrows():
        if r["accept"]:
            continue
        if r["change"] in ("field", "new_tie", "ended_tie", "confirm_tie", "new_type"):
            accept = "no" if r["reason"] in ("conflict", "already_known", "workbook_change", "emptied") else "yes"
        elif r["change"] == "new_actor":
            accept = "no" if r["reason"] == "close_name" else "yes"
        elif r["change"] == "wrong_tie":
            accept, review.loc[i, "reason"] = "no", "removal"
        else:
            accept = ""
        review.loc[i, "accept"] = accept
    return review


def _field_conflicts(review: pd.DataFrame) -> pd.DataFrame:
    fields = review[review["change"] == "field"]
    for (_subject, _field), group in fields.groupby(["subject", "field"]):
        if group["new"].nunique() > 1:
            for i in group.index:
                others = group.drop(index=i)
                review.loc[i, "conflict"] = "; ".join(f"{n} ({f})" for n, f in zip(others["new"], others["response"]))
                review.loc[i, "reason"] = "conflict"
    return review


def _tie_agreement(eco: Any, review: pd.DataFrame) -> pd.DataFrame:
    """A new tie declared by both of its actors is ``confirmed``; one the dataset holds already is not new."""
    voc = eco.vocabulary
    ties = eco.ties
    known = {
        _tie_key(s, t, k, voc.is_directed(k)): (st, by)
        for s, t, k, st, by in ties[["source", "target", "type", "status", "declared_by"]].itertuples(index=False)
    }
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, r in review[review["change"] == "new_tie"].iterrows():
        source, target = (r["partner"], r["subject"]) if r["direction"] == "in" else (r["subject"], r["partner"])
        key = _tie_key(source, target, r["type"], voc.is_directed(r["type"]))
        if key not in known:
            by_key[key].append(i)
            continue
        status, by = known[key]
        if status == "declared" and by in (source, target) and by != r["actor"]:  # the other end declared it in an earlier round
            review.loc[i, ["change", "status", "conflict"]] = ["confirm_tie", "confirmed", f"{by}: declared"]
            review.loc[i, "reason"] = r["reason"] if r["reason"] == "older_version" else "confirms"
        elif r["reason"] != "older_version":
            review.loc[i, ["reason", "accept"]] = ["already_known", "no"]
    for rows in by_key.values():
        declarers = set(review.loc[rows, "actor"])
        ends = {review.loc[rows[0], "subject"], review.loc[rows[0], "partner"]}
        status = "confirmed" if ends <= declarers else "declared"
        for i in rows:
            if review.loc[i, "actor"]:  # a tie of a workbook, which no one declared, keeps its own status
                review.loc[i, "status"] = status
            others = review.loc[[j for j in rows if j != i]]
            if len(others):
                where = [v or f for v, f in zip(others["interview"], others["response"])]  # an interview says which one
                review.loc[i, "conflict"] = "; ".join(f"{a}: {s or '?'} ({f})" for a, s, f in zip(others["actor"], others["start"], where))
    return review


#: Columns a review written by an older ecograph lacks (read as empty).
_LATER_COLUMNS = ("interview", "perceived")
_WIDTHS = {"response": 26, "actor": 22, "subject": 22, "old": 30, "new": 30, "partner_name": 28, "conflict": 40, "why": 50, "accept": 9}
_ACCEPTED = {"yes", "oui", "y", "o", "x", "1", "true", "vrai"}
_FILLS = {
    "rejected": "F4CCCC",
    "new_actor": "FFF2CC",
    "new_tie": "D9EAD3",
    "confirm_tie": "D9EAD3",
    "field": "CFE2F3",
    "new_type": "FFF2CC",
    "ended_tie": "EAD1DC",
    "wrong_tie": "EAD1DC",
}


def write_review(review: pd.DataFrame, path: str | os.PathLike, *, fingerprint: str, lang: str = "en") -> Path:
    """Write the review as ``review.xlsx``: the ``review`` sheet (one row per change), ``about`` and ``help``.

    The header row holds the column codes (:data:`REVIEW_COLUMNS`), so that the
    workbook reads back in any language; ``about`` keeps the fingerprint of the
    dataset the review was made from, which :func:`apply_review` checks.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> review = review_responses(eg.datasets.tiny(), [], secret=None)
    >>> path = write_review(review, pathlib.Path(tempfile.mkdtemp()) / "review.xlsx", fingerprint="0" * 16)
    >>> read_review(path)[1]["fingerprint"]
    '0000000000000000'
    """
    check_language(lang)
    wb = Workbook()
    ws = wb.active
    ws.title = "review"
    for c, name in enumerate(REVIEW_COLUMNS, start=1):
        set_cell(ws, 1, c, name)
        ws.cell(row=1, column=c).font = Font(bold=True)
    for r, row in enumerate(review[list(REVIEW_COLUMNS)].itertuples(index=False), start=2):
        for c, value in enumerate(row, start=1):
            set_cell(ws, r, c, value if value != "" else None)
        fill = _FILLS.get(row.change)
        if fill:
            ws.cell(row=r, column=4).fill = PatternFill("solid", fgColor=fill)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for c, name in enumerate(REVIEW_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = _WIDTHS.get(name, 14)
    accept = get_column_letter(len(REVIEW_COLUMNS))
    choice = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
    ws.add_data_validation(choice)
    choice.add(f"{accept}2:{accept}{max(len(review) + 1, 2)}")
    about = wb.create_sheet("about")
    for r, (key, value) in enumerate((("field", "value"), ("fingerprint", fingerprint), ("rows", len(review))), start=1):
        set_cell(about, r, 1, key)
        set_cell(about, r, 2, value)
    help_ = wb.create_sheet("help")
    for r, key in enumerate(("accept", *REVIEW_COLUMNS), start=1):
        set_cell(help_, r, 1, key if r > 1 else word("invite.review_rules_head", lang))
        set_cell(help_, r, 2, word(f"invite.review.{key}", lang))
    help_.column_dimensions["B"].width = 120
    wb.save(path)
    return Path(path)


def read_review(path: str | os.PathLike) -> tuple[pd.DataFrame, dict[str, str]]:
    """A checked ``review.xlsx``: its rows (every cell as text) and its ``about`` fields; :class:`ReviewError` if damaged.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "other.xlsx"
    >>> openpyxl.Workbook().save(path)
    >>> read_review(path)
    Traceback (most recent call last):
    ...
    ecograph.interop.merge.ReviewError: ...other.xlsx: not a review workbook of ecograph merge (sheets missing)
    """
    tables, problems = read_sheets(path, ["review", "about"])
    if problems or "review" not in tables or "about" not in tables:
        raise ReviewError(f"{path}: not a review workbook of ecograph merge ({'; '.join(map(str, problems[:3])) or 'sheets missing'})")
    missing = [c for c in REVIEW_COLUMNS if c not in tables["review"].columns and c not in _LATER_COLUMNS]
    if missing:
        raise ReviewError(f"{path}: the review sheet lacks the columns {', '.join(missing)}")
    rows = [{c: str(row.cells.get(c) or "").strip() for c in REVIEW_COLUMNS} for row in tables["review"].rows]
    about = {str(row.cells.get("field") or ""): str(row.cells.get("value") or "") for row in tables["about"].rows}
    return pd.DataFrame(rows, columns=list(REVIEW_COLUMNS)), about


def apply_review(eco: Any, review: pd.DataFrame, *, fingerprint: str | None = None) -> tuple[SimpleNamespace, dict[str, int]]:
    """The dataset with the accepted changes of a review, and how many of each kind were applied.

    Rows whose ``change`` is ``rejected``, ``tie_still_true`` or ``comment``
    are never applied. With ``fingerprint`` (the review's), a dataset that
    changed since the review was made is refused with :class:`ReviewError`.

    Returns
    -------
    (namespace, dict)
        Tables as :func:`ecograph.io.write_dataset` writes them (``actors``,
        ``people``, ``affiliations``, ``ties``, ``vocabulary``, ``metadata``)
        and counts keyed by change.

    Examples
    --------
    >>> import ecograph as eg
    >>> review = pd.DataFrame([dict.fromkeys(REVIEW_COLUMNS, "")])
    >>> review.loc[0, ["response", "actor", "subject", "declared_on", "change", "field", "new", "accept"]] = [
    ...     "response-loner.json", "loner", "loner", "2027-01-10", "field", "founded", "2015", "yes"]
    >>> new, counts = apply_review(eg.datasets.tiny(), review)
    >>> new.actors.loc["loner", ["founded", "declared_by"]].tolist(), counts["field"]
    (['2015', 'loner'], 1)
    """
    if fingerprint is not None and fingerprint != dataset_fingerprint(eco):
        raise ReviewError("the dataset has changed since this review was made: make the review again from the current dataset")
    accepted = review[review["accept"].str.strip().str.lower().isin(_ACCEPTED)]
    actors = eco.actors.copy().astype(object)
    ties = eco.ties.copy().astype(object)
    for col in ("declared_by", "declared_on"):
        if col not in actors.columns:
            actors[col] = None
    counts = dict.fromkeys(("field", "new_actor", "new_tie", "confirmed_tie", "confirm_tie", "ended_tie", "wrong_tie", "skipped"), 0)
    voc = _apply_new_types(eco.vocabulary, accepted[accepted["change"] == "new_type"], counts)
    _apply_new_actors(eco, actors, accepted[accepted["change"] == "new_actor"], counts)
    _apply_fields(actors, accepted[accepted["change"] == "field"], counts)  # a new actor's other fields too
    ties = _apply_known_ties(ties, accepted, counts)
    ties = _apply_new_ties(voc, actors, ties, accepted[accepted["change"] == "new_tie"], counts)
    out = SimpleNamespace(actors=actors, people=eco.people, affiliations=eco.affiliations, ties=ties, vocabulary=voc, metadata=eco.metadata)
    return out, counts


def _provenance(response: str, on: str, what: str = "", interview: str = "") -> str:
    """Where a change comes from, in the data: the response file, the day it was answered, its interview (no words of any language)."""
    return f"{what}{response} ({on}; {interview})" if interview else f"{what}{response} ({on})"


def _apply_fields(actors: pd.DataFrame, rows: pd.DataFrame, counts: dict[str, int]) -> None:
    for r in rows.itertuples(index=False):
        if r.subject not in actors.index or r.field not in _FIELDS:
            counts["skipped"] += 1
            continue
        actors.at[r.subject, r.field] = r.new or None
        note = _provenance(r.response, r.declared_on, interview=r.interview)
        source = str(actors.at[r.subject, "source"])
        if note not in source:
            actors.at[r.subject, "source"] = f"{source}; {note}"
        actors.at[r.subject, "declared_by"], actors.at[r.subject, "declared_on"] = r.actor or None, r.declared_on
        counts["field"] += 1


def _apply_new_actors(eco: Any, actors: pd.DataFrame, rows: pd.DataFrame, counts: dict[str, int]) -> None:
    for r in rows.itertuples(index=False):
        if r.partner in actors.index or not eco.vocabulary.is_valid("kind", r.new) or not r.partner_name:
            counts["skipped"] += 1
            continue
        actors.loc[r.partner] = None
        actors.loc[r.partner, ["name", "kind", "source", "declared_by", "declared_on"]] = [
            r.partner_name, r.new, _provenance(r.response, r.declared_on, interview=r.interview), r.actor or None, r.declared_on
        ]  # fmt: skip
        counts["new_actor"] += 1


def _tie_rows(ties: pd.DataFrame, actor: str, partner: str, kind: str) -> pd.Index:
    pair = ((ties["source"] == actor) & (ties["target"] == partner)) | ((ties["source"] == partner) & (ties["target"] == actor))
    return ties.index[pair & (ties["type"] == kind)]


def _apply_known_ties(ties: pd.DataFrame, accepted: pd.DataFrame, counts: dict[str, int]) -> pd.DataFrame:
    drop: list = []
    if "confirmed_by" not in ties.columns:
        ties["confirmed_by"] = None
    for r in accepted[accepted["change"].isin(["ended_tie", "wrong_tie", "confirm_tie"])].itertuples(index=False):
        found = _tie_rows(ties, r.subject, r.partner, r.type)
        if found.empty:
            counts["skipped"] += 1
            continue
        if r.change == "wrong_tie":
            drop += list(found[:1])
        elif r.change == "confirm_tie":
            i = found[0]
            ties.loc[i, ["status", "confirmed_by"]] = ["confirmed", r.actor]
            ties.loc[i, "evidence"] = f"{ties.loc[i, 'evidence']}; {_provenance(r.response, r.declared_on)}"
        else:
            i = found[0]
            ties.loc[i, ["end", "declared_by", "declared_on"]] = [r.end, r.actor, r.declared_on]
            ties.loc[i, "evidence"] = f"{ties.loc[i, 'evidence']}; {_provenance(r.response, r.declared_on, 'end: ')}"
        counts[r.change] += 1
    return ties.drop(index=drop).reset_index(drop=True)


def _apply_new_types(voc: Vocabulary, rows: pd.DataFrame, counts: dict[str, int]) -> Vocabulary:
    """The vocabulary with the accepted new tie types (those of interviews that the dataset does not have)."""
    terms = []
    for r in rows.itertuples(index=False):
        if voc.is_valid("type", r.type) or not SLUG_PATTERN.match(r.type):
            counts["skipped"] += 1
            continue
        terms.append(Term(r.type, r.new, r.direction == "directed"))
        counts["new_type"] = counts.get("new_type", 0) + 1
    return voc.extended({"type": terms}) if terms else voc


def _apply_new_ties(voc: Vocabulary, actors: pd.DataFrame, ties: pd.DataFrame, rows: pd.DataFrame, counts: dict[str, int]) -> pd.DataFrame:
    groups: dict[tuple, list] = defaultdict(list)
    for r in rows.itertuples(index=False):
        if r.subject not in actors.index or r.partner not in actors.index or not voc.is_valid("type", r.type):
            counts["skipped"] += 1
            continue
        source, target = (r.partner, r.subject) if r.direction == "in" else (r.subject, r.partner)
        groups[_tie_key(source, target, r.type, voc.is_directed(r.type))].append((r, source, target))
    new = [_new_tie(items, counts) for items in groups.values()]
    if not new:
        return ties
    return pd.concat([ties, pd.DataFrame(new)], ignore_index=True)


def _new_tie(items: list[tuple], counts: dict[str, int]) -> dict[str, Any]:
    """One new tie from the accepted rows that declare it: ``confirmed`` when both of its actors did, else ``declared``.

    A tie from a workbook (no one declared it) keeps the workbook's status and evidence.
    """
    items.sort(key=lambda x: (x[0].declared_on, x[0].response))
    first, source, target = items[0]
    declarers = list(dict.fromkeys(x[0].actor for x in items if x[0].actor))
    starts = sorted(x[0].start for x in items if x[0].start)
    said = [x[0].new for x in items if x[0].new]  # a workbook's evidence, an interview's own reference
    evidence = "; ".join(dict.fromkeys([*said, *(_provenance(x[0].response, x[0].declared_on) for x in items if not x[0].interview)]))
    both = {source, target} <= set(declarers)
    status = "confirmed" if both else "declared" if declarers else (first.status or "stated")
    counts["confirmed_tie" if both else "new_tie"] += 1
    interviews = list(dict.fromkeys(x[0].interview for x in items if x[0].interview))
    heard = {"interview": "; ".join(interviews), "perceived": "yes" if all(x[0].perceived == "yes" for x in items) else "no"}
    return {
        "source": source, "target": target, "type": first.type, "start": starts[0] if starts else None,
        "end": next((x[0].end for x in items if x[0].end), None), "evidence": evidence, "status": status,
        "declared_by": declarers[0] if declarers else None, "declared_on": first.declared_on,
        "confirmed_by": next((d for d in declarers if d != declarers[0]), None) if both else None,
        **(heard if interviews else {}),
    }  # fmt: skip


# ---- a filled gaps workbook (or collection template) ----------------------------------------------


def _workbook_rows(eco: Any, path: Path, _secret: Any, _fingerprint: str, _names: dict[str, str]) -> list[dict]:
    """Every row of the review for a filled workbook (``gaps.xlsx``, ``ecograph template --from``): what differs from the dataset.

    A workbook is signed by no one: its rows have no ``actor`` (declared_by)
    and are dated by the file's modification day. Actors' fields, new actors
    and new ties are read; a tie or an actor left out of the workbook is not
    a removal (``gaps.xlsx`` of a large dataset holds only the actors with a
    gap), and people and affiliations are not read.
    """
    file = path.name
    try:
        filled = load(path, on_error="collect")
        on = _dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    except (EcographError, OSError, ValueError) as exc:
        return [_refused_row(file, "", "", _Refused("bad_workbook", _shown(str(exc), 200)))]
    rows = [
        _refused_row(file, "", on, _Refused("invalid_row", _shown(f"{r.table}, row {r.row}: {r.reasons}", 200)))
        for r in filled.rejected.itertuples(index=False)
    ]
    rows += _workbook_actor_rows(eco, filled, file, on) + _workbook_tie_rows(eco, filled, file, on)
    return rows or [_row(file, "", on, "nothing", reason="no_change")]


def _workbook_actor_rows(eco: Any, filled: Any, file: str, on: str) -> list[dict]:
    rows = []
    for actor in filled.actors.index:
        new_actor = actor not in eco.actors.index
        if new_actor:
            name, kind = str(filled.actors.at[actor, "name"]), str(filled.actors.at[actor, "kind"])
            try:
                _check_text(name, limit=MAX_NAME)
            except _Refused as refused:
                rows.append(_refused_row(file, "", on, refused, subject=actor, field="name"))
                continue
            rows.append(
                _row(
                    file,
                    "",
                    on,
                    "new_actor",
                    subject=actor,
                    field="kind",
                    new=kind,
                    partner=actor,
                    partner_name=name,
                    reason="workbook_actor",
                )
            )
        for field, _kind in FICHE_FIELDS:
            if new_actor and field in ("name", "kind"):
                continue
            value = filled.actors.at[actor, field] if field in filled.actors.columns else None
            new = "" if is_missing(value) else str(value)
            old = "" if new_actor else _current(eco, actor, field)
            if new == old:
                continue
            try:
                _check_field_value(eco, field, _check_text(new, limit=MAX_NAME if field == "name" else MAX_TEXT))
            except _Refused as refused:
                rows.append(_refused_row(file, "", on, refused, subject=actor, field=field))
                continue
            reason = "emptied" if not new else "gap_filled" if not old else "workbook_change"
            rows.append(_row(file, "", on, "field", subject=actor, field=field, old=old, new=new, reason=reason))
    return rows


def _workbook_tie_rows(eco: Any, filled: Any, file: str, on: str) -> list[dict]:
    voc = eco.vocabulary
    known = {_tie_key(s, t, k, voc.is_directed(k)) for s, t, k in eco.ties[["source", "target", "type"]].itertuples(index=False)}
    names = {**filled.actors["name"].astype(str).to_dict(), **eco.actors["name"].astype(str).to_dict()}
    rows = []
    for t in filled.ties.itertuples(index=False):
        if _tie_key(t.source, t.target, t.type, voc.is_directed(t.type)) in known:
            continue
        values = {k: "" if is_missing(getattr(t, k, None)) else str(getattr(t, k)) for k in ("start", "end", "evidence", "status")}
        try:
            if not voc.is_valid("type", t.type):
                raise _Refused("bad_code", _shown(str(t.type)))
            _check_text(values["evidence"])
        except _Refused as refused:
            rows.append(_refused_row(file, "", on, refused, subject=t.source, partner=t.target))
            continue
        rows.append(
            _row(
                file, "", on, "new_tie", subject=t.source, partner=t.target, partner_name=names.get(t.target, ""), type=t.type,
                direction="out", start=values["start"], end=values["end"], new=values["evidence"], status=values["status"] or "stated",
                reason="workbook_tie",
            )
        )  # fmt: skip
    return rows


# ---- interviews: a dataset folder of ecograph import-netcanvas, or a Network Canvas export ------------

_INTERVIEW_FILES = (".zip", ".graphml")
_EXPORT_FILES = ("*_ego.csv", "*_attributeList_*.csv", "*_edgeList_*.csv", "*.graphml")  # a Network Canvas export's
_INTERVIEW_COLUMNS = ("interview", "declared_by", "declared_on")


def is_interview_source(path: str | os.PathLike) -> bool:
    """Whether ``ecograph merge`` reads ``path`` as interviews rather than as response files.

    Interviews are a dataset folder that ``ecograph import-netcanvas`` wrote
    (it holds ``ties.csv``), or a Network Canvas export: a zip, a GraphML
    file, or a folder holding its CSV files (``*_ego.csv``,
    ``*_attributeList_*.csv``, ``*_edgeList_*.csv``) or GraphML files.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> is_interview_source(folder), is_interview_source(folder / "export.zip"), is_interview_source(folder / "response-a.json")
    (False, True, False)
    >>> _ = (folder / "ties.csv").write_text("source,target,type\\n", encoding="utf-8")
    >>> is_interview_source(folder)
    True
    """
    path = Path(path)
    if path.is_dir():
        return (path / "ties.csv").is_file() or any(next(path.rglob(p), None) for p in _EXPORT_FILES)
    return path.suffix.lower() in _INTERVIEW_FILES


def read_interviews(path: str | os.PathLike) -> Any:
    """The interviews of ``path`` as a dataset of declared ties, read whole or refused whole.

    A dataset folder must be one that ``ecograph import-netcanvas`` wrote:
    valid, its ties carrying ``interview``, ``declared_by`` and
    ``declared_on``. Anything else is read as a Network Canvas export
    (:func:`ecograph.interop.netcanvas.read_netcanvas`).

    Raises
    ------
    SchemaError
        Listing what cannot be read; nothing of the interviews is reviewed then.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "actors.csv").write_text("id,name,kind,source\\na,A,initiative,s\\nb,B,initiative,s\\n", encoding="utf-8")
    >>> _ = (folder / "ties.csv").write_text("source,target,type,evidence\\na,b,partnership,s\\n", encoding="utf-8")
    >>> try:
    ...     read_interviews(folder)
    ... except SchemaError as exc:
    ...     print(exc.problems[0].message)
    not interviews imported by ecograph import-netcanvas: the column interview is missing
    """
    path = Path(path)
    if not (path.is_dir() and (path / "ties.csv").is_file()):
        return read_netcanvas(path)
    imported = load(path)
    lacking = [c for c in _INTERVIEW_COLUMNS if c not in imported.ties.columns]
    if lacking:
        message = f"not interviews imported by ecograph import-netcanvas: the column {lacking[0]} is missing"
        hint = "Give the folder that ecograph import-netcanvas wrote, or the Network Canvas export itself"
        raise SchemaError([Problem("ties", str(path / "ties.csv"), None, lacking[0], None, message, hint)])
    return imported


def _text(value: Any) -> str:
    return "" if is_missing(value) else str(value).strip()


class _Interviews:
    """The review rows of interviews; the actors and tie types they add keep one id across the sources of one review."""

    def __init__(self, eco: Any, names: dict[str, str]) -> None:
        self.eco, self.names = eco, names
        self.new_ids: dict[str, str] = {}  # folded name -> id of an actor the interviews add
        self.taken = set(map(str, eco.actors.index))
        self.existing = {_fold(str(n)): str(n) for n in eco.actors["name"] if not is_missing(n)}
        self.types: dict[str, _Refused | None] = {}  # tie types the interviews add: None, or why they cannot be

    def rows(self, path: Path) -> list[dict]:
        """Every row of the review for one source of interviews: its new actors, tie types and ties, and what is refused."""
        imported = read_interviews(path)
        source = _Source(self, imported, path.name)
        for t in imported.ties.to_dict("records"):
            source.tie(t)
        leftovers = getattr(imported, "rejected", None)
        for r in [] if leftovers is None else leftovers.to_dict("records"):
            detail = _shown(f"{r.get('file', '')}, row {r.get('row', '')}: {r.get('reasons', '')}", 200)
            source.rows.append(_refused_row(source.file, "", "", _Refused("invalid_row", detail)))
        return source.rows or [_row(source.file, "", "", "nothing", reason="no_change")]


class _Source:
    """One source of interviews being reviewed: its actors matched to the dataset's, once each."""

    def __init__(self, shared: _Interviews, imported: Any, file: str) -> None:
        self.shared, self.imported, self.file = shared, imported, file
        self.rows: list[dict] = []
        self.found: dict[str, tuple[str, str] | _Refused] = {}  # imported id -> (dataset id, name said), or why not
        self.org_of: dict[str, str] = {}  # the person interviewed -> their organisation (its first affiliation)
        for person, actor in imported.affiliations.reindex(columns=["person", "actor"]).itertuples(index=False):
            self.org_of.setdefault(str(person), str(actor))

    def tie(self, t: dict) -> None:
        """The row of one declared tie: its declarer is the ego's organisation, its ends the dataset's actors or new ones."""
        at = {"interview": _text(t.get("interview")), "on": _text(t.get("declared_on"))[:10], "actor": ""}
        try:
            by = _text(t.get("declared_by"))
            org = self.org_of.get(by, by if by in self.imported.actors.index else "")
            at["actor"] = self.end(org, at)[0] if org else ""
            source, target = self.end(_text(t["source"]), at), self.end(_text(t["target"]), at)
            kind = self.tie_type(_text(t["type"]))
            if source[0] == target[0]:
                raise _Refused("self_tie", _shown(f"{source[1]} = {target[1]}"))
            evidence = _check_text(_text(t.get("evidence")))
            start, end = (_check_text(_text(t.get(k)), limit=10) for k in ("start", "end"))
        except _Refused as refused:
            self.rows.append(_refused_row(self.file, at["actor"], at["on"], refused, interview=at["interview"]))
            return
        perceived = _text(t.get("perceived"))
        self.rows.append(
            _row(
                self.file, at["actor"], at["on"], "new_tie", subject=source[0], partner=target[0], partner_name=target[1], type=kind,
                direction="out", start=start, end=end, new=evidence, status="declared", interview=at["interview"],
                perceived=perceived if perceived in ("yes", "no") else "", reason="perceived_tie" if perceived == "yes" else "interview_tie",
            )
        )  # fmt: skip

    def end(self, ident: str, at: dict) -> tuple[str, str]:
        """The dataset's id of an actor of the interviews (by id, else by name, else a new actor proposed once), and its name."""
        if ident not in self.found:
            try:
                self.found[ident] = self._match(ident, at)
            except _Refused as refused:
                self.found[ident] = refused
        found = self.found[ident]
        if isinstance(found, _Refused):
            raise found
        return found

    def _match(self, ident: str, at: dict) -> tuple[str, str]:
        shared, actors = self.shared, self.imported.actors
        if ident not in actors.index:
            raise _Refused("unknown_actor", _shown(ident))
        name = _check_text(_text(actors.at[ident, "name"]) or ident, limit=MAX_NAME)
        folded = _fold(name)
        if ident in shared.eco.actors.index:
            return ident, name
        if folded in shared.names:
            return shared.names[folded], name
        if folded in shared.new_ids:
            return shared.new_ids[folded], name
        new = shared.new_ids[folded] = _slug(name, shared.taken)
        self.rows += self._new_actor_rows(ident, new, name, {**at, "actor": at["actor"] or new})
        shared.existing.setdefault(folded, name)  # a later name close to this new one is to check too
        return new, name

    def _new_actor_rows(self, ident: str, new: str, name: str, at: dict) -> list[dict]:
        """A new actor named in an interview, and what the interview says of it (its fiche's fields)."""
        eco, actors = self.shared.eco, self.imported.actors
        kind = _text(actors.at[ident, "kind"])
        close = difflib.get_close_matches(_fold(name), list(self.shared.existing), n=1, cutoff=0.85)
        rows = [
            _row(
                self.file, at["actor"], at["on"], "new_actor", subject=new, field="kind", new=kind if eco.vocabulary.is_valid("kind", kind)
                else "initiative", partner=new, partner_name=name, interview=at["interview"], reason="close_name" if close else "new_name",
                conflict=self.shared.existing[close[0]] if close else "",
            )
        ]  # fmt: skip
        for field, kind_of in FICHE_FIELDS:
            value = _text(actors.at[ident, field]) if field in actors.columns and field not in ("name", "kind") else ""
            if not value:
                continue
            try:
                value = _check_year(value) if kind_of == "year" else _check_text(value)
                _check_field_value(eco, field, value)
            except _Refused as refused:
                rows.append(_refused_row(self.file, at["actor"], at["on"], refused, subject=new, field=field, interview=at["interview"]))
                continue
            rows.append(
                _row(self.file, at["actor"], at["on"], "field", subject=new, field=field, new=value, interview=at["interview"], reason="interview_field")
            )  # fmt: skip
        return rows

    def tie_type(self, kind: str) -> str:
        """A tie type of the dataset, or one of the interviews proposed once as a new type."""
        voc, types = self.shared.eco.vocabulary, self.shared.types
        if voc.is_valid("type", kind):
            return kind
        if kind not in types:
            term = self.imported.vocabulary.terms["type"].get(kind)
            try:
                if term is None or not SLUG_PATTERN.match(kind):
                    raise _Refused("bad_code", _shown(kind))
                description = _check_text(term.description)
                types[kind] = None
                self.rows.append(
                    _row(self.file, "", "", "new_type", field="type", type=kind, new=description, direction="directed" if term.directed else "", reason="new_type")
                )  # fmt: skip
            except _Refused as refused:
                types[kind] = refused
        if types[kind] is not None:
            raise types[kind]
        return kind
