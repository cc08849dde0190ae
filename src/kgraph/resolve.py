"""Resolution: one node per real-world entity, within and across documents.

Within a document (:func:`resolve_document`) mentions are grouped by
gazetteer id, by person name (first name with its common nicknames, last
name, middle initials ignored, a one-letter typo in a long surname of the
same first name forgiven), surname-only mentions attach to the one person of
that surname, acronyms and short forms attach to the one longer name they
abbreviate.  Across documents (:func:`resolve_corpus`) local entities are
united by blocking keys (gazetteer id, full person name, normalised name),
and surname-only entities join the one person of that surname in the corpus;
when there are several, they stay apart.  Every step is a pairwise decision
on keys, so the result does not depend on document order.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from kgraph._model import (
    AllegationRecord,
    DocResult,
    DocumentInfo,
    Evidence,
    LocalEntity,
    Mention,
    RelationRecord,
    RoleRecord,
)
from kgraph.extract.entities import RawMention, acronym, normalize_name, org_subtype
from kgraph.lexicon import GENERIC_ACTS, WEAK_ACTS

__all__ = [
    "Cluster",
    "Resolution",
    "edit_distance_le1",
    "name_parts",
    "resolve_corpus",
    "resolve_document",
    "slugify",
]

_NICKNAMES: Final = {
    "mike": "michael",
    "mick": "michael",
    "bill": "william",
    "will": "william",
    "billy": "william",
    "bob": "robert",
    "rob": "robert",
    "bobby": "robert",
    "jim": "james",
    "jimmy": "james",
    "joe": "joseph",
    "tom": "thomas",
    "dick": "richard",
    "rick": "richard",
    "rich": "richard",
    "chris": "christopher",
    "steve": "stephen",
    "steven": "stephen",
    "dave": "david",
    "dan": "daniel",
    "danny": "daniel",
    "ed": "edward",
    "ted": "edward",
    "eddie": "edward",
    "alex": "alexander",
    "nick": "nicholas",
    "tony": "anthony",
    "ben": "benjamin",
    "sam": "samuel",
    "andy": "andrew",
    "pat": "patrick",
    "matt": "matthew",
    "tim": "timothy",
    "jeff": "jeffrey",
    "greg": "gregory",
    "ron": "ronald",
    "don": "donald",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "kate": "katherine",
    "kathy": "katherine",
    "jen": "jennifer",
    "sue": "susan",
    "chuck": "charles",
    "charlie": "charles",
    "hank": "henry",
    "jack": "john",
    "johnny": "john",
    "larry": "lawrence",
    "jerry": "gerald",
    "fred": "frederick",
    "sergei": "sergey",
    "sergej": "sergey",
    "vladimir": "vladimir",
    "yevgeny": "evgeny",
    "yevgeniy": "evgeny",
    "dmitri": "dmitry",
    "dmitriy": "dmitry",
    "aleksandr": "alexander",
    "aleksei": "alexey",
    "alexei": "alexey",
    "mikhail": "mikhail",
    "yuri": "yury",
}
_SUFFIXES: Final = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_INITIAL: Final = re.compile(r"^[A-Z]\.?$")


def slugify(text: str) -> str:
    """A readable ASCII slug of a name (NFC first); empty when nothing is left.

    >>> slugify("Sergey V. Lavrov"), slugify("Robert C. O’Brien"), slugify("Россия")
    ('sergey-v-lavrov', 'robert-c-obrien', '')
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80]


def edit_distance_le1(a: str, b: str) -> bool:
    """Whether two strings differ by at most one edit.

    >>> edit_distance_le1("lavrov", "lavroy"), edit_distance_le1("iran", "iraq")
    (True, True)
    >>> edit_distance_le1("obama", "osama"), edit_distance_le1("putin", "puting")
    (True, True)
    >>> edit_distance_le1("lavrov", "lavrovva")
    False
    """
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


@dataclass(frozen=True, slots=True)
class NameParts:
    first: str | None
    middle: tuple[str, ...]
    last: str


def name_parts(name: str) -> NameParts | None:
    """Split a person's name; first names are folded to a nickname-free form.

    >>> name_parts("Mike R. Pompeo")
    NameParts(first='michael', middle=('r',), last='pompeo')
    >>> name_parts("Mowatt-Larssen").last
    'mowatt-larssen'

    A generational suffix belongs to the surname: "Donald Trump Jr." is not "Donald Trump".

    >>> name_parts("Donald Trump Jr.").last, name_parts("Trump, Jr.").last
    ('trump jr', 'trump jr')
    """
    raw = [w.strip(",") for w in name.replace("\u2019", "'").split()]
    suffixes = [w.lower().rstrip(".") for w in raw if w.lower() in _SUFFIXES]
    words = [w for w in raw if w and w.lower() not in _SUFFIXES]
    # particles belong to the surname: "Greta Van Susteren" and "Van Susteren" share one
    while len(words) >= 2 and words[-2].lower() in _PARTICLES:
        words[-2:] = [f"{words[-2]} {words[-1]}"]
    if not words:
        return None
    last = re.sub(r"^(?:al|el)-", "", words[-1].lower().rstrip("."))  # "al-Abadi" is Abadi
    if suffixes:
        last = f"{last} {suffixes[-1]}"
    if len(words) == 1:
        return NameParts(None, (), last)
    first = words[0].lower().rstrip(".")
    first = _NICKNAMES.get(first, first)
    middle = tuple(w.lower().rstrip(".") for w in words[1:-1])
    return NameParts(first, middle, last)


_GENERATIONS: Final = tuple(sorted({s.rstrip(".") for s in _SUFFIXES}))
_PARTICLES: Final = frozenset({"van", "von", "de", "der", "den", "del", "della", "da", "di", "le"})


def _surname_keys(last: str) -> tuple[str, ...]:
    """The surnames a bare surname may stand for: itself, else its suffixed forms ("King"
    is "Martin Luther King Jr." when no plain King is named)."""
    return (last, *(f"{last} {g}" for g in _GENERATIONS))


def _named_by(
    index: Mapping[str, Iterable[int]],
    last: str,
    tails: Mapping[str, Sequence[str]] | None = None,
) -> list[int]:
    """Entries of ``index`` (surname -> items) for a bare surname: its own, else its
    suffixed forms (see ``_surname_keys``), else the surnames it ends ("Gaulle" for "de
    Gaulle"; ``tails`` maps a last word to the longer surnames in ``index``)."""
    exact = list(index.get(last, ()))
    if exact:
        return exact
    found = [i for key in _surname_keys(last)[1:] for i in index.get(key, ())]
    if found or " " in last:
        return found
    if tails is None:
        tails = _tails(index)
    return [i for key in tails.get(last, ()) for i in index.get(key, ())]


def _tails(index: Iterable[str]) -> dict[str, list[str]]:
    """Last word -> the surnames of more than one word that end in it."""
    out: dict[str, list[str]] = defaultdict(list)
    for key in index:
        words = key.split()
        if len(words) > 1 and words[-1] not in _GENERATIONS:
            out[words[-1]].append(key)
    return out


def _after_honorific_text(m: RawMention) -> bool:
    """Whether the sentence calls the mention "Mr./Ms. X" (a surname, never a first name)."""
    at = m.sentence.find(m.text)
    before = m.sentence[max(0, at - 5) : max(0, at)].rstrip().lower()
    return before.endswith(("mr.", "ms.", "mrs.", "dr.", "mr", "ms", "mrs"))


def _initials(middle: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(m[0] for m in middle)


def first_compatible(a: str, b: str) -> bool:
    """Whether two (folded) first names can be one person's.

    >>> first_compatible("sergey", "sergei"), first_compatible("eric", "donald")
    (True, False)
    """
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and edit_distance_le1(a, b)


@dataclass
class Cluster:
    """One resolved entity: its members (document id, local key) and mentions."""

    members: list[tuple[str, str]]
    entities: list[LocalEntity]


@dataclass(frozen=True, slots=True)
class Resolution:
    """The result of corpus-wide resolution: clusters and a member -> cluster map."""

    clusters: tuple[Cluster, ...]
    of: dict[tuple[str, str], int]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def claim(self, owner: dict[tuple[str, ...], int], key: tuple[str, ...], i: int) -> None:
        """Unite ``i`` with the first element that claimed ``key`` (or claim it)."""
        if key in owner:
            self.union(owner[key], i)
        else:
            owner[key] = i

    def groups(self) -> dict[int, list[int]]:
        """Root -> members, members in index order."""
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return out


def _named_mentions(entity: LocalEntity) -> list[Mention]:
    named = [m for m in entity.mentions if m.ner not in ("NORP", "CAPITAL", "PRON", "NOUN")]
    return named or list(entity.mentions)


def person_label(mentions: Sequence[Mention]) -> str:
    """The fullest proper form of a person's name among its mentions.

    Most words first, then the surname most mentions share (so a one-off typo
    loses), then alphabetical order.
    """
    forms = Counter(m.text for m in mentions)
    surnames = Counter((name_parts(t) or NameParts(None, (), t)).last for t in forms.elements())

    def score(form: str) -> tuple[int, int, int, str]:
        parts = name_parts(form)
        last = parts.last if parts else form
        return (-len(form.split()), -surnames[last], -forms[form], form)

    return min(forms, key=score)


def entity_label(entity_type: str, mentions: Sequence[Mention], canonical: str | None) -> str:
    """The canonical label of an entity: gazetteer name, else the fullest proper form."""
    if canonical:
        return canonical
    if entity_type == "Person":
        return person_label(mentions)
    forms = Counter(m.text for m in mentions)
    best = min(forms, key=lambda f: (f.isupper() and len(f) > 5, -len(f.split()), -forms[f], f))
    if best.isupper() and len(best) > 5 and " " not in best:
        return best.title()  # a dateline: "WASHINGTON"
    return best


def _person_keys(entity: LocalEntity) -> tuple[list[tuple[str, ...]], str | None]:
    """Strong keys of a person entity, or the surname when it has only a surname."""
    mentions = _named_mentions(entity)
    label = person_label(mentions)
    label_parts = name_parts(label)
    if label_parts is None:
        return [], None
    if label_parts.first is None:
        return [], label_parts.last
    keys: list[tuple[str, ...]] = []
    for text in sorted({m.text for m in mentions}):
        parts = name_parts(text)
        if parts and parts.first and parts.last == label_parts.last:
            keys.append(("person", parts.first, parts.last))
    return keys, None


_PLACE_CONTEXT: Final = ("in", "at", "from", "near", "to", "across", "outside", "inside")


def _maybe_surname(label: str, entity: LocalEntity) -> bool:
    """Whether a one-word place or organisation spaCy found may be a person's surname: not in
    the gazetteer, title case, and never used as a place ("in Abbott")."""
    if entity.gid or " " in label or not label[:1].isupper() or label.isupper() or len(label) < 4:
        return False
    if any(m.ner not in ("GPE", "LOC", "ORG", "FAC") for m in entity.mentions):
        return False
    for m in entity.mentions:
        before = m.sentence[: max(0, m.sentence.find(m.text))].split()
        if before and before[-1].lower() in _PLACE_CONTEXT:
            return False
    return True


def resolve_corpus(results: Iterable[DocResult]) -> Resolution:
    """Group the local entities of all documents into clusters, one per real entity."""
    entities: list[tuple[str, LocalEntity]] = sorted(
        ((r.info.id, e) for r in results for e in r.entities), key=lambda x: (x[0], x[1].key)
    )
    uf = _UnionFind(len(entities))
    owner: dict[tuple[str, ...], int] = {}
    weak: list[tuple[int, str]] = []
    person_by_last: dict[str, set[int]] = defaultdict(set)
    first_by_last: dict[str, list[tuple[str, int]]] = defaultdict(list)
    maybe_people: list[tuple[int, str]] = []

    def claim(key: tuple[str, ...], index: int) -> None:
        uf.claim(owner, key, index)

    for index, (_doc, entity) in enumerate(entities):
        if entity.gid:
            claim(("gid", entity.gid), index)
            continue
        if entity.type == "Person":
            keys, surname = _person_keys(entity)
            if surname is not None:
                weak.append((index, surname))
                continue
            for key in keys:
                claim(key, index)
                first_by_last[key[2]].append((key[1], index))
            continue
        label = entity_label(entity.type, _named_mentions(entity), entity.canonical)
        claim(("name", normalize_name(label)), index)
        if _maybe_surname(label, entity):
            maybe_people.append((index, label.lower()))
    # first names that differ by a transliteration (Sergei / Sergey) are one person
    for _last, firsts in first_by_last.items():
        firsts.sort()
        for (fa, ia), (fb, ib) in itertools.pairwise(firsts):
            if fa != fb and first_compatible(fa, fb):
                uf.union(ia, ib)
    for key, index in owner.items():
        if key[0] == "person":
            person_by_last[key[2]].add(uf.find(index))
    # "Klobuchar" read as a place where she is not named in full, "Amy Klobuchar" elsewhere
    tails = _tails(person_by_last)
    for index, surname in maybe_people:
        roots = {uf.find(i) for i in _named_by(person_by_last, surname, tails)}
        if len(roots) == 1:
            uf.union(next(iter(roots)), index)
    surname_groups: dict[str, int] = {}
    for index, surname in weak:
        roots = {uf.find(i) for i in _named_by(person_by_last, surname, tails)}
        if len(roots) == 1:
            uf.union(next(iter(roots)), index)
        elif surname in surname_groups:
            uf.union(surname_groups[surname], index)
        else:
            surname_groups[surname] = index
    groups = uf.groups()
    clusters: list[Cluster] = []
    of: dict[tuple[str, str], int] = {}
    for root in sorted(groups):
        members = [(entities[i][0], entities[i][1].key) for i in groups[root]]
        for member in members:
            of[member] = len(clusters)
        clusters.append(Cluster(members, [entities[i][1] for i in groups[root]]))
    return Resolution(tuple(clusters), of)


#: the head nouns of government bodies, which a short form may leave out
_BODY_HEADS: Final = frozenset(
    {
        "committee",
        "department",
        "ministry",
        "agency",
        "council",
        "commission",
        "bureau",
        "office",
        "service",
        "administration",
    }
)
_GENERIC_HEADS: Final = frozenset(
    [
        "house",
        "senate",
        "congress",
        "committee",
        "council",
        "department",
        "ministry",
        "agency",
        "court",
        "party",
        "office",
        "bureau",
        "army",
        "navy",
        "service",
        "union",
        "government",
        "administration",
        "state",
        "states",
        "group",
        "board",
        "commission",
        "force",
        "forces",
        "command",
        "staff",
        "police",
        "university",
        "institute",
        "center",
        "centre",
    ]
)
_TYPE_ORDER: Final = ("Person", "Agency", "Organization", "Country", "Location")


def _vote(mentions: Sequence[RawMention]) -> str:
    """The type most mentions give, a full name counting more than an acronym
    ("National Rifle Association" is an organisation even if "NRA" was read as a place)."""
    votes: Counter[str] = Counter()
    for m in mentions:
        if not m.demonym:
            votes[m.type] += len(m.text.split()) ** 2
    if not votes:
        votes = Counter(m.type for m in mentions)
    return min(votes, key=lambda t: (-votes[t], _TYPE_ORDER.index(t)))


def resolve_document(
    info: DocumentInfo,
    mentions: Sequence[RawMention],
    relations: Sequence[RelationRecord] = (),
    allegations: Sequence[AllegationRecord] = (),
    warnings: Sequence[str] = (),
) -> DocResult:
    """Group one document's mentions into local entities; point records at them.

    Relation and allegation records name their entities by mention offsets
    (``"start:end"``); they come back naming local entity keys.
    """
    # a total order: two mentions of one span (found two ways) must not come in the order a
    # set gives them, which changes with the hash seed
    mentions = sorted(set(mentions), key=lambda m: (m.start, m.end, repr(m)))
    n = len(mentions)
    uf = _UnionFind(n)
    person = [False] * n
    by_key: dict[tuple[str, ...], int] = {}

    def claim(key: tuple[str, ...], i: int) -> None:
        uf.claim(by_key, key, i)

    full: dict[int, NameParts] = {}
    singles: list[int] = []
    for i, m in enumerate(mentions):
        if m.gid:
            claim(("gid", m.gid), i)
        elif m.type == "Person":
            parts = name_parts(m.text)
            if parts is None:
                continue
            person[i] = True
            if parts.first is None:
                singles.append(i)
            else:
                full[i] = parts
    # full names: same first (nickname-folded) and last name
    surnames: dict[str, list[int]] = defaultdict(list)
    for i, parts in full.items():
        claim(("person", parts.first or "", parts.last), i)
        surnames[parts.last].append(i)
    # a one-letter typo in a long surname, same first name and initials: one person
    lasts = sorted(surnames)
    for a_index, a in enumerate(lasts):
        for b in lasts[a_index + 1 :]:
            if len(a) >= 5 and len(b) >= 5 and edit_distance_le1(a, b):
                for i in surnames[a]:
                    for j in surnames[b]:
                        pa, pb = full[i], full[j]
                        if pa.first == pb.first and _initials(pa.middle) == _initials(pb.middle):
                            uf.union(i, j)
    first_names = {p.first for p in full.values() if p.first}
    # "Helen Park" tagged as a place, "Ms. Park" as a person: the full name is the person's
    person_surnames = {mentions[i].text.lower() for i in singles} | {
        p.last for i in singles if (p := name_parts(mentions[i].text)) is not None
    }
    for i, m in enumerate(mentions):
        words = m.text.split()
        if (
            not m.gid
            and not person[i]
            and 2 <= len(words) <= 4
            and m.ner in ("GPE", "LOC", "FAC", "ORG")
            and words[-1].lower() in person_surnames
            and all(w[:1].isupper() for w in words)
        ):
            parts = name_parts(m.text)
            if parts is not None and parts.first is not None:
                person[i] = True
                full[i] = parts
                claim(("person", parts.first, parts.last), i)
                surnames[parts.last].append(i)

    def people_named(last: str) -> set[int]:
        return {uf.find(i) for i in _named_by(surnames, last)}

    # a nickname before a known surname ("Shifty Schiff"): the one person of that surname
    for i, parts in list(full.items()):
        roots = people_named(parts.last) - {uf.find(i)}
        if (
            mentions[i].nickname_like
            and parts.first not in {full[j].first for j in surnames[parts.last] if j != i}
            and len(roots) == 1
            and sum(1 for p in full.values() if p.first == parts.first) == 1
            and parts.first not in (first_names - {parts.first})
        ):
            uf.union(next(iter(roots)), i)
    # a surname alone (or a name spaCy mislabelled ORG): the one person of that surname
    for i, m in enumerate(mentions):
        if m.gid or (m.type == "Person" and i not in singles):
            continue
        if m.type != "Person" and (len(m.text.split()) != 1 or m.demonym):
            continue
        parts = name_parts(m.text)
        last = parts.last if parts is not None else m.text.lower().replace("\u2019", "'")
        roots = people_named(last)
        if not roots and m.type == "Person" and not _after_honorific_text(m):
            # "Gordon said" where only Gordon Sondland is named: a first name alone, when
            # it is one person's and nobody's surname
            first = _NICKNAMES.get(last, last)
            roots = {uf.find(j) for j, p in full.items() if p.first == first}
        if len(roots) == 1:
            uf.union(next(iter(roots)), i)
            person[i] = True
        elif m.type == "Person" or last in person_surnames:
            # "Trump" tagged ORG beside "Mr. Trump": the person of that surname
            claim(("surname", last), i)
            person[i] = True
    # everything else by normalised name, then acronyms and short forms
    for i, m in enumerate(mentions):
        if not m.gid and not person[i]:
            claim(("name", normalize_name(m.text)), i)
    _merge_short_forms(mentions, person, uf)

    groups = uf.groups()
    entities: list[LocalEntity] = []
    key_of: dict[str, str] = {}
    for number, root in enumerate(sorted(groups, key=lambda r: mentions[groups[r][0]].start)):
        members = [mentions[i] for i in groups[root]]
        is_person = any(person[i] for i in groups[root]) and not any(m.gid for m in members)
        gid_members = [m for m in members if m.gid]
        gid_votes = Counter(m.gid for m in gid_members)
        gid = min(gid_votes, key=lambda g: (-gid_votes[g], g or "")) if gid_votes else None
        canonical = next((m.canonical for m in gid_members if m.gid == gid), None)
        subtype = next((m.subtype for m in gid_members if m.gid == gid), None)
        if is_person:
            etype = "Person"
        elif gid is not None:
            etype = next(m.type for m in gid_members if m.gid == gid)
        else:
            etype = _vote(members)
            subtype = next((m.subtype for m in members if m.subtype), None)
        key = f"e{number}"
        entities.append(
            LocalEntity(
                key=key,
                type=etype,  # type: ignore[arg-type]
                mentions=tuple(
                    Mention(info.id, m.start, m.end, m.text, m.ner, m.sentence) for m in members
                ),
                subtype=subtype,
                gid=gid,
                canonical=canonical,
            )
        )
        for m in members:
            key_of[f"{m.start}:{m.end}"] = key

    def remap(ref: str) -> str | None:
        return key_of.get(ref, ref if ref.startswith("e") and ref in key_of.values() else None)

    out_relations = []
    for rel in relations:
        s, o = remap(rel.subject), remap(rel.object)
        if s is not None and o is not None and s != o:
            by = remap(rel.according_to) if rel.according_to is not None else None
            out_relations.append(RelationRecord(s, o, rel.predicate, rel.evidence, rel.attrs, by))
    out_allegations = []
    for alleg in allegations:
        roles = []
        for role in alleg.roles:
            target = remap(role.entity)
            if target is not None:
                roles.append(RoleRecord(role.role, target, role.evidence, role.anonymous))
        if any(r.role == "accused" for r in roles):
            out_allegations.append(
                AllegationRecord(
                    alleg.key,
                    alleg.label,
                    alleg.text,
                    alleg.status,
                    alleg.keywords,
                    alleg.evidence,
                    tuple(sorted(set(roles), key=_role_key)),
                    alleg.confidence,
                    alleg.dates,
                )
            )
    return DocResult(
        info=info,
        entities=tuple(entities),
        relations=tuple(sorted(set(out_relations), key=_relation_key)),
        allegations=tuple(out_allegations),
        warnings=tuple(warnings),
    )


def _role_key(r: RoleRecord) -> tuple[str, str, int, int, bool]:
    return (r.role, r.entity, r.evidence.start, r.evidence.end, r.anonymous)


def _relation_key(r: RelationRecord) -> tuple[int, str, str, str, str, str]:
    return (r.evidence.start, r.subject, r.predicate, r.object, repr(r.attrs), r.according_to or "")


def _merge_short_forms(mentions: Sequence[RawMention], person: list[bool], uf: _UnionFind) -> None:
    """Acronyms ("NSC") and short forms ("The Times") join the one longer name they stand for."""
    longs: dict[int, list[str]] = {}
    companies: set[int] = set()  # long names that may be shortened to their first words
    for i, m in enumerate(mentions):
        if person[i] or m.demonym:
            continue
        words = normalize_name(m.text).split()
        if len(words) >= 2:
            longs.setdefault(uf.find(i), words)
            if not m.gid and m.type == "Organization" and m.ner == "ORG":
                companies.add(uf.find(i))
    for i, m in enumerate(mentions):
        if person[i] or m.demonym or m.gid:
            continue  # the gazetteer has already said what a known name is
        words = normalize_name(m.text).split()
        if not words:
            continue
        root = uf.find(i)
        targets = set()
        for other_root, long_words in longs.items():
            if other_root == root:
                continue
            shorter = len(words) < len(long_words)
            if (
                (
                    len(words) == 1
                    and m.text.replace(".", "").isupper()
                    and len(words[0]) >= 2
                    and acronym(" ".join(long_words)) == words[0]
                )
                or (
                    # "The Times" for "The New York Times"; not "Richmond" for "University of
                    # Richmond", where the short form names another thing
                    shorter
                    and long_words[-len(words) :] == words
                    and long_words[-len(words) - 1] != "of"
                    and words[-1] not in _GENERIC_HEADS
                )
                or (
                    # "Orbis" for "Orbis Business Intelligence", "XBT" for "XBT Holdings"
                    shorter
                    and other_root in companies
                    and m.type == "Organization"
                    and long_words[: len(words)] == words
                )
                # "House Judiciary" for "House Judiciary Committee", "Commerce" for the
                # Commerce Department
                or (long_words[:-1] == words and long_words[-1] in _BODY_HEADS)
            ):
                targets.add(other_root)
        if len(targets) == 1:
            uf.union(next(iter(targets)), i)


def type_vote(entities: Sequence[LocalEntity]) -> str:
    """One type for a cluster: a gazetteer type first, else Person, else the majority."""
    for entity in sorted(entities, key=lambda e: e.gid or "~"):
        if entity.gid:
            return entity.type
    votes: Counter[str] = Counter()
    for entity in entities:
        votes[entity.type] += sum(len(m.text.split()) ** 2 for m in entity.mentions)
    if votes["Person"]:
        return "Person"
    return min(votes, key=lambda t: (-votes[t], _TYPE_ORDER.index(t)))


def org_subtype_of(entity_type: str, label: str) -> str | None:
    """A subtype read from an organisation's name (``media``, ``company`` ...)."""
    return org_subtype(label) if entity_type == "Organization" else None


@dataclass
class AllegationNode:
    """An allegation merged across documents, ready for the graph."""

    id: str
    attrs: dict[str, object]
    roles: list[tuple[tuple[str, str], list[Evidence], bool]]


_STATUS_ROLES: Final = ("confirmed_by", "denied_by", "dismissed_by")


def allegation_status(roles: Iterable[str], stated: Iterable[str] = ()) -> str:
    """The status an allegation's role edges imply.

    >>> allegation_status(["accused", "alleged_by"]), allegation_status(["denied_by"])
    ('alleged', 'denied')
    >>> allegation_status(["confirmed_by", "dismissed_by"])
    'disputed'
    """
    have = set(roles) | {f"{s}_by" for s in stated if s != "alleged"}
    confirmed = "confirmed_by" in have
    denied = "denied_by" in have
    dismissed = "dismissed_by" in have or "disputed_by" in have
    if confirmed and (denied or dismissed):
        return "disputed"
    if confirmed:
        return "confirmed"
    if denied:
        return "denied"
    if dismissed:
        return "disputed"
    return "alleged"


def merge_allegations(
    results: Sequence[DocResult],
    node_of: dict[tuple[str, str], str],
    state_of: dict[str, str] | None = None,
) -> list[AllegationNode]:
    """One node per allegation: records with a common accused and act keyword merge.

    An organ of a state counts as the state for merging (``state_of``: the Kremlin is
    Russia), so "the Kremlin was arming the Taliban" and "Russia provided weapons to the
    Taliban" are one allegation; each keeps its own ``accused`` edge.
    """
    state_of = state_of or {}
    records: list[tuple[str, AllegationRecord]] = [
        (r.info.id, a) for r in sorted(results, key=lambda r: r.info.id) for a in r.allegations
    ]
    records.sort(key=lambda x: (x[0], x[1].evidence[0].start if x[1].evidence else 0, x[1].key))
    uf = _UnionFind(len(records))
    owner: dict[tuple[str, ...], int] = {}
    for index, (doc, record) in enumerate(records):
        accused = {node_of.get((doc, r.entity)) for r in record.roles if r.role == "accused"}
        named = [k for k in record.keywords if k not in GENERIC_ACTS]
        strong = [k for k in named if k not in WEAK_ACTS] or named
        for node in sorted({state_of.get(a, a) for a in accused if a}):
            for keyword in strong:
                uf.claim(owner, (node, keyword), index)
            if not strong:
                # "an accusation against X" names no act: one per document
                for keyword in record.keywords:
                    uf.claim(owner, (node, keyword, doc), index)
    groups = uf.groups()
    drafts = []
    for members in groups.values():
        recs = [records[i] for i in members]
        evidence = sorted({e for _, r in recs for e in r.evidence})
        # the label comes from a stated claim ("Russia offered a bounty ...") before a noun
        # phrase ("the Russian bounties"), then from the earliest document
        main_doc, main = min(
            recs, key=lambda x: (x[1].key[:1] != "c", x[0], x[1].evidence[:1], x[1].key)
        )
        roles: dict[tuple[str, str], tuple[set[Evidence], list[bool]]] = {}
        for doc, record in recs:
            for role in record.roles:
                target = node_of.get((doc, role.entity))
                if target is None:
                    continue
                entry = roles.setdefault((role.role, target), (set(), []))
                entry[0].add(role.evidence)
                entry[1].append(role.anonymous)
        confidence = next(
            (
                r.confidence
                for _, r in sorted(recs, key=lambda x: (x[0], x[1].evidence[:1]))
                if r.confidence
            ),
            None,
        )
        attrs: dict[str, object] = {
            "label": main.label,
            "type": "Allegation",
            "text": main.text,
            "status": allegation_status([k[0] for k in roles], [r.status for _, r in recs]),
            "confidence": confidence,
            "dates": sorted({d for _, r in recs for d in r.dates}),
            "keywords": sorted({k for _, r in recs for k in r.keywords}),
            "sources": sorted({doc for doc, _ in recs}),
            "mentions": len(evidence),
            "aliases": [],
            "evidence": [
                {"doc": e.doc, "start": e.start, "end": e.end, "sentence": e.sentence}
                for e in evidence
            ],
        }
        role_list = [(key, sorted(evs), all(anon)) for key, (evs, anon) in sorted(roles.items())]
        drafts.append((main.label, main_doc, attrs, role_list))
    taken: set[str] = set()
    out = []
    for label, _doc, attrs, role_list in sorted(
        drafts, key=lambda d: (d[0], d[1], str(d[2]["evidence"]))
    ):
        base = "allegation/" + (slugify(label)[:60].strip("-") or "claim")
        nid, n = base, 1
        while nid in taken:
            n += 1
            nid = f"{base}-{n}"
        taken.add(nid)
        out.append(AllegationNode(nid, attrs, role_list))
    return out
