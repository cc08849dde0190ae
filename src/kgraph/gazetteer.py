"""The gazetteer: well-known countries, agencies, organisations, places and titles.

A :class:`Gazetteer` answers "which well-known entity is this name?" with plain
dictionary look-ups. The shipped data is read from ``kgraph/data`` on the first call
of :meth:`Gazetteer.default` (importing this module reads nothing) and cached.

Data files
----------
All files are UTF-8, one record a line; blank lines and lines starting with ``#`` are
skipped, and so is a header line starting with ``id<TAB>``.

``countries.tsv``
    ``id  canonical  aliases  demonyms  capital``, tab-separated. ``id`` is
    ``country:`` plus the ISO 3166-1 alpha-2 code (``XK`` for Kosovo); ``aliases``,
    ``demonyms`` and ``capital`` are ``|``-separated lists. The first capital is the
    capital's name, the rest its other spellings; each capital also becomes a
    ``Location`` entry ``capital:XX`` (subtype ``capital``), which gives way to any
    other entry of the same name ("Washington" is the ``loc:us-dc`` entry, "Singapore"
    the country). A capital written with a leading ``~`` ("~Victoria") is kept out of
    the name index because the name is ambiguous.
``entities.tsv``
    ``id  type  subtype  country  canonical  aliases``: ``type`` is ``Agency``,
    ``Organization`` or ``Location``; ``country`` is the ISO alpha-2 code of the
    country the entry belongs to, or empty.
``titles.txt``
    One title or role a line ("Secretary of State", "Gen.", "former").
``readings.tsv``
    ``name  id  cues``: a place name with more than one reading ("Georgia" the
    country or the US state) and, for each reading, the words of a document that point
    to it (``|``-separated, matched as whole words, case as written): see
    :meth:`Gazetteer.readings`.
``leaders.tsv``
    ``name  country  offices  aliases``: heads of state and government and their
    deputies, so that a bare title before a name ("President Obama") can be read as an
    office in a country (:func:`office_country`); the extractor links it only when the
    text names that country.

A user file given to :meth:`Gazetteer.extended` mixes two kinds of lines:

* 6 columns, as in ``entities.tsv`` (``type`` may also be ``Country`` or ``Person``):
  a new entry, or a replacement for the entry with that ``id``;
* 2 columns, ``alias<TAB>canonical-or-id``: one more name for an existing entry (or
  one defined in the same file).

User names win over shipped ones that normalise to the same key, and over every rule
of extraction and resolution: a mention whose name is in the user file is that entry
wherever it stands (:meth:`Gazetteer.user_entry`). A malformed line raises
:class:`~kgraph.FormatError` naming ``file:line``.

Matching
--------
Names are compared after :func:`normalise`: Unicode compatibility forms, accents and
curly quotes are folded, dashes become hyphens and hyphens spaces, ``&`` is ``and``,
dots are dropped (``"C.I.A."`` is ``"CIA"``), whitespace is collapsed, and a trailing
possessive (``'s``, ``s'``) is cut. A leading "the" in a query is optional; an alias
written with its article ("the Fed", "The Hill") needs the article, and the rest of
it then matches with its case as written. Names of three letters or fewer match only
with their case as written ("US" is the United States, "us" is nothing); longer names
are case-insensitive.

Examples
--------
>>> gaz = Gazetteer.default()
>>> gaz.lookup("the C.I.A.").id
'agency:cia'
>>> gaz.lookup("Russia’s").canonical
'Russia'
>>> gaz.lookup("us") is None, gaz.lookup("US").id
(True, 'country:US')
>>> gaz.lookup("Washington").type
'Location'
>>> gaz.fuzzy_country("Libva").canonical
'Libya'
>>> gaz.demonym("Russians").id
'country:RU'
>>> gaz.capital_of("Moscow").id
'country:RU'
>>> gaz.is_title("former Secretary of State"), gaz.is_title("State")
(True, False)
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Final

from kgraph._errors import DocumentNotFoundError, FormatError
from kgraph._types import ENTITY_NODE_TYPES

__all__ = ["ENTRY_TYPES", "Gazetteer", "GazetteerEntry", "normalise"]

ENTRY_TYPES: Final = frozenset(t.name for t in ENTITY_NODE_TYPES)
"""The values of :attr:`GazetteerEntry.type`: the entity types of ``kgraph._types``."""
# the types of the entries of entities.tsv (a user file may give any entry type)
_SHIPPED_ENTITY_TYPES: Final = frozenset(
    t.name for t in ENTITY_NODE_TYPES if t.gazetteer == "entities.tsv"
)

_ENTITY_COLUMNS = ("id", "type", "subtype", "country", "canonical", "aliases")
_MIN_FUZZY_LETTERS = 5
_MAX_SHORT = 3

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_SPACES = re.compile(r"\s+")
_EDGE = " \t\"',;:!?*"
_ISO2 = re.compile(r"[A-Z]{2}")


def _fold(text: str) -> str:
    """Compatibility forms, invisible characters, quotes, dashes and accents folded."""
    if text.isascii() and text.isprintable():
        return _SPACES.sub(" ", text.translate(_QUOTES)).strip()  # the common case, fast
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = "".join(
        ch
        for ch in unicodedata.normalize("NFKD", text)
        if ch in "\t\n\r"
        or (not unicodedata.combining(ch) and unicodedata.category(ch) not in ("Cf", "Cc"))
    )
    return _SPACES.sub(" ", text).strip()


def normalise(name: str) -> str:
    """The comparable form of a name, case kept (see the module docstring).

    >>> normalise("  the  U.S.’s ")
    'the US'
    >>> normalise("Al-Qaeda"), normalise("Élysée"), normalise("Bosnia & Herzegovina")
    ('Al Qaeda', 'Elysee', 'Bosnia and Herzegovina')
    """
    text = _fold(name).strip(_EDGE)
    if text.endswith(("'s", "'S")):
        text = text[:-2]
    elif text.endswith(("s'", "S'")):
        text = text[:-1]
    text = text.replace(".", "").replace("&", " and ").replace("-", " ")
    return _SPACES.sub(" ", text).strip(_EDGE)


def _split_article(text: str) -> tuple[bool, str]:
    if len(text) > 4 and text[:4].lower() == "the ":
        return True, text[4:]
    return False, text


def _is_short(text: str) -> bool:
    return len(text.replace(" ", "")) <= _MAX_SHORT


def _index_key(name: str) -> tuple[bool, str] | None:
    """How an alias is stored: (case-sensitive?, key); ``None`` if nothing is left."""
    text = normalise(name)
    article, rest = _split_article(text)
    if not rest:
        return None
    if article:
        return True, "the " + rest
    if _is_short(rest):
        return True, rest
    return False, rest.casefold()


def _query_keys(name: str) -> list[tuple[bool, str]]:
    """The keys a query may match, most specific first."""
    text = normalise(name)
    article, rest = _split_article(text)
    if not rest:
        return []
    keys: list[tuple[bool, str]] = []
    if article:
        keys.append((True, "the " + rest))
    keys.append((True, rest) if _is_short(rest) else (False, rest.casefold()))
    return keys


def _title_key(words: str) -> str:
    return _SPACES.sub(" ", _fold(words).replace(".", "").replace("-", " ")).strip().casefold()


def _osa_distance_at_most_one(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one edit (incl. one transposition)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _deletions(key: str) -> set[str]:
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One well-known entity.

    ``aliases`` are the other names it goes by (the canonical name is not repeated);
    ``country`` is the ISO alpha-2 code of the country an agency, party or place
    belongs to (a country's own code for a country).
    """

    id: str
    type: str
    canonical: str
    aliases: tuple[str, ...]
    subtype: str | None = None
    country: str | None = None
    demonyms: tuple[str, ...] = ()
    capital: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.canonical, *self.aliases)


class Gazetteer:
    """An immutable index of :class:`GazetteerEntry` by name, demonym, capital and id."""

    __slots__ = (
        "_capitals",
        "_ci",
        "_collisions",
        "_cs",
        "_demonyms",
        "_entries",
        "_fuzzy",
        "_lookups",
        "_overrides",
        "_soft",
        "_starts",
        "_title_keys",
        "_title_max",
        "_user",
        "titles",
    )

    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        titles: Iterable[str] = (),
        *,
        soft: Iterable[str] = (),
        overrides: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Index ``entries``.

        Ids in ``soft`` (the synthesised capitals) only take names nobody else has;
        ``overrides`` are ``(alias, id)`` pairs that win over any other entry.
        """
        self._entries = _entries_by_id(entries)
        self._soft = frozenset(soft)
        self._overrides = tuple(overrides)
        self._cs: dict[str, str] = {}
        self._ci: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._capitals: dict[tuple[bool, str], str] = {}
        self._fuzzy: dict[str, set[str]] = {}
        self._lookups: dict[str, str | None] = {}  # name -> entry id: the same few recur
        collisions: list[tuple[str, str, str]] = []
        for entry in self._entries.values():
            if entry.id not in self._soft:
                self._index_hard(entry, collisions)
        for entry in self._entries.values():
            if entry.id in self._soft:
                self._index_soft(entry)
        self._user = self._apply_overrides()
        self._collisions = tuple(collisions)
        # the first words of every name: a word no name starts with need not be looked up
        self._starts = frozenset(k.split(" ", 1)[0].casefold() for k in [*self._cs, *self._ci])

        self.titles: frozenset[str] = frozenset(t.strip() for t in titles if t.strip())
        self._title_keys = frozenset(k for k in map(_title_key, self.titles) if k)
        self._title_max = max((k.count(" ") + 1 for k in self._title_keys), default=0)

    # ------------------------------------------------------------------ building
    def _index_hard(self, entry: GazetteerEntry, collisions: list[tuple[str, str, str]]) -> None:
        """Index an entry's names, demonyms and (a country's) misspellings."""
        for name in entry.names:
            self._claim(name, entry.id, collisions)
        for word in entry.demonyms:
            dkey = normalise(word)
            if dkey and self._demonyms.setdefault(dkey, entry.id) != entry.id:
                collisions.append((dkey, self._demonyms[dkey], entry.id))
        if entry.type == "Country":
            self._add_fuzzy(entry)

    def _index_soft(self, entry: GazetteerEntry) -> None:
        """A synthesised capital: its names only if nobody holds its canonical name."""
        main = _index_key(entry.canonical)
        if main is not None and self._table(main[0]).get(main[1], entry.id) == entry.id:
            for name in entry.names:
                key = _index_key(name)
                if key is not None:
                    self._table(key[0]).setdefault(key[1], entry.id)
        if entry.country:
            for name in entry.names:
                key = _index_key(name)
                if key is not None:
                    self._capitals.setdefault(key, f"country:{entry.country}")

    def _apply_overrides(self) -> dict[tuple[bool, str], str]:
        """Put the user's names over any other entry's; return them (key -> id)."""
        user: dict[tuple[bool, str], str] = {}
        for alias, target in self._overrides:
            key = _index_key(alias)
            if key is not None and target in self._entries:
                self._table(key[0])[key[1]] = target
                user[key] = target
        return user

    def _table(self, case_sensitive: bool) -> dict[str, str]:
        return self._cs if case_sensitive else self._ci

    def _claim(self, name: str, eid: str, collisions: list[tuple[str, str, str]]) -> None:
        key = _index_key(name)
        if key is None:
            return
        table = self._table(key[0])
        held = table.setdefault(key[1], eid)
        if held != eid:
            collisions.append((key[1], held, eid))

    def _add_fuzzy(self, entry: GazetteerEntry) -> None:
        for name in entry.names:
            key = _index_key(name)
            if key is None or key[0] or sum(c.isalpha() for c in key[1]) < _MIN_FUZZY_LETTERS:
                continue
            for variant in _deletions(key[1]):
                self._fuzzy.setdefault(variant, set()).add(key[1])

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer shipped with kgraph (read once, then cached)."""
        return _default()

    def extended(self, path: str | Path) -> Gazetteer:
        """A new gazetteer: this one plus the entries and aliases of a user file.

        See the module docstring for the file format.
        """
        path = Path(path)
        new, alias_rows = _parse_user_file(path, _read_user_file(path))
        entries = dict(self._entries)
        entries.update(new)
        overrides = list(self._overrides)
        for entry in new.values():
            overrides.extend((name, entry.id) for name in entry.names)
        soft = self._soft - new.keys()
        staged = Gazetteer(entries.values(), self.titles, soft=soft, overrides=overrides)

        extra: dict[str, list[str]] = {}
        for lineno, alias, target in alias_rows:
            found = staged._entries.get(target) or staged.lookup(target)
            if found is None:
                raise FormatError(
                    f"{path}:{lineno}: {target!r} is neither an id nor a name the "
                    f"gazetteer knows (add it as a {len(_ENTITY_COLUMNS)}-column row first)"
                )
            extra.setdefault(found.id, []).append(alias)
            overrides.append((alias, found.id))
        for eid, aliases in extra.items():
            old = entries[eid]
            entries[eid] = dataclasses.replace(
                old, aliases=old.aliases + tuple(a for a in aliases if a not in old.names)
            )
        return Gazetteer(entries.values(), self.titles, soft=soft, overrides=overrides)

    # ------------------------------------------------------------------ queries
    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry with this exact name (after normalisation), or ``None``."""
        try:
            eid = self._lookups[name]
        except KeyError:
            eid = None
            for case_sensitive, key in _query_keys(name):
                eid = self._table(case_sensitive).get(key)
                if eid is not None:
                    break
            if len(self._lookups) > 200_000:
                self._lookups.clear()
            self._lookups[name] = eid
        return None if eid is None else self._entries[eid]

    def user_entry(self, name: str) -> GazetteerEntry | None:
        """The entry a user file gave this name to, or ``None`` (always ``None`` for the
        shipped gazetteer): what wins over every rule."""
        if not self._user:
            return None
        for key in _query_keys(name):
            eid = self._user.get(key)
            if eid is not None:
                return self._entries[eid]
        return None

    def readings(self, name: str) -> list[tuple[str, tuple[re.Pattern[str], ...]]]:
        """The readings of an ambiguous place name: ``(entry id, cue patterns)`` from
        ``data/readings.tsv``, for the ids this gazetteer has.

        >>> [eid for eid, _cues in Gazetteer.default().readings("Georgia")]
        ['loc:us-ga', 'country:GE']
        """
        rows = _readings().get(normalise(name).casefold(), ())
        return [(eid, cues) for eid, cues in rows if eid in self._entries]

    def may_start(self, word: str) -> bool:
        """Whether some name of the gazetteer starts with ``word`` (a quick filter).

        >>> gaz = Gazetteer.default()
        >>> gaz.may_start("Central"), gaz.may_start("U.S."), gaz.may_start("Zzyzx")
        (True, True, False)
        """
        key = normalise(word)
        return bool(key) and key.split(" ", 1)[0].casefold() in self._starts

    def fuzzy_country(self, name: str) -> GazetteerEntry | None:
        """The country ``name`` exactly names, or the only one it misspells by one edit.

        Only names of 5 letters or more are corrected, only towards a country name with
        the same first letter, and only when a single country is that close.
        """
        exact = self.lookup(name)
        if exact is not None:
            return exact if exact.type == "Country" else None
        keys = _query_keys(name)
        if not keys or keys[-1][0]:
            return None
        key = keys[-1][1]
        if sum(c.isalpha() for c in key) < _MIN_FUZZY_LETTERS or self.demonym(name) is not None:
            return None
        found: set[str] = set()
        for variant in _deletions(key):
            for candidate in self._fuzzy.get(variant, ()):
                if candidate[0] == key[0] and _osa_distance_at_most_one(key, candidate):
                    found.add(self._ci[candidate])
        if len(found) != 1:
            return None
        return self._entries[found.pop()]

    def demonym(self, word: str) -> GazetteerEntry | None:
        """The country of a demonym or national adjective ("Russian", "Afghans")."""
        key = normalise(word)
        eid = self._demonyms.get(key)
        if eid is None and key.isupper():
            eid = self._demonyms.get(key.title())
        return None if eid is None else self._entries[eid]

    def capital_of(self, name: str) -> GazetteerEntry | None:
        """The country whose capital this is ("Moscow" is Russia, "Kiev" Ukraine)."""
        for key in _query_keys(name):
            eid = self._capitals.get(key)
            if eid is not None and eid in self._entries:
                return self._entries[eid]
        return None

    def by_id(self, id: str) -> GazetteerEntry:
        """The entry with this id; :class:`KeyError` if there is none."""
        try:
            return self._entries[id]
        except KeyError:
            raise KeyError(f"no gazetteer entry with id {id!r}") from None

    def is_title(self, words: str) -> bool:
        """Whether ``words`` is a title, or a run of titles ("former Vice President")."""
        tokens = _title_key(words).split()
        if not tokens:
            return False
        n = len(tokens)
        ok = [True] + [False] * n  # ok[i]: tokens[:i] is a run of titles
        for i in range(n):
            if not ok[i]:
                continue
            for j in range(i + 1, min(n, i + self._title_max) + 1):
                if not ok[j] and " ".join(tokens[i:j]) in self._title_keys:
                    ok[j] = True
        return ok[n]

    @property
    def collisions(self) -> tuple[tuple[str, str, str], ...]:
        """``(key, kept id, dropped id)`` for names two entries claimed (the first wins)."""
        return self._collisions

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries.values())

    def __contains__(self, id: object) -> bool:
        return id in self._entries

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self)} entries, {len(self.titles)} titles>"


# ---------------------------------------------------------------------- loading
def _entries_by_id(entries: Iterable[GazetteerEntry]) -> dict[str, GazetteerEntry]:
    """The entries by id; an unknown type or a repeated id raises :class:`FormatError`."""
    by_id: dict[str, GazetteerEntry] = {}
    for entry in entries:
        if entry.type not in ENTRY_TYPES:
            raise FormatError(f"unknown entry type {entry.type!r} for {entry.id}")
        if entry.id in by_id:
            raise FormatError(f"duplicate gazetteer id {entry.id!r}")
        by_id[entry.id] = entry
    return by_id


def _read_user_file(path: Path) -> str:
    """The text of a user gazetteer file; a missing or unreadable file raises."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DocumentNotFoundError(f"gazetteer file not found: {path}") from None
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise FormatError(f"{path}: cannot read the gazetteer file ({exc})") from None


def _parse_user_file(
    path: Path, text: str
) -> tuple[dict[str, GazetteerEntry], list[tuple[int, str, str]]]:
    """The new entries of a user file by id, and its alias rows (line, alias, target)."""
    header_line = _first_line(text)
    new: dict[str, GazetteerEntry] = {}
    alias_rows: list[tuple[int, str, str]] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if cells[0].lower() in ("id", "alias") and lineno == header_line:
            continue  # header
        where = f"{path}:{lineno}"
        if len(cells) == 2:
            if not cells[0] or not cells[1]:
                raise FormatError(f"{where}: empty alias or target in {line!r}")
            if _index_key(cells[0]) is None:
                raise FormatError(f"{where}: alias {cells[0]!r} has no letters left")
            alias_rows.append((lineno, cells[0], cells[1]))
        elif len(cells) == len(_ENTITY_COLUMNS):
            entry = _entity_from_cells(cells, where)
            if entry.id in new:
                raise FormatError(f"{where}: id {entry.id!r} is defined twice in the file")
            new[entry.id] = entry
        else:
            raise FormatError(
                f"{where}: expected 2 tab-separated columns (alias, canonical-or-id) or "
                f"{len(_ENTITY_COLUMNS)} ({', '.join(_ENTITY_COLUMNS)}), "
                f"got {len(cells)}"
            )
    return new, alias_rows


def _first_line(text: str) -> int:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            return lineno
    return 0


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in cell.split("|") if p.strip()))


def _entity_from_cells(
    cells: list[str], where: str, types: frozenset[str] = ENTRY_TYPES
) -> GazetteerEntry:
    eid, type_, subtype, country, canonical, aliases = cells
    if not eid or any(c.isspace() for c in eid):
        raise FormatError(f"{where}: the id must be non-empty and without spaces, got {eid!r}")
    if type_ not in types:
        raise FormatError(
            f"{where}: unknown type {type_!r} (expected one of {', '.join(sorted(types))})"
        )
    if country and not _ISO2.fullmatch(country):
        raise FormatError(f"{where}: country must be an ISO alpha-2 code, got {country!r}")
    if not canonical or _index_key(canonical) is None:
        raise FormatError(f"{where}: empty canonical name")
    names = tuple(a for a in _split_list(aliases) if a != canonical)
    return GazetteerEntry(
        id=eid,
        type=type_,
        canonical=canonical,
        aliases=names,
        subtype=subtype or None,
        country=country or None,
    )


def _data_lines(name: str) -> Iterator[tuple[str, int, str]]:
    resource = resources.files("kgraph").joinpath("data").joinpath(name)
    text = resource.read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#") and not line.startswith("id\t"):
            yield f"kgraph/data/{name}:{lineno}", lineno, line


def _load_countries() -> tuple[list[GazetteerEntry], list[GazetteerEntry]]:
    countries: list[GazetteerEntry] = []
    capitals: list[GazetteerEntry] = []
    for where, _, line in _data_lines("countries.tsv"):
        cells = line.split("\t")
        if len(cells) != 5:
            raise FormatError(f"{where}: expected 5 columns, got {len(cells)}")
        eid, canonical, aliases, demonyms, capital = (c.strip() for c in cells)
        code = eid.removeprefix("country:")
        names = _split_list(capital)
        first = names[0].lstrip("~") if names else None
        countries.append(
            GazetteerEntry(
                id=eid,
                type="Country",
                canonical=canonical,
                aliases=_split_list(aliases),
                country=code,
                demonyms=_split_list(demonyms),
                capital=first,
            )
        )
        if first and not names[0].startswith("~"):
            capitals.append(
                GazetteerEntry(
                    id=f"capital:{code}",
                    type="Location",
                    canonical=first,
                    aliases=names[1:],
                    subtype="capital",
                    country=code,
                )
            )
    return countries, capitals


def _load_entities() -> list[GazetteerEntry]:
    entries: list[GazetteerEntry] = []
    for where, _, line in _data_lines("entities.tsv"):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != len(_ENTITY_COLUMNS):
            raise FormatError(f"{where}: expected {len(_ENTITY_COLUMNS)} columns")
        entries.append(_entity_from_cells(cells, where, _SHIPPED_ENTITY_TYPES))
    return entries


def _load_titles() -> list[str]:
    return [line.strip() for _, _, line in _data_lines("titles.txt")]


@functools.lru_cache(maxsize=1)
def _readings() -> dict[str, list[tuple[str, tuple[re.Pattern[str], ...]]]]:
    out: dict[str, list[tuple[str, tuple[re.Pattern[str], ...]]]] = {}
    for where, _, line in _data_lines("readings.tsv"):
        if line.startswith("name\t"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 3:
            raise FormatError(f"{where}: expected 3 columns, got {len(cells)}")
        name, eid, cues = cells
        patterns = tuple(re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)") for cue in _split_list(cues))
        out.setdefault(normalise(name).casefold(), []).append((eid, patterns))
    return out


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common given names, lower case (``data/first_names.txt``).

    >>> "brett" in first_names(), "pentagon" in first_names()
    (True, False)
    """
    return frozenset(line.strip().lower() for _, _, line in _data_lines("first_names.txt"))


@functools.lru_cache(maxsize=1)
def programme_names() -> frozenset[str]:
    """Names of programmes, laws and tests, which are no actors (``data/programmes.txt``).

    >>> "Medicaid" in programme_names(), "FBI" in programme_names()
    (True, False)
    """
    return frozenset(line.strip() for _, _, line in _data_lines("programmes.txt"))


@functools.cache
def given_name_genders() -> Mapping[str, str]:
    """Given names that nearly always name a woman (``"f"``) or a man (``"m"``), lower case
    (``data/given_names.tsv``).

    >>> given_name_genders()["tara"], given_name_genders()["joe"], "jordan" in given_name_genders()
    ('f', 'm', False)
    """
    out: dict[str, str] = {}
    for where, _, line in _data_lines("given_names.tsv"):
        name, _, gender = line.strip().partition("\t")
        if gender not in ("f", "m"):
            raise FormatError(f"{where}: want 'name<TAB>f' or 'name<TAB>m', not {line.strip()!r}")
        out[name.lower()] = gender
    return MappingProxyType(out)


#: countries whose people's family name comes first ("President Xi" is Xi Jinping)
_FAMILY_NAME_FIRST: Final = frozenset({"CN", "KP", "KR", "TW"})


def _person_key(name: str) -> str:
    """A full name without case, initials or generational suffix: "vladimir putin"."""
    words = normalise(name).lower().split()
    return " ".join(w for w in words if len(w) > 1 and w not in ("jr", "sr", "ii", "iii"))


@functools.lru_cache(maxsize=1)
def _office_holders() -> tuple[dict[str, list[tuple[str, frozenset[str]]]], ...]:
    """``(by full name, by family name)`` -> ``[(country, offices)]`` from ``leaders.tsv``."""
    codes = {entry.country for entry in _load_countries()[0]}
    full: dict[str, list[tuple[str, frozenset[str]]]] = {}
    short: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for where, _, line in _data_lines("leaders.tsv"):
        if line.startswith("name\t"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 4:
            raise FormatError(f"{where}: expected 4 columns, got {len(cells)}")
        name, country, offices, aliases = cells
        if country not in codes:
            raise FormatError(f"{where}: unknown country code {country!r}")
        record = (country, frozenset(_split_list(offices)))
        for form in (name, *_split_list(aliases)):
            key = _person_key(form)
            if not key:
                continue
            full.setdefault(key, []).append(record)
            words = key.split()
            family = words[0] if country in _FAMILY_NAME_FIRST else words[-1]
            if record not in short.get(family, []):
                short.setdefault(family, []).append(record)
    return full, short


def office_country(name: str, office: str) -> str | None:
    """The country in which the well-known person ``name`` holds ``office``, if one
    (``data/leaders.tsv``): what a bare title before a name means.

    >>> office_country("Barack Obama", "president"), office_country("Obama", "president")
    ('US', 'US')
    >>> office_country("Macron", "president"), office_country("Obama", "chancellor")
    ('FR', None)
    >>> office_country("Xi", "president-elect"), office_country("John Smith", "president")
    ('CN', None)
    """
    full, short = _office_holders()
    key = _person_key(name)
    found = full.get(key)
    if found is None and key and " " not in key:
        found = short.get(key)
    office = office.lower().removesuffix("-elect").removesuffix(" elect").strip()
    countries = {country for country, offices in found or () if office in offices}
    return countries.pop() if len(countries) == 1 else None


def leader_country(name: str) -> str | None:
    """The country a head of state or government of ``data/leaders.tsv`` led, by full name.

    >>> leader_country("Vladimir V. Putin"), leader_country("Carter Page")
    ('RU', None)
    """
    full, _short = _office_holders()
    countries = {country for country, _offices in full.get(_person_key(name), ())}
    return next(iter(countries)) if len(countries) == 1 else None


def is_leader(first: str, family: str) -> bool:
    """Whether a head of state or government of ``data/leaders.tsv`` has this first and
    family name (lower case): a well-known bearer of the name.

    >>> is_leader("bashar", "assad"), is_leader("carter", "page")
    (True, False)
    """
    full, _short = _office_holders()
    return any(
        words[0] == first and words[-1] == family
        for key in full
        if len(words := key.replace("-", " ").split()) >= 2
    )


@functools.lru_cache(maxsize=1)
def _default() -> Gazetteer:
    countries, capitals = _load_countries()
    entities = _load_entities()
    return Gazetteer(
        [*countries, *entities, *capitals],
        _load_titles(),
        soft=[c.id for c in capitals],
    )
