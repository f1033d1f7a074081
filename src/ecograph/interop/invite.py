"""Fiches that keep the map alive: one self-contained HTML form per actor, to check and complete what is known of it.

:func:`write_invitations` writes, for each actor asked, a fiche
(``fiches/fiche-<id>.html``) pre-filled with what the dataset knows of it
(name, kind, sphere unless its kind has none, scope, commune, founding and
closing years, website, description) and its known ties (partner, kind,
since when, where it was read; not the ties a source only proposes or cites
as an example), with the partners the outreach worklist suggests. The actor confirms
or corrects each field, says which ties still hold, have ended or were never
true, declares new partners (picked from the ecosystem's organisations by
name, or a new name), and saves one response file (``response-<id>.json``,
downloaded in the browser). ``ecograph merge`` reads those files back
(:mod:`ecograph.interop.merge`).

Beside the fiches, ``invitations.xlsx`` holds one row per actor: its fiche's
file name, a contact column to fill in, and a ready-to-send message.

The fiche works from ``file://`` and asks nothing of any other origin: its
content-security policy is ``default-src 'none'`` with inline scripts and
styles only, and it may submit no form. Its data travel in one escaped JSON
block (:func:`ecograph.views.template.json_for_script`) and reach the page as
text only. People's names never appear: a fiche shows actors only, and the
names of the dataset's people are masked in the sources it quotes.

Attributing an answer
---------------------
Each fiche carries a token, ``HMAC-SHA256(secret, actor id + "\\n" +
fingerprint)`` (first 32 hex digits), where the fingerprint
(:func:`dataset_fingerprint`) is a digest of the actors and ties tables the
fiche was made from, and the secret 32 random bytes kept, in hex, in the
output folder's ``invite-secret.txt`` (written again, unchanged, when the
folder is written again). Only who holds the secret can make a token, so a
response file whose token does not match the actor it claims is refused by
``ecograph merge --invitations DIR``; a matching token with another
fingerprint is an answer to an older version of the dataset. Keep the
secret with the invitations, never send it.

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> table = write_invitations(eg.datasets.tiny(), out, actors=["loner", "coop"], lang="fr", secret="00" * 32)
>>> table[["actor", "fiche"]].values.tolist()
[['loner', 'fiches/fiche-loner.html'], ['coop', 'fiches/fiche-coop.html']]
>>> actor_token("00" * 32, "loner", dataset_fingerprint(eg.datasets.tiny())) == table.loc[0, "token"]
True
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ..io import set_cell
from ..outreach import outreach_worklist
from ..views.template import json_for_script, script_text, style_text
from ..vocabulary import NO_SPHERE_KINDS, NOT_ORGANISATIONS
from ..words import check_language, date, is_missing, label, section, word

__all__ = [
    "FICHE_CSP",
    "SECRET_FILE",
    "UNCLAIMED_STATUSES",
    "actor_token",
    "dataset_fingerprint",
    "fiche_html",
    "invite_secret",
    "write_invitations",
]

#: What a fiche may do: inline scripts and styles; no request anywhere, no form sent anywhere.
FICHE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"
#: Name of the file, in the invitations folder, that holds the secret of the tokens.
SECRET_FILE = "invite-secret.txt"
#: The actor's fields a fiche shows, in order: (column, kind of input).
FICHE_FIELDS = (
    ("name", "text"),
    ("kind", "select"),
    ("sphere", "select"),
    ("scope", "select"),
    ("commune", "text"),
    ("founded", "year"),
    ("closed", "year"),
    ("website", "url"),
    ("description", "text"),
)
_REQUIRED = ("name", "kind")
#: Statuses of ties that do not say the tie exists (a proposal, a citation as an example): a fiche never asks about them.
UNCLAIMED_STATUSES = ("proposed", "cited")

_BODY = """<main>
<h1 id="eg-title"></h1>
<p id="eg-intro" class="eg-intro"></p>
<p id="eg-deadline" class="eg-intro"></p>
<h2 id="eg-fields-heading"></h2>
<div id="eg-fields"></div>
<h2 id="eg-ties-heading"></h2>
<p id="eg-no-ties" class="eg-hint"></p>
<table><thead><tr id="eg-ties-head"></tr></thead><tbody id="eg-ties"></tbody></table>
<h2 id="eg-new-heading"></h2>
<p id="eg-new-hint" class="eg-hint"></p>
<datalist id="eg-names"></datalist>
<table><thead><tr id="eg-new-head"></tr></thead><tbody id="eg-new"></tbody></table>
<button id="eg-add" type="button"></button>
<h2 id="eg-comment-heading"></h2>
<textarea id="eg-comment" rows="3" maxlength="2000" style="width:100%"></textarea>
<p><button id="eg-save" type="button"></button></p>
<ul id="eg-errors"></ul>
<p id="eg-done" class="eg-done"></p>
<div id="eg-mail-box" hidden><label for="eg-mail" id="eg-mail-label"></label><textarea id="eg-mail" readonly></textarea></div>
</main>
"""


def dataset_fingerprint(eco: Any) -> str:
    """A digest (16 hex digits) of a dataset's actors and ties: another version of the data gives another fingerprint.

    Examples
    --------
    >>> import ecograph as eg
    >>> dataset_fingerprint(eg.datasets.tiny()) == dataset_fingerprint(eg.datasets.tiny())
    True
    """
    h = hashlib.sha256()
    h.update(eco.actors.reset_index().to_csv(index=False, lineterminator="\n").encode("utf-8"))
    h.update(b"\x00")
    h.update(eco.ties.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return h.hexdigest()[:16]


def actor_token(secret: str, actor: str, fingerprint: str) -> str:
    """The token of one actor's fiche: an HMAC-SHA256 of its id and the dataset's fingerprint (32 hex digits).

    Examples
    --------
    >>> len(actor_token("ab" * 32, "coop", "0123456789abcdef"))
    32
    """
    message = f"{actor}\n{fingerprint}".encode()
    return hmac.new(bytes.fromhex(secret), message, hashlib.sha256).hexdigest()[:32]


def invite_secret(folder: str | os.PathLike) -> str | None:
    """The secret kept in an invitations folder (hex), or None when it holds none or an unreadable one.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> invite_secret(folder) is None
    True
    >>> _ = (folder / SECRET_FILE).write_text("ab" * 32 + "\\n", encoding="ascii")
    >>> invite_secret(folder) == "ab" * 32
    True
    """
    path = Path(folder) / SECRET_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if re.fullmatch(r"[0-9a-f]{64}", text) else None


def _text(value: Any) -> str:
    return "" if is_missing(value) else str(value)


def _masker(eco: Any):
    """A function that hides the names of the dataset's people in a text."""
    people = getattr(eco, "people", None)
    names = [] if people is None or "name" not in people.columns else [str(n) for n in people["name"] if not is_missing(n)]
    names = sorted({n for n in names if len(n) >= 3}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE) if names else None

    def mask(text: str, lang: str) -> str:
        return pattern.sub(word("common.hidden_person", lang), text) if pattern else text

    return mask


def _field_data(eco: Any, actor: str, lang: str) -> list[dict]:
    row = eco.actors.loc[actor]
    voc = eco.vocabulary
    out = []
    for name, kind in FICHE_FIELDS:
        if name == "sphere" and row["kind"] in NO_SPHERE_KINDS:
            continue  # an institution, a funder, a school... is never asked for a sphere
        value = _text(row.get(name)) if name in row.index else ""
        entry = {"name": name, "kind": kind, "label": word(f"invite.field.{name}", lang), "value": value, "required": name in _REQUIRED}
        entry["shown"] = value
        if kind == "select":
            entry["options"] = [[code, label(name, code, lang)] for code in voc.codes(name)]
            entry["shown"] = label(name, value, lang) if value else ""
        out.append(entry)
    return out


def _tie_data(eco: Any, actor: str, lang: str, mask) -> list[dict]:
    ties = eco.ties
    mine = ties[((ties["source"] == actor) | (ties["target"] == actor)) & ~ties["status"].isin(UNCLAIMED_STATUSES)]
    names = eco.actors["name"]
    out = []
    for _, t in mine.iterrows():
        partner = t["target"] if t["source"] == actor else t["source"]
        out.append(
            {
                "partner": partner,
                "partner_name": _text(names.get(partner)),
                "type": t["type"],
                "type_label": label("type", t["type"], lang),
                "start": _text(t.get("start")),
                "source": mask(_text(t.get("evidence")), lang),
            }
        )
    return out


def _organisations(eco: Any, actor: str) -> list[list[str]]:
    actors = eco.actors
    kept = actors[~actors["kind"].isin(NOT_ORGANISATIONS) & (actors.index != actor)]
    return sorted(([str(i), _text(n)] for i, n in kept["name"].items()), key=lambda o: o[1].lower())


def _suggested(worklist: pd.DataFrame | None, actor: str) -> list[str]:
    if worklist is None or actor not in worklist.index:
        return []
    row = worklist.loc[actor]
    cols = [c for c in worklist.columns if re.fullmatch(r"introducer_\d+_name", c)]
    return [str(row[c]) for c in cols if not is_missing(row[c])]


def fiche_html(data: dict, lang: str) -> str:
    """The whole fiche page: fixed parts, the package's style and script, and the one escaped JSON block of its data.

    Examples
    --------
    >>> html = fiche_html({"title": "</script><b>"}, "fr")
    >>> html.startswith('<!DOCTYPE html>\\n<html lang="fr">'), "</script><b>" in html
    (True, False)
    """
    check_language(lang)
    assets = resources.files("ecograph.interop") / "assets"
    css = (assets / "fiche.css").read_text(encoding="utf-8")
    js = (assets / "fiche.js").read_text(encoding="utf-8")
    return "".join(
        [
            "<!DOCTYPE html>\n",
            f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{FICHE_CSP}">\n',
            "<title></title>\n",
            f"<style>{style_text(css)}</style>\n</head>\n<body>\n",
            _BODY,
            '<script type="application/json" id="eg-data">',
            json_for_script(data),
            "</script>\n",
            f"<script>{script_text(js)}</script>\n</body>\n</html>\n",
        ]
    )


def _fiche_data(eco: Any, actor: str, *, lang: str, context: dict, mask, worklist) -> dict:
    name = _text(eco.actors.at[actor, "name"])
    response_file = f"response-{actor}.json"
    dataset = context["dataset"]
    return {
        "lang": lang,
        "words": section("invite", lang),
        "title": word("invite.title", lang, name=name),
        "intro": word("invite.intro", lang, dataset=dataset),
        "deadline_text": word("invite.deadline", lang, date=date(context["deadline"], lang)) if context["deadline"] else "",
        "actor": actor,
        "token": actor_token(context["secret"], actor, context["fingerprint"]),
        "fingerprint": context["fingerprint"],
        "fields": _field_data(eco, actor, lang),
        "ties": _tie_data(eco, actor, lang, mask),
        "organisations": _organisations(eco, actor),
        "types": [[code, label("type", code, lang)] for code in eco.vocabulary.codes("type")],
        "directed": [code for code in eco.vocabulary.codes("type") if eco.vocabulary.is_directed(code)],
        "suggested": _suggested(worklist, actor),
        "response_file": response_file,
        "mail": word("invite.mail", lang, name=name, file=response_file, dataset=dataset),
    }


def _chosen(eco: Any, actors: str | Iterable[str] | None, worklist: pd.DataFrame | None) -> list[str]:
    if actors is None or actors == "worklist":
        return [str(a) for a in (worklist.index if worklist is not None else [])]
    if actors == "all":
        return [str(a) for a in eco.actors.index]
    chosen = [actors] if isinstance(actors, str) else list(actors)
    unknown = [a for a in chosen if a not in eco.actors.index]
    if unknown:
        raise ValueError(f"no actor with id {', '.join(map(repr, unknown[:5]))} in the dataset")
    return list(dict.fromkeys(chosen))


def write_invitations(
    eco: Any,
    folder: str | os.PathLike,
    *,
    actors: str | Iterable[str] | None = "worklist",
    lang: str = "en",
    deadline: str | None = None,
    contact: str | None = None,
    secret: str | None = None,
    worklist: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Write one fiche per actor, ``invitations.xlsx`` and the secret of the tokens into ``folder``.

    Parameters
    ----------
    eco : Ecosystem
    folder : path-like
        Where to write (a folder chosen through :func:`ecograph.outputs.output_folder`).
    actors : "worklist", "all" or iterable of actor ids, default "worklist"
        The actors of the outreach worklist (:func:`ecograph.outreach_worklist`), every actor, or those given.
    lang : {"en", "fr"}
    deadline : str, optional
        An ISO date, shown in the fiches and the messages.
    contact : str, optional
        Where to send the answers (an e-mail address), written in the messages.
    secret : str, optional
        64 hex digits; default: new random ones.
    worklist : DataFrame, optional
        The worklist, when already computed (its introducers are the suggested partners).

    Returns
    -------
    DataFrame
        One row per actor: ``actor``, ``name``, ``fiche`` (relative path), ``token``.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> write_invitations(eg.datasets.tiny(), out, actors="worklist", lang="en")["actor"].tolist()
    ['loner', 'city']
    >>> sorted(p.name for p in out.iterdir())
    ['fiches', 'invitations.xlsx', 'invite-secret.txt']
    """
    check_language(lang)
    out = Path(folder)
    secret = secret or secrets.token_hex(32)
    if worklist is None and actors != "all":
        worklist = outreach_worklist(eco) if actors in (None, "worklist") else outreach_worklist(eco, actors=_chosen(eco, actors, None))
    chosen = _chosen(eco, actors, worklist)
    metadata = getattr(eco, "metadata", None)
    dataset = (getattr(metadata, "title", None) if metadata else None) or word("invite.the_map", lang)
    context = {"dataset": dataset, "deadline": deadline or "", "secret": secret, "fingerprint": dataset_fingerprint(eco)}
    mask = _masker(eco)
    (out / "fiches").mkdir(parents=True, exist_ok=True)
    rows = []
    for actor in chosen:
        data = _fiche_data(eco, actor, lang=lang, context=context, mask=mask, worklist=worklist)
        fiche = f"fiches/fiche-{actor}.html"
        (out / fiche).write_text(fiche_html(data, lang), encoding="utf-8")
        rows.append({"actor": actor, "name": _text(eco.actors.at[actor, "name"]), "fiche": fiche, "token": data["token"]})
    (out / SECRET_FILE).write_text(secret + "\n", encoding="ascii")
    table = pd.DataFrame(rows, columns=["actor", "name", "fiche", "token"])
    _write_workbook(table, out / "invitations.xlsx", lang=lang, dataset=dataset, deadline=deadline, contact=contact)
    return table


def _write_workbook(table: pd.DataFrame, path: Path, *, lang: str, dataset: str, deadline: str | None, contact: str | None) -> None:
    """``invitations.xlsx``: one row per actor, its fiche, a contact to fill in, a subject and a message ready to send."""
    wb = Workbook()
    ws = wb.active
    ws.title = word("invite.sheet", lang)
    heads = ["actor", "name", "fiche", "contact", "subject", "message"]
    for c, key in enumerate(heads, start=1):
        set_cell(ws, 1, c, word(f"invite.head.{key}", lang))
        ws.cell(row=1, column=c).font = Font(bold=True)
    when = word("invite.message_deadline", lang, date=date(deadline, lang)) if deadline else ""
    to = contact or word("invite.message_contact", lang)
    for r, row in enumerate(table.itertuples(index=False), start=2):
        fiche = Path(row.fiche).name
        message = word("invite.message", lang, dataset=dataset, name=row.name, fiche=fiche, contact=to, deadline=when)
        values = [row.actor, row.name, fiche, "", word("invite.subject", lang, name=row.name), message]
        for c, value in enumerate(values, start=1):
            set_cell(ws, r, c, value)
        ws.cell(row=r, column=6).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (28, 32, 34, 30, 45, 90)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    wb.save(path)
