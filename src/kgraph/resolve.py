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

import dataclasses
import functools
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
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
    StatementRecord,
)
from kgraph.extract.entities import (
    RawMention,
    abbreviates,
    acronym,
    normalize_name,
    org_subtype,
)
from kgraph.gazetteer import Gazetteer, first_names, given_name_genders, is_leader
from kgraph.lexicon import GENERAL_ACTS, GENERIC_ACTS, act_lexicon
from kgraph.timex import parse_published

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
    "thom": "thomas",
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
    "bernie": "bernard",
    "ken": "kenneth",
    "doug": "douglas",
    "newt": "newton",
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

    A first initial before a middle name: the person goes by the middle name.

    >>> name_parts("J. Christopher Stevens")
    NameParts(first='christopher', middle=('j',), last='stevens')

    A generational suffix belongs to the surname: "Donald Trump Jr." is not "Donald Trump".

    >>> name_parts("Donald Trump Jr.").last, name_parts("Trump, Jr.").last
    ('trump jr', 'trump jr')

    A Chinese or Korean name puts the family name first.

    >>> name_parts("Kim Jong Un") == name_parts("Kim Jong-un"), name_parts("Xi Jinping").last
    (True, 'xi')
    >>> name_parts("Kim Kardashian").last, name_parts("Lee Harvey Oswald").last
    ('kardashian', 'oswald')
    """
    raw = [w.strip(",") for w in name.replace("\u2019", "'").split()]
    family_first = _family_first(raw)
    if family_first is not None:
        return family_first
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
    middle = tuple(w.lower().rstrip(".") for w in words[1:-1])
    if len(first) == 1 and middle and len(middle[0]) > 1:
        first, middle = middle[0], (first, *middle[1:])  # "J. Edgar Hoover" goes by Edgar
    first = _NICKNAMES.get(first, first)
    return NameParts(first, middle, last)


#: Chinese family names that are no English given name: "Xi Jinping" is Mr. Xi
_CHINESE_FAMILIES: Final = frozenset(
    {"xi", "hu", "wen", "li", "wang", "zhang", "liu", "chen", "zhao", "huang", "zhou"}
    | {"wu", "deng", "mao", "jiang", "zhu", "guo", "xu", "sun", "ma"}
)
#: Korean family names: first before a given name of two syllables ("Kim Jong Un",
#: "Moon Jae-in"); "Kim Kardashian" has one given name and the Western order
_KOREAN_FAMILIES: Final = frozenset(
    {"kim", "park", "pak", "moon", "choi", "lee", "ri", "yoon", "jung", "kang", "cho", "han"}
)
_SYLLABLE: Final = re.compile(r"^[A-Z][a-z]{0,3}$")


def _family_first(raw: Sequence[str]) -> NameParts | None:
    """A Chinese or Korean name, family name first, as the English press writes it:
    "Xi Jinping", "Kim Jong Un", "Kim Jong-un", "Moon Jae-in"; else None."""
    if len(raw) < 2 or len(raw) > 3:
        return None
    family, given = raw[0].lower(), raw[1:]
    if family in _CHINESE_FAMILIES and len(given) == 1 and given[0][:1].isupper():
        return NameParts(given[0].lower(), (), family)
    syllables = [p for g in given for p in re.split(r"[-‑]", g)]
    if (
        family in _KOREAN_FAMILIES
        and len(syllables) == 2
        and all(_SYLLABLE.match(p[:1].upper() + p[1:]) for p in syllables)
    ):
        return NameParts("".join(syllables).lower(), (), family)
    return None


_GENERATIONS: Final = tuple(sorted({s.rstrip(".") for s in _SUFFIXES}))
#: patronymic particles: "bin Salman" is the son of Salman, and "Salman" alone someone else
_PATRONYMICS: Final = frozenset({"bin", "ibn", "bint"})
_PARTICLES: Final = (
    frozenset({"van", "von", "de", "der", "den", "del", "della", "da", "di", "le"}) | _PATRONYMICS
)


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
        if len(words) > 1 and words[-1] not in _GENERATIONS and words[-2] not in _PATRONYMICS:
            out[words[-1]].append(key)
    return out


def _after_honorific_text(m: RawMention | Mention) -> bool:
    """Whether the sentence calls the mention "Mr./Ms. X" (a surname, never a first name)."""
    return any(_HONORIFIC_END.search(before) for before in _befores(m))


#: "Mr."/"Mrs." just before a name: the surname of a man or of a woman
_HONORIFIC_END: Final = re.compile(r"\b(?:mr|ms|mrs|dr|miss)\.?\s*$", re.IGNORECASE)
_GENDER_WORDS: Final = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
    "lady": "f",
    "lord": "m",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "congressman": "m",
    "congresswoman": "f",
    "spokesman": "m",
    "spokeswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
}
#: kinship nouns before a name ("his wife Melania Trump", "first lady Melania Trump",
#: "son Eric Trump"): the person is a relative of another bearer of the surname
_KIN_WORDS: Final = {
    "wife": "f",
    "husband": "m",
    "widow": "f",
    "widower": "m",
    "son": "m",
    "daughter": "f",
    "brother": "m",
    "sister": "f",
    "father": "m",
    "mother": "f",
    "niece": "f",
    "nephew": "m",
    "aunt": "f",
    "uncle": "m",
    "grandson": "m",
    "granddaughter": "f",
    "cousin": "",
    "lady": "f",  # "first lady"
    "gentleman": "m",  # "second gentleman"
}
_CONJUNCTIONS: Final = frozenset({"and", "or", "with", "nor"})
#: words after a kinship noun that end its reach: the name after them is another's
_DETERMINERS: Final = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "its"})
_AFTER_KIN_ENDS: Final = frozenset({"said", "says", "told", "added", "wrote", "asked", "than"})
#: words that carry no office in a title ("former President" holds the office "president")
_TITLE_NOISE: Final = frozenset({"former", "then", "late", "acting", "incoming", "outgoing", "us"})
_WORD: Final = re.compile(r"[A-Za-z][A-Za-z.\-']*")


def _befores(m: RawMention | Mention) -> list[str]:
    """The text before the mention in its sentence: a RawMention's own place ("Trump" in
    "Trump and first lady Melania Trump" is not the first lady's); a Mention keeps no
    sentence offsets, so there every occurrence counts (the same for a mention read back
    from a graph)."""
    own = getattr(m, "sent_start", -1)
    if own >= 0:
        at = m.start - own  # a RawMention knows its place: only that one counts
        if at >= 0 and m.sentence[at : at + len(m.text)] == m.text:
            return [m.sentence[max(0, at - 60) : at]]
    out, at = [], m.sentence.find(m.text)
    while at >= 0:
        out.append(m.sentence[max(0, at - 60) : at])
        at = m.sentence.find(m.text, at + 1)
    return out


@dataclass(frozen=True, slots=True)
class _Context:
    """What the words before a person's mentions say: offices ("president"), a gender
    (from "Mr."/"Mrs." or a gendered title) and whether a kinship noun marks a relative."""

    offices: frozenset[str] = frozenset()
    gender: str = ""
    relative: bool = False


def person_context(mentions: Iterable[RawMention | Mention]) -> _Context:
    """Offices, gender and kinship of a person from the words before its mentions.

    >>> m = Mention("d", 0, 0, "Trump", "PERSON", "Aides sent in first lady Melania Trump.")
    >>> c = person_context([m])
    >>> c.relative, c.gender
    (True, 'f')
    """
    offices: set[str] = set()
    genders: Counter[str] = Counter()
    kin = count = 0
    for m in mentions:
        count += 1
        for before in _befores(m):
            raw = _WORD.findall(before)[-3:]
            words = [w.lower().rstrip(".") for w in raw]
            if not words:
                continue
            last = words[-1]
            kin_gender = _kin_gender(raw, words)
            if kin_gender is not None:
                # "his wife Melania", "the President's daughter and adviser, Ivanka"
                kin += 1
                if kin_gender:
                    genders[kin_gender] += 1
            elif last in _GENDER_WORDS and not (len(words) > 1 and words[-2] == "and"):
                # not "President and Mrs Obama", "Mr. and Mrs. Smith": a couple
                genders[_GENDER_WORDS[last]] += 1
            else:
                office = _office(words)
                if office:
                    offices.add(office)
    gender = ""
    if genders:
        top, votes = genders.most_common(1)[0]
        if votes * 3 >= sum(genders.values()) * 2:
            gender = top
    # a relative when a kinship noun stands before a good part of the mentions (one
    # "his son Paul" among a hundred mentions of a speaker makes no relative)
    return _Context(frozenset(offices), gender, kin > 0 and kin * 4 >= count)


def named_gender(context: _Context, firsts: Iterable[str]) -> _Context:
    """A person's context with the gender of their first names when the words around
    them say none ("Hillary Clinton" is a woman, so "Mr. Clinton" is not she); first
    names of both genders say nothing.

    >>> named_gender(_Context(), ["hillary"]).gender, named_gender(_Context(), ["casey"]).gender
    ('f', '')
    """
    if context.gender:
        return context
    genders = {given_name_genders().get(first, "") for first in firsts}
    if len(genders) != 1 or not (gender := genders.pop()):
        return context
    return replace(context, gender=gender)


def _kin_gender(raw: Sequence[str], words: Sequence[str]) -> str | None:
    """The gender a kinship noun before a name gives it ("" for "cousin"), or None when no
    kinship noun reaches the name: "his wife Melania", "her husband, artilleryman John",
    "daughter and adviser, Ivanka"; not "his wife and Trump", "his wife, Jane, said
    Sanders", "her daughter defended the McConnell plan" (a determiner between).
    "the son of Ron Paul" makes a relative of another's gender: the son is someone else."""
    if words[-1] in _CONJUNCTIONS:
        return None
    found: str | None = None
    for k, w in enumerate(words):
        after = raw[k + 1 :]
        if w not in _KIN_WORDS or _AFTER_KIN_ENDS & set(words[k + 1 :]):
            continue
        if after and words[k + 1] in ("of", "to"):
            found = ""  # "the mother of Moses Walker": his mother is another
        elif not _DETERMINERS & set(words[k + 1 :]):
            found = _KIN_WORDS[w]  # a determiner opens another's phrase
    return found


def _office(words: Sequence[str]) -> str:
    """The office a title before a name names: its last word that is a title
    ("Sen." -> "sen", "former President" -> "president"), or ""."""
    gaz = _gazetteer()
    for word in reversed(words):
        if word in _TITLE_NOISE:
            continue
        return word if gaz.is_title(word) else ""
    return ""


@functools.lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.default()


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
    """One resolved entity: its members (document id, local key) and mentions.

    A surname alone that joined no one records why in ``unresolved`` and the people
    it may be in ``candidates``: (cluster index, full-name mentions), most named first.
    """

    members: list[tuple[str, str]]
    entities: list[LocalEntity]
    unresolved: str | None = None
    candidates: tuple[tuple[int, int], ...] = ()


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


#: the most words a person's name is written with ("Martin Luther King Jr.")
_NAME_WORDS: Final = 4


def person_label(mentions: Sequence[Mention]) -> str:
    """The fullest proper form of a person's name among its mentions.

    Most words first (up to ``_NAME_WORDS``: a longer form is a headline that ran into
    the name, "Hillary Clinton Slams Donald Trump", and comes after every other), then the
    surname most mentions share (so a one-off typo loses), then the most frequent form,
    then alphabetical order.

    >>> m = lambda text: Mention("d", 0, len(text), text, "PERSON", text)
    >>> person_label([m("Donald Trump"), m("Hillary Clinton Slams Donald Trump")])
    'Donald Trump'
    >>> person_label([m("Martin Luther King Jr."), m("King")])
    'Martin Luther King Jr.'
    """
    forms = Counter(m.text for m in mentions)
    surnames = Counter((name_parts(t) or NameParts(None, (), t)).last for t in forms.elements())

    def score(form: str) -> tuple[bool, int, int, int, str]:
        parts = name_parts(form)
        last = parts.last if parts else form
        words = len(form.split())
        return (words > _NAME_WORDS, -words, -surnames[last], -forms[form], form)

    return min(forms, key=score)


#: the types a name shouted alone is a dateline of ("WASHINGTON -"); any other is an acronym
_DATELINE_TYPES: Final = frozenset({"Location", "Country"})


def entity_label(entity_type: str, mentions: Sequence[Mention], canonical: str | None) -> str:
    """The canonical label of an entity: gazetteer name, else the fullest proper form."""
    if canonical:
        return canonical
    if entity_type == "Person":
        return person_label(mentions)
    forms = Counter(m.text for m in mentions)
    best = min(forms, key=lambda f: (f.isupper() and len(f) > 5, -len(f.split()), -forms[f], f))
    if best.isupper() and len(best) > 5 and best.isalpha() and entity_type in _DATELINE_TYPES:
        return best.title()  # a dateline: "WASHINGTON"; not "FREOPP", "AFL-CIO": acronyms
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


def _used_as_place(m: RawMention) -> bool:
    """Whether a place's name stands after a preposition of place ("in Dallas"; "from" and
    "to" take people too: "from Bush to Kasich")."""
    if m.type not in ("Location", "Country"):
        return False
    return any(
        (words := before.split()) and words[-1].lower() in _IN_PLACE for before in _befores(m)
    )


_IN_PLACE: Final = frozenset({"in", "near", "outside", "inside", "across", "throughout"})


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


#: a one-word place or organisation that may be a surname joins a person only when that
#: person holds this share of the surname's full-name mentions
NAME_SHARE: Final = 0.9
#: the words that end an organisation's full name after its short one: "Columbia" is
#: "Columbia University" where the corpus names no other "Columbia ..."
_DESIGNATORS: Final = frozenset(
    {
        "university",
        "college",
        "international",
        "inc",
        "corp",
        "corporation",
        "company",
        "co",
        "group",
        "ltd",
        "llc",
        "institute",
        "foundation",
    }
)
#: a surname alone joins the corpus's person of that surname when that person holds at
#: least this share of the surname's full-name mentions ...
SURNAME_SHARE: Final = 0.8
#: ... and is named in full at least this many times (two mentions prove no dominance)
SURNAME_SUPPORT: Final = 3


@dataclass(frozen=True, slots=True)
class _Surnames:
    """The blocking index of full-name people: surname -> cluster root -> the number of
    full-name mentions of that surname in the cluster; each root's context."""

    counts: dict[str, Counter[int]]
    tails: dict[str, list[str]]
    contexts: dict[int, _Context]
    firsts: dict[int, set[str]]
    named: Counter[int]  # root -> its full-name mentions, whatever the surname

    def candidates(self, surname: str) -> Counter[int]:
        """The people a bare surname may be, with their full-name mention counts; for a
        first name and a suffix ("Donald Jr."), the people of that first name and suffix."""
        words = surname.split()
        if len(words) == 2 and words[1] in _GENERATIONS:
            first = _NICKNAMES.get(words[0], words[0])
            return Counter(
                {
                    root: count
                    for key, held in self.counts.items()
                    if key.endswith(f" {words[1]}")
                    for root, count in held.items()
                    if first in self.firsts.get(root, ())
                }
            )
        keys = [surname] if surname in self.counts else list(_surname_keys(surname)[1:])
        if not any(k in self.counts for k in keys) and " " not in surname:
            keys = list(self.tails.get(surname, ()))
        out: Counter[int] = Counter()
        for key in keys:
            out.update(self.counts.get(key, Counter()))
        if not out and surname in first_names():
            # "Hillary" where no one has that surname: the people of that first name
            first = _NICKNAMES.get(surname, surname)
            for root, count in self.named.items():
                if first in self.firsts.get(root, ()):
                    out[root] = count
        return out


@dataclass(frozen=True, slots=True)
class _Weak:
    """A document's surname-only person entity and what its document says around it."""

    index: int
    surname: str
    context: _Context
    local: frozenset[int]  # roots of the full-name people of that surname in its document
    local_relatives: bool  # every one of them a relative ("first lady Melania Trump")


def resolve_corpus(results: Iterable[DocResult]) -> Resolution:
    """Group the local entities of all documents into clusters, one per real entity.

    Entities are united by blocking keys (gazetteer id, full person name, normalised
    name), never by comparing all pairs; a surname alone then joins the person who holds
    nearly all full-name mentions of that surname in the corpus (see :func:`_decide`).
    Every decision reads only keys and counts over the whole set, so the result does
    not depend on document order.
    """
    entities: list[tuple[str, LocalEntity]] = sorted(
        ((r.info.id, e) for r in results for e in r.entities), key=lambda x: (x[0], x[1].key)
    )
    uf = _UnionFind(len(entities))
    weak, maybe_people, firsts = _claim_keys(entities, uf)
    # first names that differ by a transliteration (Sergei / Sergey) are one person
    for _last, pairs in firsts.items():
        pairs.sort()
        for (fa, ia), (fb, ib) in itertools.pairwise(pairs):
            if fa != fb and first_compatible(fa, fb):
                uf.union(ia, ib)
    _join_suffixed(entities, uf)
    _join_designated(entities, uf)
    index = _surname_index(entities, uf)
    # "Klobuchar" read as a place where she is not named in full, "Amy Klobuchar" elsewhere:
    # the same decision as for a surname tagged as a person, but no note when it stays
    for w in _weak_entities(entities, uf, [i for i, _surname in maybe_people]):
        target, _why, cands = _decide(w, index, uf)
        if target is not None and cands[target] >= NAME_SHARE * sum(cands.values()):
            uf.union(target, w.index)  # "Biden" read as an organisation: the one Biden
    notes = _join_surnames(entities, uf, index, weak)
    return _resolution(entities, uf, notes)


def _claim_keys(
    entities: Sequence[tuple[str, LocalEntity]], uf: _UnionFind
) -> tuple[list[int], list[tuple[int, str]], dict[str, list[tuple[str, int]]]]:
    """Unite entities that share a blocking key; return the surname-only people, the
    one-word places that may be surnames and the first names of each surname."""
    owner: dict[tuple[str, ...], int] = {}
    weak: list[int] = []
    maybe_people: list[tuple[int, str]] = []
    firsts: dict[str, list[tuple[str, int]]] = defaultdict(list)
    canonical_gids: dict[str, set[str]] = defaultdict(set)
    for _doc, entity in entities:
        if entity.gid and entity.canonical and entity.type != "Person":
            canonical_gids[normalize_name(entity.canonical)].add(entity.gid)
    for index, (_doc, entity) in enumerate(entities):
        keys: list[tuple[str, ...]] = []
        if entity.gid:
            keys.append(("gid", entity.gid))
        if entity.type == "Person":
            person, surname = _person_keys(entity)
            if surname is not None and not entity.gid:
                weak.append(index)
            own = name_parts(entity.canonical) if entity.gid and entity.canonical else None
            if own is not None and own.first:
                # a user's person entry: every full name of it joins it
                person.append(("person", own.first, own.last))
            keys += person
            for key in person:
                firsts[key[2]].append((key[1], index))
        elif not entity.gid:
            label = entity_label(entity.type, _named_mentions(entity), entity.canonical)
            name = normalize_name(label)
            gids = canonical_gids.get(name, set())
            # "the Times" read as the Washington Times: the one well-known entity of that name
            keys.append(("gid", next(iter(gids))) if len(gids) == 1 else ("name", name))
            if _maybe_surname(label, entity):
                maybe_people.append((index, label.lower()))
        for key in keys:
            uf.claim(owner, key, index)
    return weak, maybe_people, firsts


def _join_designated(entities: Sequence[tuple[str, LocalEntity]], uf: _UnionFind) -> None:
    """An unknown organisation named by one word joins the one unknown organisation of
    the corpus whose name is that word and a designator ("ORC" and "ORC International",
    "Columbia" and "Columbia University"), when no other name starts with that word."""
    longer: dict[str, set[int]] = defaultdict(set)
    designated: dict[str, int] = {}
    short: list[tuple[str, int]] = []
    for index, (_doc, entity) in enumerate(entities):
        if entity.gid or entity.type in ("Person", "Country", "Location"):
            continue
        words = normalize_name(entity_label(entity.type, _named_mentions(entity), None)).split()
        if len(words) == 1:
            short.append((words[0], index))
        elif len(words) > 1:
            longer[words[0]].add(uf.find(index))
            if len(words) == 2 and words[1] in _DESIGNATORS:
                designated[words[0]] = index
    for word, index in short:
        if word in designated and len(longer[word]) == 1:
            uf.union(designated[word], index)


def _join_suffixed(entities: Sequence[tuple[str, LocalEntity]], uf: _UnionFind) -> None:
    """ "Joseph R. Biden Jr." and "Joseph R. Biden" are one person unless a document
    names them apart: both full names, or the suffixed one beside that surname alone
    (Donald Trump Jr. beside "Trump" is his son)."""
    plain: dict[tuple[str, str], int] = {}
    suffixed: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_doc: dict[str, list[tuple[str | None, str, int]]] = defaultdict(list)
    for index, (doc, entity) in enumerate(entities):
        if entity.type != "Person":
            continue
        keys, surname = _person_keys(entity)
        if surname is not None:
            by_doc[doc].append((None, surname, index))
        for _kind, first, last in keys:
            by_doc[doc].append((first, last, index))
            words = last.split()
            if len(words) == 2 and words[1] in _GENERATIONS:
                suffixed[(first, words[0])].append(index)
            else:
                plain.setdefault((first, last), index)
    apart: set[tuple[str, str]] = set()
    for people in by_doc.values():
        for given, last, index in people:
            words = last.split()
            if len(words) != 2 or words[1] not in _GENERATIONS or given is None:
                continue
            if any(
                other != index and o_last == words[0] and o_first in (None, given)
                for o_first, o_last, other in people
            ):
                apart.add((given, words[0]))
    for key, members in sorted(suffixed.items()):
        if key in plain and key not in apart:
            for index in members:
                uf.union(plain[key], index)


def _surname_index(entities: Sequence[tuple[str, LocalEntity]], uf: _UnionFind) -> _Surnames:
    """Count each full-name person's mentions by surname (after the key unions)."""
    counts: dict[str, Counter[int]] = defaultdict(Counter)
    members: dict[int, list[Mention]] = defaultdict(list)
    firsts: dict[int, set[str]] = defaultdict(set)
    for index, (_doc, entity) in enumerate(entities):
        if entity.type != "Person":
            continue
        root = uf.find(index)
        for m in _named_mentions(entity):
            parts = name_parts(m.text)
            if parts is not None and parts.first is not None:
                counts[parts.last][root] += 1
                members[root].append(m)
                firsts[root].add(parts.first)
    contexts = {root: person_context(ms) for root, ms in members.items()}
    named = Counter({root: len(ms) for root, ms in members.items()})
    return _Surnames(dict(counts), _tails(counts), contexts, dict(firsts), named)


def _weak_entities(
    entities: Sequence[tuple[str, LocalEntity]], uf: _UnionFind, weak: Sequence[int]
) -> list[_Weak]:
    """Each surname-only person with its context and its document's people of that name."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for index, (doc, entity) in enumerate(entities):
        if entity.type == "Person":
            by_doc[doc].append(index)
    out = []
    for index in weak:
        doc, entity = entities[index]
        surname = _person_keys(entity)[1] if entity.type == "Person" else None
        surname = surname or entity_label(entity.type, _named_mentions(entity), None).lower()
        local: dict[int, bool] = {}
        for other in by_doc[doc]:
            named = [
                m
                for m in _named_mentions(entities[other][1])
                if (p := name_parts(m.text)) is not None and p.first and p.last == surname
            ]
            if other != index and named:
                local[uf.find(other)] = person_context(named).relative
        context = person_context(_named_mentions(entity))
        out.append(
            _Weak(index, surname, context, frozenset(local), bool(local) and all(local.values()))
        )
    return out


def _compatible(mine: _Context, theirs: _Context | None) -> bool:
    """Whether the words around a surname alone allow the person with ``theirs``."""
    if theirs is None:
        return True
    if mine.gender and theirs.gender and mine.gender != theirs.gender:
        return False
    return not (theirs.relative and mine.offices - theirs.offices)


def _decide(w: _Weak, index: _Surnames, uf: _UnionFind) -> tuple[int | None, str, Counter[int]]:
    """The person a surname alone joins, or None and why; and the candidates."""
    cands: Counter[int] = Counter()
    for root, count in index.candidates(w.surname).items():
        cands[uf.find(root)] += count
    if w.local and not w.local_relatives:
        return None, "its document names more than one person of this surname", cands
    pool = Counter({r: c for r, c in cands.items() if r not in w.local})
    if not pool:
        return None, "no person of this surname is named in full", cands
    fit = Counter({r: c for r, c in pool.items() if _compatible(w.context, index.contexts.get(r))})
    if not fit:
        return None, "the title or honorific before it fits none of them", cands
    if w.context.offices:
        holders = [r for r in fit if w.context.offices & index.contexts[r].offices]
        if len(holders) == 1:
            return holders[0], "", cands
    top = min(fit, key=lambda r: (-fit[r], r))
    share = fit[top] / sum(fit.values())
    if share < SURNAME_SHARE:
        return None, f"ambiguous: the most named of them holds {share:.0%} of the full names", cands
    well_known = any(is_leader(first, w.surname) for first in index.firsts.get(top, ()))
    if fit[top] < SURNAME_SUPPORT and not _suffixed(w.surname) and not well_known:
        return None, f"too little evidence: named in full {fit[top]} time(s)", cands
    return top, "", cands


def _given(name: str) -> bool:
    """Whether a weak name is a given name ("john"; "donald jr" is a given name too)."""
    words = name.split()
    return bool(words) and words[0] in first_names() and (len(words) == 1 or _suffixed(name))


def _suffixed(surname: str) -> bool:
    """Whether a weak name is a first name and a suffix ("Donald Jr."): specific enough
    that one full-name mention of that person is evidence enough."""
    words = surname.split()
    return len(words) == 2 and words[1] in _GENERATIONS


def _join_surnames(
    entities: Sequence[tuple[str, LocalEntity]],
    uf: _UnionFind,
    index: _Surnames,
    weak: Sequence[int],
) -> dict[int, tuple[set[str], Counter[int]]]:
    """Join each surname alone to its person (decided on the index, not on one another,
    so in any order); those left join the others of their surname, with a note."""
    decisions = [(w, *_decide(w, index, uf)) for w in _weak_entities(entities, uf, weak)]
    apart: dict[str, int] = {}
    notes: dict[int, tuple[set[str], Counter[int]]] = {}
    for w, target, reason, cands in decisions:
        if target is not None:
            uf.union(target, w.index)
            continue
        # a given name alone that is no one's surname ("John") names no one across documents
        key = w.surname if w.surname in index.counts or not _given(w.surname) else str(w.index)
        if key in apart:
            uf.union(apart[key], w.index)
        else:
            apart[key] = w.index
        why, seen = notes.setdefault(apart[key], (set(), Counter()))
        why.add(reason)
        for root, count in cands.items():
            seen[root] = max(seen[root], count)
    return {uf.find(i): note for i, note in notes.items()}


def _resolution(
    entities: Sequence[tuple[str, LocalEntity]],
    uf: _UnionFind,
    notes: Mapping[int, tuple[set[str], Counter[int]]],
) -> Resolution:
    groups = uf.groups()
    clusters: list[Cluster] = []
    of: dict[tuple[str, str], int] = {}
    number = {root: n for n, root in enumerate(sorted(groups))}
    for root in sorted(groups):
        members = [(entities[i][0], entities[i][1].key) for i in groups[root]]
        for member in members:
            of[member] = len(clusters)
        cluster = Cluster(members, [entities[i][1] for i in groups[root]])
        if root in notes:
            why, seen = notes[root]
            total: Counter[int] = Counter()
            for cand, count in seen.items():
                total[number[uf.find(cand)]] += count
            cluster.unresolved = "; ".join(sorted(why))
            cluster.candidates = tuple(sorted(total.items(), key=lambda x: (-x[1], x[0])))
        clusters.append(cluster)
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
#: the heads of bodies named after a person ("the Trump administration")
_PERSONAL_BODY_HEADS: Final = frozenset({"administration", "campaign"})
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
    statements: Sequence[StatementRecord] = (),
) -> DocResult:
    """Group one document's mentions into local entities; point records at them.

    Relation, allegation and statement records name their entities by mention offsets
    (``"start:end"``); they come back naming local entity keys.  A group that
    belongs to a country ("the Israeli army") gets a ``part_of`` relation to it.
    """
    # a total order: two mentions of one span (found two ways) must not come in the order a
    # set gives them, which changes with the hash seed
    ordered = _publisher_forms(
        sorted(set(mentions), key=lambda m: (m.start, m.end, repr(m))), info.source
    )
    grouping = _DocGroups(ordered)
    grouping.seed()
    grouping.join_typos()
    grouping.promote_place_names()
    grouping.join_nicknames()
    grouping.join_partial_names()
    grouping.join_surnames()
    grouping.join_names()
    _merge_short_forms(ordered, grouping.person, grouping.uf)
    entities, key_of = grouping.entities(info.id)
    extra = _part_of_relations(info.id, entities, ordered, key_of)
    return DocResult(
        info=info,
        entities=tuple(entities),
        relations=tuple(
            sorted(set(_remap_relations([*relations, *extra], key_of)), key=_relation_key)
        ),
        allegations=tuple(_remap_allegations(allegations, key_of)),
        warnings=tuple(warnings),
        statements=tuple(_remap_statements(statements, key_of)),
    )


class _DocGroups:
    """The mention grouping of one document, step by step: a union-find over the
    mentions and what the steps learn (who is a person, name parts, surnames)."""

    def __init__(self, mentions: Sequence[RawMention]) -> None:
        self.mentions = mentions
        self.uf = _UnionFind(len(mentions))
        self.person = [False] * len(mentions)
        self.by_key: dict[tuple[str, ...], int] = {}
        self.full: dict[int, NameParts] = {}
        self.singles: list[int] = []
        self.surnames: dict[str, list[int]] = defaultdict(list)
        self._contexts: dict[int, _Context] = {}

    def claim(self, key: tuple[str, ...], i: int) -> None:
        self.uf.claim(self.by_key, key, i)

    def seed(self) -> None:
        """Gazetteer ids; full names (same first, nickname-folded, and last name); single
        names.  A user's person entry also claims its canonical full name."""
        for i, m in enumerate(self.mentions):
            parts = name_parts(m.canonical or m.text) if m.type == "Person" else None
            if m.gid:
                self.claim(("gid", m.gid), i)
                if parts is None or parts.first is None:
                    continue
            elif parts is None:
                continue
            self.person[i] = not m.gid
            if parts.first is None:
                self.singles.append(i)
            else:
                self.full[i] = parts
        for i, parts in self.full.items():
            self.claim(("person", parts.first or "", parts.last), i)
            self.surnames[parts.last].append(i)

    def join_typos(self) -> None:
        """A one-letter typo in a long surname, same first name and initials: one person."""
        lasts = sorted(self.surnames)
        for a_index, a in enumerate(lasts):
            for b in lasts[a_index + 1 :]:
                if len(a) < 5 or len(b) < 5 or not edit_distance_le1(a, b):
                    continue
                for i, j in itertools.product(self.surnames[a], self.surnames[b]):
                    pa, pb = self.full[i], self.full[j]
                    if pa.first == pb.first and _initials(pa.middle) == _initials(pb.middle):
                        self.uf.union(i, j)

    def single_surnames(self) -> set[str]:
        return {self.mentions[i].text.lower() for i in self.singles} | {
            p.last for i in self.singles if (p := name_parts(self.mentions[i].text)) is not None
        }

    def promote_place_names(self) -> None:
        """ "Helen Park" tagged as a place, "Ms. Park" as a person: the full name is hers."""
        surnames = self.single_surnames()
        for i, m in enumerate(self.mentions):
            words = m.text.split()
            if (
                m.gid
                or self.person[i]
                or not 2 <= len(words) <= 4
                or m.ner not in ("GPE", "LOC", "FAC", "ORG")
                or words[-1].lower() not in surnames
                or not all(w[:1].isupper() for w in words)
            ):
                continue
            parts = name_parts(m.text)
            if parts is not None and parts.first is not None:
                self.person[i] = True
                self.full[i] = parts
                self.claim(("person", parts.first, parts.last), i)
                self.surnames[parts.last].append(i)

    def people_named(self, last: str) -> set[int]:
        return {self.uf.find(i) for i in _named_by(self.surnames, last)}

    def join_nicknames(self) -> None:
        """A nickname before a known surname ("Shifty Schiff"): the one person of it."""
        first_names = {p.first for p in self.full.values() if p.first}
        for i, parts in list(self.full.items()):
            roots = self.people_named(parts.last) - {self.uf.find(i)}
            others = {self.full[j].first for j in self.surnames[parts.last] if j != i}
            if (
                self.mentions[i].nickname_like
                and parts.first not in others
                and len(roots) == 1
                and sum(1 for p in self.full.values() if p.first == parts.first) == 1
                and parts.first not in (first_names - {parts.first})
            ):
                self.uf.union(next(iter(roots)), i)

    def join_partial_names(self) -> None:
        """The last words of one longer name ("Berman Jackson" for "Amy Berman Jackson")."""
        words_of = {i: self.mentions[i].text.lower().split() for i in self.full}
        for i, words in words_of.items():
            if len(words) < 2:
                continue  # a user's entry met by its surname: the surname rules decide
            holders = {
                self.uf.find(j)
                for j, longer in words_of.items()
                if len(longer) > len(words) and longer[-len(words) :] == words
            }
            if len(holders) == 1:
                self.uf.union(next(iter(holders)), i)

    def join_surnames(self) -> None:
        """A surname alone (or a name spaCy mislabelled ORG): the one person of that
        surname whom the words before it fit; else its own surname-only entity."""
        surnames = self.single_surnames()
        singles = set(self.singles)
        for i, m in enumerate(self.mentions):
            if m.gid or (m.type == "Person" and i not in singles):
                continue
            if m.type != "Person" and (len(m.text.split()) != 1 or m.demonym):
                continue
            parts = name_parts(m.text)
            last = parts.last if parts is not None else m.text.lower().replace("\u2019", "'")
            roots = {r for r in self.people_named(last) if self._fits(i, r)}
            if not roots and m.type == "Person" and not _after_honorific_text(m):
                roots = self._first_name_alone(last)
            if len(roots) == 1:
                self.uf.union(next(iter(roots)), i)
                self.person[i] = True
            elif m.type == "Person" or (last in surnames and not _used_as_place(m)):
                # "Trump" tagged ORG beside "Mr. Trump": the person of that surname; not
                # "in Dallas" beside a "Dallas" spaCy took for a person
                self.claim(("surname", last), i)
                self.person[i] = True

    def _fits(self, i: int, root: int) -> bool:
        """Whether a surname alone may be the person ``root``: not when "Mr."/"Mrs." says
        another gender; a relative ("first lady Melania Trump", "his son Eric Trump")
        only when "Mrs."/"Mr." says so, for a kinship noun says another bears the name."""
        known = self._contexts.get(root)
        if known is None:
            members = [j for j in self.full if self.uf.find(j) == root]
            known = self._contexts[root] = named_gender(
                person_context([self.mentions[j] for j in members]),
                {self.full[j].first or "" for j in members},
            )
        mine = person_context([self.mentions[i]])
        if known.gender and mine.gender and known.gender != mine.gender:
            return False
        if known.relative:
            # "the president's daughter, Ivanka Trump" beside "Trump said": the president
            return bool(known.gender) and mine.gender == known.gender
        return True

    def _first_name_alone(self, last: str) -> set[int]:
        """ "Gordon said" where only Gordon Sondland is named: a first name that is one
        person's and nobody's surname; "Donald Jr." for "Donald Trump Jr."."""
        words = last.split()
        first = _NICKNAMES.get(words[0], words[0])
        suffix = words[1] if len(words) == 2 and words[1] in _GENERATIONS else None
        if len(words) > 1 and suffix is None:
            return set()
        return {
            self.uf.find(j)
            for j, p in self.full.items()
            if p.first == first and (suffix is None or p.last.endswith(f" {suffix}"))
        }

    def join_names(self) -> None:
        """Everything else by its normalised name (a group by its canonical name)."""
        for i, m in enumerate(self.mentions):
            if not m.gid and not self.person[i]:
                self.claim(("name", normalize_name(m.canonical or m.text)), i)

    def entities(self, doc_id: str) -> tuple[list[LocalEntity], dict[str, str]]:
        """The local entities, numbered in document order, and mention ref -> key."""
        groups = self.uf.groups()
        entities: list[LocalEntity] = []
        key_of: dict[str, str] = {}
        order = sorted(groups, key=lambda r: self.mentions[groups[r][0]].start)
        for number, root in enumerate(order):
            members = [self.mentions[i] for i in groups[root]]
            is_person = any(self.person[i] for i in groups[root]) and not any(
                m.gid for m in members
            )
            key = f"e{number}"
            entities.append(_local_entity(key, doc_id, members, is_person))
            for m in members:
                key_of[f"{m.start}:{m.end}"] = key
        return entities, key_of


def _local_entity(
    key: str, doc_id: str, members: Sequence[RawMention], is_person: bool
) -> LocalEntity:
    """One local entity: the gazetteer id most members carry, its type and canonical name."""
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
        canonical = next((m.canonical for m in members if m.canonical), None)
    parts_of = Counter(m.part_of for m in members if m.part_of)
    part_of = min(parts_of, key=lambda g: (-parts_of[g], g)) if parts_of else None
    return LocalEntity(
        key=key,
        type=etype,  # type: ignore[arg-type]
        mentions=tuple(Mention(doc_id, m.start, m.end, m.text, m.ner, m.sentence) for m in members),
        subtype=subtype,
        gid=gid,
        canonical=canonical,
        part_of=part_of,
    )


def _part_of_relations(
    doc_id: str,
    entities: Sequence[LocalEntity],
    mentions: Sequence[RawMention],
    key_of: Mapping[str, str],
) -> list[RelationRecord]:
    """``part_of`` (a state's force) or ``based_in`` (any other group) from a group to
    its country, stated where the group is named ("the Israeli army shelled ...")."""
    by_gid = {e.gid: e.key for e in entities if e.gid}
    out = []
    for m in mentions:
        group = key_of.get(f"{m.start}:{m.end}")
        country = by_gid.get(m.part_of) if m.part_of else None
        if group is None or country is None or group == country:
            continue
        predicate = "part_of" if m.type == "Agency" else "based_in"
        start = m.sent_start if m.sent_start >= 0 else m.start
        evidence = Evidence(doc_id, start, start + len(m.sentence), m.sentence)
        out.append(RelationRecord(f"{m.start}:{m.end}", country, predicate, evidence))
    return out


def _remap_relations(
    relations: Iterable[RelationRecord], key_of: Mapping[str, str]
) -> list[RelationRecord]:
    """Relations pointed at local entity keys; those whose ends are one entity dropped."""
    keys = set(key_of.values())
    out = []
    for rel in relations:
        s, o = _remap(rel.subject, key_of, keys), _remap(rel.object, key_of, keys)
        if s is not None and o is not None and s != o:
            by = _remap(rel.according_to, key_of, keys) if rel.according_to is not None else None
            out.append(RelationRecord(s, o, rel.predicate, rel.evidence, rel.attrs, by))
    return out


def _remap(ref: str, key_of: Mapping[str, str], keys: set[str]) -> str | None:
    return key_of.get(ref, ref if ref.startswith("e") and ref in keys else None)


def _remap_allegations(
    allegations: Iterable[AllegationRecord], key_of: Mapping[str, str]
) -> list[AllegationRecord]:
    """Allegations pointed at local entity keys; those left with no accused dropped."""
    keys = set(key_of.values())
    out = []
    for alleg in allegations:
        roles = []
        for role in alleg.roles:
            target = _remap(role.entity, key_of, keys)
            if target is not None:
                roles.append(RoleRecord(role.role, target, role.evidence, role.anonymous))
        if any(r.role == "accused" for r in roles):
            out.append(replace(alleg, roles=tuple(sorted(set(roles), key=_role_key))))
    return out


def _remap_statements(
    statements: Iterable[StatementRecord], key_of: Mapping[str, str]
) -> list[StatementRecord]:
    """Statements pointed at local entity keys; a speaker that is no entity becomes none."""
    keys = set(key_of.values())

    def one(ref: str | None) -> str | None:
        return None if ref is None else _remap(ref, key_of, keys)

    out = []
    for st in statements:
        about = tuple(dict.fromkeys(k for r in st.about if (k := one(r)) is not None))
        out.append(
            replace(st, speaker=one(st.speaker), on_behalf_of=one(st.on_behalf_of), about=about)
        )
    return sorted(out, key=lambda st: (st.cue, st.content))


def _role_key(r: RoleRecord) -> tuple[str, str, int, int, bool]:
    return (r.role, r.entity, r.evidence.start, r.evidence.end, r.anonymous)


def _relation_key(r: RelationRecord) -> tuple[int, str, str, str, str, str]:
    return (r.evidence.start, r.subject, r.predicate, r.object, repr(r.attrs), r.according_to or "")


def _merge_short_forms(mentions: Sequence[RawMention], person: list[bool], uf: _UnionFind) -> None:
    """Acronyms ("NSC") and short forms ("The Times", "Judiciary Committee") join the one
    longer name they stand for."""
    longs: dict[int, tuple[list[str], bool, bool]] = {}  # root -> words, company?, place?
    initials: dict[int, set[str]] = defaultdict(set)  # root -> acronyms of its long names
    names: dict[int, set[str]] = defaultdict(set)  # root -> its long names
    for i, m in enumerate(mentions):
        if person[i] or m.demonym:
            continue
        words = normalize_name(m.text).split()
        if len(words) >= 2:
            initials[uf.find(i)].add(acronym(m.text))
            names[uf.find(i)].add(m.text)
        if len(words) >= 2 and uf.find(i) not in longs:
            company = not m.gid and m.type == "Organization" and m.ner == "ORG"
            longs[uf.find(i)] = (words, company, m.type in _PLACE_TYPES)
    for i, m in enumerate(mentions):
        if person[i] or m.demonym or m.gid:
            continue  # the gazetteer has already said what a known name is
        words = normalize_name(m.text).split()
        if not words:
            continue
        root = uf.find(i)
        targets = {
            other
            for other, (long_words, company, place) in longs.items()
            if other != root
            and (
                _shortens(m, words, long_words, company, place)
                or (
                    _is_acronym(m, words)
                    and (
                        words[0] in initials[other]
                        or any(abbreviates(m.text, name) for name in names[other])
                    )
                )  # "NSC"; "VEXAG" for the Venus Exploration Analysis Group
            )
        }
        if len(targets) == 1:
            uf.union(next(iter(targets)), i)


_PLACE_TYPES: Final = frozenset({"Country", "Location"})
#: what a publisher's name may carry after it: "New York Times - News", "CNN (Web News)"
_SOURCE_TAIL: Final = re.compile(r"\s+(?:-\s.*|\(.*\))$")


def _publisher_forms(mentions: list[RawMention], source: str | None) -> list[RawMention]:
    """A paper's short name ("the Times", "the Post") is the publisher's own unless the
    text names another paper of that short name and not the publisher: in a Washington
    Times article, "the Times" is The Washington Times."""
    if not source:
        return mentions
    publisher = _SOURCE_TAIL.sub("", source.strip())
    own = normalize_name(publisher).split()
    longs = [normalize_name(m.text).split() for m in mentions if not m.demonym]
    out = []
    for m in mentions:
        words = normalize_name(m.text).split()
        if m.type == "Organization" and not m.gid and 0 < len(words) < len(own):
            others = [w for w in longs if len(w) > len(words) and w[-len(words) :] == words]
            if own[-len(words) :] == words and (own in others or not others):
                m = dataclasses.replace(m, canonical=publisher)
        out.append(m)
    return out


def _is_acronym(m: RawMention, words: list[str]) -> bool:
    """Whether a mention is written as an acronym ("USPS", "N.S.C.")."""
    return len(words) == 1 and len(words[0]) >= 3 and m.text.replace(".", "").isupper()


def _shortens(
    m: RawMention, words: list[str], long_words: list[str], company: bool, place: bool
) -> bool:
    """Whether ``words`` (the mention ``m``) is a short form of ``long_words``."""
    if long_words[:-1] == words and long_words[-1] in _PERSONAL_BODY_HEADS:
        return False  # "Trump" is not short for "the Trump administration": it is the man
    if (
        len(words) == 1
        and m.text.replace(".", "").isupper()
        and len(words[0]) >= 2
        and words[0] in (acronym(" ".join(long_words)), acronym(" ".join(long_words[1:])))
    ):
        return True  # "NSC"; "IC" for "U.S. Intelligence Community"
    if len(words) == 1 and words[0] in _BODY_HEADS and m.text[:1].isupper():
        return long_words[-1] == words[0]  # "the Committee" for the one committee named
    shorter = len(words) < len(long_words)
    if not shorter:
        return False
    if (
        # "The Times" for "The New York Times", "Judiciary Committee" for the Senate's;
        # not "Richmond" for "University of Richmond" (another thing), "York" for "New
        # York" (another place), "Committee" for any committee
        long_words[-len(words) :] == words
        and long_words[-len(words) - 1] != "of"
        and (words[-1] not in _GENERIC_HEADS or words[0] not in _GENERIC_HEADS)
        and not place
        and m.type not in _PLACE_TYPES
    ):
        return True
    if company and m.type == "Organization" and long_words[: len(words)] == words:
        return True  # "Orbis" for "Orbis Business Intelligence", "XBT" for "XBT Holdings"
    # "House Judiciary" for "House Judiciary Committee", "Commerce" for the Commerce Department
    return long_words[:-1] == words and long_words[-1] in _BODY_HEADS


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


def _accused_states(
    doc: str,
    record: AllegationRecord,
    node_of: Mapping[tuple[str, str], str],
    state_of: Mapping[str, str],
) -> list[str]:
    """The nodes a record accuses, each an organ of a state counted as the state."""
    accused = {node_of.get((doc, r.entity)) for r in record.roles if r.role == "accused"}
    return sorted({state_of.get(a, a) for a in accused if a})


#: accusation words precise enough to find their allegation in another document: a lawsuit
#: is the lawsuit, a charge the charge ("accusation" says no more than that someone accused)
_KINDS_OF_ACCUSATION: Final = frozenset({"lawsuit", "charge"})
#: acts a state does through its leader: the leader's are the state's
_ACTS_OF_STATE: Final = frozenset(
    {
        "interference",
        "hacking",
        "aggression",
        "attack",
        "poisoning",
        "chemical",
        "nuclear",
        "espionage",
        "arming",
        "disinformation",
        "bounty",
        "atrocity",
        "harboring",
    }
)
#: words that make an accusation another than the one a document is about ("the new
#: allegation against Kavanaugh")
_NEW_WORDS: Final = frozenset({"new", "newest", "latest", "second", "another", "fresh"})
#: years this far apart are two times of an act (see :func:`_split_by_time`)
_YEARS_APART: Final = 2
#: acts done together: the partner of a collusion is a party to it as much as the accused
_SYMMETRIC_ACTS: Final = frozenset({"collusion"})


@dataclass(frozen=True, slots=True)
class _Frame:
    """What identifies an allegation: who (as states), what act, to whom (a person)."""

    doc: str
    parties: tuple[str, ...]
    act: str | None
    victim: str | None

    @classmethod
    def of(
        cls,
        doc: str,
        record: AllegationRecord,
        node_of: Mapping[tuple[str, str], str],
        state_of: Mapping[str, str],
        leader_of: Mapping[str, str],
    ) -> _Frame:
        act = _act(record)
        if act in _ACTS_OF_STATE:
            state_of = {**leader_of, **state_of}  # "Putin interfered": Russia did
        targets = sorted(
            n for r in record.roles if r.role == "target" and (n := node_of.get((doc, r.entity)))
        )
        parties = _accused_states(doc, record, node_of, state_of)
        if act in _SYMMETRIC_ACTS:
            parties = sorted({*parties, *(state_of.get(t, t) for t in targets)})
        victims = [t for t in targets if t not in parties and state_of.get(t, t) not in parties]
        if not victims and record.unnamed_victim:
            victims = [f"unnamed:{doc}:{record.key}"]  # someone no one names: no one else
        return cls(doc, tuple(parties), act, victims[0] if len(victims) == 1 else None)


def _merge_frames(
    records: Sequence[tuple[str, AllegationRecord]], frames: Sequence[_Frame], uf: _UnionFind
) -> None:
    """Union the records of one allegation (see :func:`merge_allegations`): one party and
    one act, and no two victims (see :func:`_merge_victims`); an accusation with no act
    joins the one allegation of that party in its document, else the one in the corpus of
    the same kind (a lawsuit with a lawsuit), else it stands alone for its document."""
    owner: dict[tuple[str, ...], int] = {}
    for index, (_doc, record) in enumerate(records):
        if record.key.startswith("allegation/"):
            uf.claim(owner, ("node", record.key), index)  # a node read back from a graph
    _merge_victims(records, frames, uf, owner)
    by_doc: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_word: dict[tuple[str, str], set[int]] = defaultdict(set)
    for index, (doc, record) in enumerate(records):
        if frames[index].act is not None:
            for party in frames[index].parties:
                by_doc[(doc, party)].add(index)
                for word in record.keywords:
                    if word in _KINDS_OF_ACCUSATION:
                        by_word[(party, word)].add(index)
    for index, (doc, record) in enumerate(records):
        frame = frames[index]
        if frame.act is not None:
            continue
        roots = _told_of(index, records, frames, by_doc, uf)
        if len(roots) != 1:
            roots = {
                uf.find(j)
                for p in frame.parties
                for w in record.keywords
                for j in by_word.get((p, w), ())
            }
        if len(roots) == 1:
            uf.union(next(iter(roots)), index)
            continue
        for party in frame.parties:
            for word in record.keywords or ("accusation",):
                uf.claim(owner, (party, word, doc), index)


def _told_of(
    index: int,
    records: Sequence[tuple[str, AllegationRecord]],
    frames: Sequence[_Frame],
    by_doc: Mapping[tuple[str, str], set[int]],
    uf: _UnionFind,
) -> set[int]:
    """The allegations of its document an accusation with no act may be (their roots): of
    its party; of several, the one its claimant made or suffered ("her accusation against
    Biden"), else, when it names no one, the one its document tells most of ("the
    accusations against Biden": the one the document is about)."""
    doc, record = records[index]
    mine = [j for p in frames[index].parties for j in by_doc.get((doc, p), ())]
    roots = {uf.find(j) for j in mine}
    if len(roots) < 2:
        return roots
    parties = _parties_to_claim(record)
    if parties:
        return {uf.find(j) for j in mine if _parties_to_claim(records[j][1]) & parties}
    size = Counter(uf.find(j) for j in set(mine))
    ranked = size.most_common()
    if ranked[0][1] == ranked[1][1]:
        return roots
    if _NEW_WORDS & set(record.text.lower().split()[:3]):
        # "the new allegation against Kavanaugh": not the one told most, the other one
        return {ranked[1][0]} if len(ranked) == 2 else roots
    return {ranked[0][0]}


def _join_general(
    records: Sequence[tuple[str, AllegationRecord]],
    frames: Sequence[_Frame],
    node_of: Mapping[tuple[str, str], str],
    uf: _UnionFind,
) -> None:
    """Join each allegation of a general act (:data:`kgraph.lexicon.GENERAL_ACTS`: "a memo
    alleging FBI misconduct") to the one allegation of a specific act its accused, as named
    (the FBI, not the United States), has in the documents that tell it ("the FBI misled a
    judge"); with none, or several, it stays alone.  A weak act (a payment) is too plain to be
    the wrong."""

    def accused(index: int) -> set[str]:
        doc, record = records[index]
        return {
            n for r in record.roles if r.role == "accused" and (n := node_of.get((doc, r.entity)))
        }

    specific: dict[tuple[str, str], set[int]] = defaultdict(set)
    general: dict[int, list[int]] = defaultdict(list)
    for index, frame in enumerate(frames):
        if frame.act in GENERAL_ACTS:
            general[uf.find(index)].append(index)
        elif frame.act is not None and not _weak_act(frame.act):
            for node in accused(index):
                specific[(frame.doc, node)].add(index)
    groups = uf.groups()
    for root, members in sorted(general.items()):
        if any(frames[i].act not in GENERAL_ACTS for i in groups[root]):
            continue  # already one with a specific act
        # "denied any wrongdoing in the firing of X": only the allegation of the act it names
        named = {k for i in members for k in records[i][1].keywords if _specific_act(k)}
        told = {
            uf.find(j)
            for i in members
            for node in accused(i)
            for j in specific.get((frames[i].doc, node), ())
            if not named or frames[j].act in named
        }
        if len(told) == 1:
            uf.union(next(iter(told)), root)


def _specific_act(word: str) -> bool:
    """Whether a keyword is an act class that is no general one (see :func:`_join_general`)."""
    return word in act_lexicon().classes and word not in GENERAL_ACTS


def _weak_act(act: str) -> bool:
    """Whether an act class is weak (see ``kgraph/data/acts.tsv``): a payment, a threat."""
    known = act_lexicon().classes.get(act)
    return known is not None and known.weak


def _parties_to_claim(record: AllegationRecord) -> set[str]:
    """Who made a claim or suffered its act (the entities of one document)."""
    return {r.entity for r in record.roles if r.role in ("alleged_by", "target")}


def _year(record: AllegationRecord) -> int | None:
    """The year a record says its act was done in, if any."""
    time = record.time
    return int(time[:4]) if time and time[:4].isdigit() else None


def _merge_victims(
    records: Sequence[tuple[str, AllegationRecord]],
    frames: Sequence[_Frame],
    uf: _UnionFind,
    owner: dict[tuple[str, ...], int],
) -> None:
    """Union the records of one party, one act and one victim.  An act with no named victim
    joins the others of its party and act, and with them the one victim the corpus names
    for that party and act; and the one victim its own document names ("Kavanaugh
    assaulted her" beside "Kavanaugh assaulted Ford").  A record with a time, no victim
    and no victim in its document joins none of them when the corpus names victims but
    none at its time: "China hacked the campaigns in 2008" is not "China hacked Clinton's
    emails", told without a time (it waits for :func:`_split_by_time` otherwise)."""
    local: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    victims: dict[tuple[str, str], set[str]] = defaultdict(set)
    years: dict[tuple[str, str], set[int]] = defaultdict(set)
    for frame in frames:
        if frame.act is not None and frame.victim is not None:
            for party in frame.parties:
                local[(frame.doc, party, frame.act)].add(frame.victim)
                victims[(party, frame.act)].add(frame.victim)
    for index, frame in enumerate(frames):  # the times of the acts told with their victims
        year = _year(records[index][1])
        if frame.act is None or year is None:
            continue
        for party in frame.parties:
            if local.get((frame.doc, party, frame.act)):
                years[(party, frame.act)].add(year)
    for index, frame in enumerate(frames):
        if frame.act is None:
            continue
        year = _year(records[index][1])
        for party in frame.parties:
            tail = frame.victim or "*"
            if (
                tail == "*"
                and year is not None
                and (party, frame.act) in victims
                and not local.get((frame.doc, party, frame.act))
                and all(abs(year - y) >= _YEARS_APART for y in years[(party, frame.act)])
            ):
                tail = f"*{year}"
            uf.claim(owner, (party, frame.act, tail), index)
    for (party, act), named in sorted(victims.items()):
        if len(named) == 1 and (party, act, "*") in owner:
            uf.union(owner[(party, act, "*")], owner[(party, act, next(iter(named)))])
    told: Counter[tuple[str, str, str, str]] = Counter(
        (f.doc, p, f.act, f.victim) for f in frames if f.act and f.victim for p in f.parties
    )
    for index, frame in enumerate(frames):
        if frame.act is None or frame.victim is not None:
            continue
        for party in frame.parties:
            named = local.get((frame.doc, party, frame.act), set())
            if len(named) > 1:
                named = _told_most_of(named, frame, party, told, records[index][1])
            if len(named) == 1:
                uf.union(owner[(party, frame.act, next(iter(named)))], index)


def _told_most_of(
    named: set[str],
    frame: _Frame,
    party: str,
    told: Counter[tuple[str, str, str, str]],
    record: AllegationRecord,
) -> set[str]:
    """Of the victims a document names for one party and act, the one it tells most of
    (the one the story is about: "the professor who accused Kavanaugh of assault" beside
    Ford's account and a second woman's), unless the record's sentence says it is another
    ("another woman accused Moore ..."); else all of them."""
    sentence = record.evidence[0].sentence.lower().split() if record.evidence else []
    if _NEW_WORDS & set(sentence):
        return named
    act = frame.act or ""
    counts = sorted(((told[(frame.doc, party, act, v)], v) for v in named), reverse=True)
    if counts[0][0] > counts[1][0]:
        return {counts[0][1]}
    return named


def _split_by_time(
    groups: Iterable[list[int]], records: Sequence[tuple[str, AllegationRecord]]
) -> Iterator[list[int]]:
    """Each group of records, split where their times conflict: an act of 2008 and one of
    2018 are two allegations ("China hacked the campaigns in 2008" is not the hacking of
    2018).  A record with no time stays with the records of its own document when they have
    one time, else with the largest part (the earliest on a tie).  Years a year apart do not
    conflict: a date read off a long clause often says when the thing the act was about
    happened ("lied in 2017 about his role in the 2016 campaign"), close to the act's own."""
    for members in groups:
        years = {i: int(t[:4]) for i in members if (t := records[i][1].time) and t[:4].isdigit()}
        spans = _year_spans(set(years.values()))
        if len(spans) < 2:
            yield members
            continue
        part_of = {i: next(f for f in spans if f <= y <= spans[f]) for i, y in years.items()}
        parts: dict[int, list[int]] = defaultdict(list)
        for i, first in part_of.items():
            parts[first].append(i)
        largest = min(parts, key=lambda f: (-len(parts[f]), f))
        for i in members:
            if i in part_of:
                continue
            own = {part_of[j] for j in part_of if records[j][0] == records[i][0]}
            parts[next(iter(own)) if len(own) == 1 else largest].append(i)
        for first in sorted(parts):
            yield sorted(parts[first])


def _year_spans(years: set[int]) -> dict[int, int]:
    """Runs of years with no gap of :data:`_YEARS_APART` or more: first year -> last year.

    >>> _year_spans({2016, 2017, 2008, 2019})
    {2008: 2008, 2016: 2017, 2019: 2019}
    """
    spans: dict[int, int] = {}
    for year in sorted(years):
        last = max(spans, default=None)
        if last is not None and year - spans[last] < _YEARS_APART:
            spans[last] = year
        else:
            spans[year] = year
    return spans


def _act(record: AllegationRecord) -> str | None:
    """The act a record is about: its act class, else (a record of your own extractor) its
    first keyword that is no accusation word."""
    return record.act or next((k for k in record.keywords if k not in GENERIC_ACTS), None)


def merge_allegations(
    results: Sequence[DocResult],
    node_of: dict[tuple[str, str], str],
    state_of: dict[str, str] | None = None,
    leader_of: dict[str, str] | None = None,
) -> list[AllegationNode]:
    """One node per allegation: records of one accused and one act class merge.

    A record's frame is its accused, the act class of its clause and its time.  Two records
    merge when an accused and the act class agree (an organ of a state counts as the state:
    ``state_of``, the Kremlin is Russia, so "the Kremlin was arming the Taliban" and "Russia
    provided weapons to the Taliban" are one allegation; each keeps its own ``accused``
    edge), never through other words the clauses share, and not when their targets or
    times conflict.  An accusation that names no act ("charges against Manafort", "her
    accusation against Biden") joins the one allegation of that accused in its document,
    else it stands alone for that document.
    """
    records: list[tuple[str, AllegationRecord]] = [
        (r.info.id, a) for r in sorted(results, key=lambda r: r.info.id) for a in r.allegations
    ]
    records.sort(key=lambda x: (x[0], x[1].evidence[0].start if x[1].evidence else 0, x[1].key))
    published = {
        r.info.id: day.isoformat()
        for r in results
        if (day := parse_published(r.info.published)) is not None
    }
    frames = [_Frame.of(doc, r, node_of, state_of or {}, leader_of or {}) for doc, r in records]
    uf = _UnionFind(len(records))
    _merge_frames(records, frames, uf)
    _join_general(records, frames, node_of, uf)
    drafts = [
        _draft([records[i] for i in members], node_of, published)
        for members in _split_by_time(uf.groups().values(), records)
    ]
    return _allegation_nodes(drafts)


_Draft = tuple[str, str, dict[str, object], list[tuple[tuple[str, str], list[Evidence], bool]]]


def _main_record(recs: list[tuple[str, AllegationRecord]]) -> tuple[str, AllegationRecord]:
    """The record an allegation is labelled by: one of its act (the act most of its records
    name; never an accusation that names none when one does), then one that names whom the
    act was done to, then a stated claim ("Russia offered a bounty ...") before a noun
    phrase ("the Russian bounties"), then the earliest document's."""
    common = _node_act(recs)
    return min(
        recs,
        key=lambda x: (
            x[1].act != common,
            not any(r.role == "target" for r in x[1].roles),
            x[1].key[:1] != "c",
            x[0],
            x[1].evidence[:1],
            x[1].key,
        ),
    )


def _node_act(recs: list[tuple[str, AllegationRecord]]) -> str | None:
    """The act of an allegation: the act most of its records name, a specific act before a
    general one ("misled a judge" before "misconduct")."""
    acts = [r.act for _, r in recs if r.act]
    specific = [a for a in acts if a not in GENERAL_ACTS] or acts
    return min(specific, key=lambda a: (-specific.count(a), a), default=None)


def _role_edges(
    recs: list[tuple[str, AllegationRecord]], node_of: Mapping[tuple[str, str], str]
) -> dict[tuple[str, str], tuple[set[Evidence], list[bool]]]:
    """(role, node) -> the evidence of that role and whether each saying was anonymous."""
    roles: dict[tuple[str, str], tuple[set[Evidence], list[bool]]] = {}
    for doc, record in recs:
        for role in record.roles:
            target = node_of.get((doc, role.entity))
            if target is None:
                continue
            entry = roles.setdefault((role.role, target), (set(), []))
            entry[0].add(role.evidence)
            entry[1].append(role.anonymous)
    return roles


def _most_common(values: list[str]) -> str | None:
    """The value most records give (the least on a tie), if any."""
    return min(values, key=lambda v: (-values.count(v), v)) if values else None


def _draft(
    recs: list[tuple[str, AllegationRecord]],
    node_of: Mapping[tuple[str, str], str],
    published: Mapping[str, str],
) -> _Draft:
    """The attributes and role edges of one allegation from its records."""
    evidence = sorted({e for _, r in recs for e in r.evidence})
    main_doc, main = _main_record(recs)
    roles = _role_edges(recs, node_of)
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
        "act": _node_act(recs),
        "time": _most_common([r.time for _, r in recs if r.time]),
        "first_reported": min(
            (published[doc] for doc, _ in recs if doc in published), default=None
        ),
        "sources": sorted({doc for doc, _ in recs}),
        "mentions": len(evidence),
        "aliases": [],
        "evidence": [
            {"doc": e.doc, "start": e.start, "end": e.end, "sentence": e.sentence} for e in evidence
        ],
    }
    role_list = [(key, sorted(evs), all(anon)) for key, (evs, anon) in sorted(roles.items())]
    return main.label, main_doc, attrs, role_list


def _allegation_nodes(drafts: list[_Draft]) -> list[AllegationNode]:
    """The nodes of the drafts, each with an id from its label, unique, in a fixed order."""
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
