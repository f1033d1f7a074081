"""The dataset schema: tables, their columns, and what a valid cell is.

The schema is declared once here. Validation (:mod:`ecograph.validation`)
reads it, and so does :func:`schema_markdown`, which writes the
documentation for the people who fill in the spreadsheets, so the two
cannot drift apart.

Examples
--------
>>> from ecograph.schema import TABLES
>>> [c.name for c in TABLES["ties"].columns if c.required]
['source', 'target', 'type', 'evidence']
>>> TABLES["people"].optional
True
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocabulary import Vocabulary, default_vocabulary
from .words import LANGUAGES

__all__ = [
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_TABLE_CELLS",
    "MAX_XLSX_RATIO",
    "MAX_XLSX_UNCOMPRESSED_BYTES",
    "METADATA_FIELDS",
    "METADATA_LANGUAGES",
    "TABLES",
    "TABLE_ORDER",
    "Column",
    "Table",
    "schema_markdown",
]

#: Column types understood by the validator.
#:
#: ``slug``      lower-case identifier: letters, digits, ``-``, ``_``, ``.``
#: ``text``      free text
#: ``year``      a year, 1000-2999
#: ``when``      a year (``2016``), a month (``2016-03``) or an ISO date (``2016-03-01``)
#: ``float``     a decimal number (``.`` or ``,`` as decimal separator)
#: ``url``       a web address starting with http:// or https://
#: ``vocab``     a code of the vocabulary named by ``Column.vocab``
#: ``ref``       the id of a row of the table named by ``Column.ref``
#: ``language``  a language code ecograph writes: ``en`` or ``fr`` (metadata)
#: ``period``    a year (``2018``) or two years joined by a dash (``2016-2018``) (metadata)
#: ``counts``    codes with a whole number each, ``code=number`` separated by ``;`` (metadata)
TYPES = ("slug", "text", "year", "when", "float", "url", "vocab", "ref", "language", "period", "counts")


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Examples
    --------
    >>> TABLES["actors"].column("lat").maximum
    90
    """

    name: str
    type: str
    description: str
    required: bool = False
    vocab: str | None = None
    ref: str | None = None
    example: str = ""
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Table:
    """One table (a CSV file or a workbook sheet).

    Examples
    --------
    >>> TABLES["actors"].required_columns
    ['id', 'name', 'kind', 'source']
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    optional: bool = False
    key: str | None = None

    @property
    def required_columns(self) -> list[str]:
        """Columns that must be present and filled in."""
        return [c.name for c in self.columns if c.required]

    @property
    def column_names(self) -> list[str]:
        """Every column of the schema, in order."""
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


_SOURCE = "Where this fact comes from: a document and its section, an interview, a web page and the date it was read."

TABLES: dict[str, Table] = {
    "actors": Table(
        name="actors",
        description="One row per structure, initiative, institution, school, company, platform, funder, fund, place, event or programme.",
        key="id",
        columns=(
            Column("id", "slug", "Unique, stable identifier. Never change it once ties use it.", True, example="coursive-boutaric"),
            Column("name", "text", "Name as the actor writes it.", True, example="La Coursive Boutaric"),
            Column("kind", "vocab", "What sort of actor it is.", True, vocab="kind", example="place"),
            Column(
                "sphere",
                "vocab",
                "Sphere of the collaborative economy; leave empty when it does not apply or is unknown.",
                vocab="sphere",
                example="production",
            ),
            Column("scope", "vocab", "Where the actor acts.", vocab="scope", example="local"),
            Column("founded", "year", "Year it was founded or first held.", example="2012"),
            Column("closed", "year", "Year it closed or last took place; empty while active.", example=""),
            Column("commune", "text", "Municipality of its main address.", example="Dijon"),
            Column("lat", "float", "Latitude in decimal degrees (WGS 84).", minimum=-90, maximum=90, example="47.3235"),
            Column("lon", "float", "Longitude in decimal degrees (WGS 84).", minimum=-180, maximum=180, example="5.0595"),
            Column("website", "url", "Web address.", example="https://example.org"),
            Column("description", "text", "What it does, in one or two sentences.", example=""),
            Column("source", "text", _SOURCE, True, example="Study 2018, chap. 2, key message 1"),
            Column(
                "sphere_status",
                "vocab",
                "How the sphere is known: `stated` (the source says it) or `inferred` (the source's description of the actor "
                "matches its own definition of the sphere); empty when no sphere is given or nobody checked.",
                vocab="sphere_status",
                example="stated",
            ),
            Column(
                "sphere_basis",
                "text",
                "Why this sphere: the source's own words (quoted between “ ”) and where they are; required with a `sphere_status`.",
                example="“initiative sur la consommation collaborative” (Study 2018, bibliography)",
            ),
            Column(
                "observer",
                "vocab",
                "`yes` for who made the data rather than took part in the ecosystem (a study's team, the events it ran for the "
                "study): their ties are the study's own work, kept in the files but left out of the analysis; empty otherwise.",
                vocab="yes_no",
                example="",
            ),
            Column(
                "addresses",
                "text",
                "For a `recommendation` row: the findings it answers, as codes separated by `;` (ties, fragmentation, connectors, "
                "spheres, communities, fragility, flows); the report names the recommendation beside the action each finding suggests.",
                example="ties;fragmentation",
            ),
        ),
    ),
    "people": Table(
        name="people",
        description="One row per person. People are personal data: a pseudonym is fine.",
        optional=True,
        key="id",
        columns=(
            Column("id", "slug", "Unique, stable identifier of the person.", True, example="person-01"),
            Column("name", "text", "Name or pseudonym.", example="Former PREMICE employee A"),
            Column("source", "text", _SOURCE, True, example="Interview, 2017-06-08"),
        ),
    ),
    "affiliations": Table(
        name="affiliations",
        description="One row per period during which a person was attached to an actor.",
        optional=True,
        columns=(
            Column("person", "ref", "Id of the person (people table).", True, ref="people", example="person-01"),
            Column("actor", "ref", "Id of the actor (actors table).", True, ref="actors", example="premice"),
            Column("role", "vocab", "Role of the person in the actor.", vocab="role", example="employee"),
            Column("start", "when", "Year or ISO date from which the affiliation is attested; empty if unknown.", example="2014"),
            Column("end", "when", "Year or ISO date by which it had ended; empty while it lasts or if unknown.", example="2017-09-30"),
            Column("source", "text", _SOURCE, True, example="Study 2018, chap. 2"),
        ),
    ),
    "ties": Table(
        name="ties",
        description="One row per relationship between two actors.",
        columns=(
            Column("source", "ref", "Id of the first actor (for a directed type: who acts).", True, ref="actors", example="creativ-21"),
            Column(
                "target",
                "ref",
                "Id of the second actor (for a directed type: who receives).",
                True,
                ref="actors",
                example="coursive-boutaric",
            ),
            Column(
                "type", "vocab", "Kind of relationship; the vocabulary says whether it is directed.", True, vocab="type", example="support"
            ),
            Column("start", "when", "Year or ISO date from which the tie is attested; empty if unknown.", example="2016"),
            Column("end", "when", "Year or ISO date by which it had ended; empty while it lasts.", example=""),
            Column("weight", "float", "Strength of the tie, a positive number; empty means 1.", minimum=0, example="1"),
            Column(
                "evidence",
                "text",
                "Where this tie comes from (document and section, interview...).",
                True,
                example="Study 2018, chap. 4, recommendation 1",
            ),
            Column(
                "status",
                "vocab",
                "How the tie is known: `stated` (it exists), `proposed` (someone proposes it) or `cited` (one actor is cited as an "
                "example for the other); empty counts as stated. The analysis of who works with whom uses stated ties only.",
                vocab="tie_status",
                example="stated",
            ),
            Column(
                "declared_by",
                "slug",
                "For a `declared` tie: who declared it, the id of the person (people table) or of the actor who answered the survey.",
                example="respondent-r01",
            ),
            Column("declared_on", "when", "For a `declared` tie: when it was declared (the date of the interview).", example="2026-03-02"),
        ),
    ),
}

#: Fields of the ``metadata`` table (``metadata.csv`` or a ``metadata`` sheet): one row per field,
#: columns ``field`` and ``value``. Every field is optional: one left out is unknown.
METADATA_FIELDS: tuple[Column, ...] = (
    Column("title", "text", "Title of the dataset; reports made from it take it as their title.", example="Collaborative economy in Dijon"),
    Column("territory", "text", "Territory mapped, as its people name it.", example="Dijon Métropole"),
    Column("period", "period", "Year the data describe, or two years joined by a dash.", example="2018"),
    Column(
        "language", "language", "Language of the people the dataset is for: reports are written in it unless asked otherwise.", example="fr"
    ),
    Column(
        "source", "text", "Where the data come from: the full reference of the study, survey or files.", example="Study 2018, final report"
    ),
    Column(
        "licence",
        "text",
        "Terms under which the data may be reused (a licence name such as CC BY 4.0); say `unknown` when nobody knows.",
        example="CC BY 4.0",
    ),
    Column("description", "text", "What the dataset covers and what it leaves out, in a few sentences.", example=""),
    Column("url", "url", "Web page of the dataset or of its source.", example="https://example.org/study"),
    Column("date", "when", "When the data were collected or their source published (year, year-month or ISO date).", example="2018-02-02"),
    Column(
        "counted",
        "counts",
        "How many local structures and initiatives the source counts, by sphere, as `sphere=number` separated by `;`; "
        "the report compares it with the local ones the data name (the actors whose extra column `panorama` says `yes`, "
        "or without that column the initiatives, support structures, places, platforms, companies and funders).",
        example="consumption=23; production=18; finance=4",
    ),
    Column(
        "group",
        "text",
        "What the `sphere` column holds when the dataset's groups are its own (factions, departments, teams): the word for "
        "one of them, such as `faction`; the views, figures and report name the grouping with it. Left out, the groups "
        "are the spheres.",
        example="faction",
    ),
    Column(
        "group_gender",
        "gender",
        "Grammatical gender of `group`'s word in French, so that the French report's sentences agree with it: `f` "
        "(feminine, as *faction*) or `m` (masculine, as *département*). Left out: feminine, as *sphère*.",
        example="f",
    ),
)
#: Language codes accepted by the metadata ``language`` field: the languages ecograph writes.
METADATA_LANGUAGES: tuple[str, ...] = tuple(LANGUAGES)

#: Order in which tables are read and reported.
TABLE_ORDER: tuple[str, ...] = ("actors", "people", "affiliations", "ties")

# What ecograph reads at most. Beyond these, the file is reported as a problem
# that names it, never read partly or silently cut. A cell has no limit of its
# own: it may be as long as its file.

#: Size of one file read (a CSV file, a workbook, a JSON file): 100 MiB.
MAX_FILE_BYTES = 100 * 2**20
#: Columns of one table.
MAX_COLUMNS = 1_000
#: Cells of one table (rows × columns of its header): bounds the memory a small file can claim.
MAX_TABLE_CELLS = 10_000_000
#: What the parts of a workbook that ecograph reads may hold once uncompressed: 512 MiB.
MAX_XLSX_UNCOMPRESSED_BYTES = 512 * 2**20
#: How many times a workbook part larger than 1 MiB may be compressed (more looks like a zip bomb).
MAX_XLSX_RATIO = 100
#: How deeply lists and objects may nest in a JSON file (a uMap or Kumu file nests fewer than 10 levels).
MAX_JSON_DEPTH = 64

_TYPE_TEXT = {
    "slug": "identifier (lower-case letters, digits, `-`, `_`, `.`)",
    "text": "text",
    "year": "year (e.g. `2016`)",
    "when": "year, year-month or ISO date (`2016`, `2016-03`, `2016-03-01`)",
    "float": "number (`.` or `,` as decimal separator)",
    "url": "web address (`https://...`)",
    "vocab": "code from a list",
    "ref": "id from another table",
    "language": "`en` or `fr`",
    "period": "year, or two years joined by a dash (`2018`, `2016-2018`)",
    "counts": "codes with a whole number each (`consumption=23; finance=4`)",
    "gender": "`f` or `m`",
}


def schema_markdown(vocabulary: Vocabulary | None = None) -> str:
    """Documentation of the schema and vocabularies, as Markdown.

    This text is generated from the code; ``docs/schema.md`` is this output,
    and a test checks it is up to date (``ecograph schema`` prints it).

    Examples
    --------
    >>> text = schema_markdown()
    >>> text.splitlines()[0]
    '# ecograph dataset schema'
    >>> "| `evidence` | yes |" in text
    True
    """
    voc = vocabulary or default_vocabulary()
    out: list[str] = [
        "# ecograph dataset schema",
        "",
        "<!-- Generated by `ecograph schema` from src/ecograph/schema.py and vocabulary.py. Do not edit by hand. -->",
        "",
        "A dataset is a folder of CSV files (`actors.csv`, `people.csv`, `affiliations.csv`, `ties.csv`,",
        "and optionally `metadata.csv` and `vocabulary.csv`) or one `.xlsx` workbook with sheets of the same",
        "names. CSV files may be UTF-8 (with or without BOM), Windows-1252, or UTF-16/UTF-32 with a BOM,",
        "with `,`, `;` or a tab between cells. The first row holds the column names.",
        "Columns that are not listed here are kept as extra attributes. Row numbers in error messages",
        "are those a spreadsheet shows: the header is row 1.",
        "",
    ]
    for name in TABLE_ORDER:
        table = TABLES[name]
        status = "optional table" if table.optional else "required table"
        out += [f"## `{name}` ({status})", "", table.description, ""]
        out += ["| column | required | type | description | example |", "|---|---|---|---|---|"]
        for c in table.columns:
            kind = _TYPE_TEXT[c.type]
            if c.vocab:
                kind = f"code from [{c.vocab}](#vocabulary-{c.vocab})"
            if c.ref:
                kind = f"id from `{c.ref}`"
            if c.minimum is not None and c.maximum is not None:
                kind += f", {c.minimum:g} to {c.maximum:g}"
            elif c.minimum is not None:
                kind += f", at least {c.minimum:g}"
            req = "yes" if c.required else ""
            example = f"`{c.example}`" if c.example else ""
            out.append(f"| `{c.name}` | {req} | {kind} | {c.description} | {example} |")
        out.append("")
    out += _metadata_markdown()
    out += [
        "## Rules checked across rows",
        "",
        "- `id` is unique within `actors` and within `people`.",
        "- Every `source`/`target` of `ties` and every `actor` of `affiliations` is an actor id; every `person` is a people id.",
        "- A tie does not link an actor to itself.",
        "- `start` is not after `end`; `founded` is not after `closed`.",
        "- `lat` and `lon` are given together.",
        "- A `sphere_status` needs a `sphere`, and a `sphere_basis` that says why.",
        "- `source` (actors, people, affiliations) and `evidence` (ties) are never empty.",
        "- No cell and no column name holds a control character (other than tab and line break).",
        "",
        "## Vocabularies",
        "",
        "A dataset can add codes with a `vocabulary` table (`vocabulary.csv` or a `vocabulary` sheet)",
        "with columns `field` (one of `kind`, `sphere`, `sphere_status`, `scope`, `role`, `type`), `value`, `description`",
        "and, for tie types, `directed` (`yes`/`no`); optional `label_en` and `label_fr` give the code's short name in each",
        "language (the report and `summary.txt` name it so; without a label, the description, or the code in a list of counts).",
        "",
    ]
    for field_name in voc.fields:
        out += [f"### vocabulary: {field_name}", ""]
        if field_name == "type":
            out += ["| code | directed | meaning |", "|---|---|---|"]
            for t in voc.terms[field_name].values():
                out.append(f"| `{t.code}` | {'yes' if t.directed else 'no'} | {t.description} |")
        else:
            out += ["| code | meaning |", "|---|---|"]
            for t in voc.terms[field_name].values():
                out.append(f"| `{t.code}` | {t.description} |")
        out.append("")
    return "\n".join(out)


def _metadata_markdown() -> list[str]:
    """The section of :func:`schema_markdown` on the ``metadata`` table."""
    out = [
        "## `metadata` (optional table)",
        "",
        "What the dataset is: a small table beside the others (`metadata.csv`, or a `metadata` sheet), one row",
        "per field, with two columns: `field` (the names below) and `value`. Every field is optional: one left",
        "out, or with an empty value, is unknown. A field that is not listed here is reported, so is a field given twice.",
        "",
        "```",
        "field,value",
        "title,Collaborative economy in Dijon",
        "language,fr",
        "```",
        "",
        "| field | type | description | example |",
        "|---|---|---|---|",
    ]
    for c in METADATA_FIELDS:
        example = f"`{c.example}`" if c.example else ""
        out.append(f"| `{c.name}` | {_TYPE_TEXT[c.type]} | {c.description} | {example} |")
    out.append("")
    return out
