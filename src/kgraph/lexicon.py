"""Vocabulary shared by two stages: the act words of allegations.

Extraction finds an allegation's act by these words (:mod:`kgraph.extract.allegations`);
resolution merges allegations of one accused on them (:mod:`kgraph.resolve`).

The act classes (``kgraph/data/acts.tsv``, read on first use) group the words that name
one kind of deed: "bounty", "reward for killing" and "payments to kill" are one class,
``bounty``; "hack", "breach a server" and "steal emails" are ``hacking``.

>>> ACTS["bounties"], "charge" in GENERIC_ACTS
('bounty', True)
>>> lex = act_lexicon()
>>> lex.word("cyberattack"), lex.word("meddling"), lex.pair("steal", "email")
('hacking', 'interference', 'hacking')
>>> lex.phrase(("nerve", "agent")), lex.classes["bounty"].label
('poisoning', 'offered bounties')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Final

from kgraph._errors import FormatError

__all__ = [
    "ACCUSATION_CUES",
    "ACTS",
    "GENERAL_ACTS",
    "GENERIC_ACTS",
    "WEAK_ACTS",
    "ActClass",
    "ActLexicon",
    "act_lexicon",
]


@dataclass(frozen=True, slots=True)
class ActClass:
    """One kind of deed: its name, whether it is weak, and the verb phrase of labels."""

    name: str
    weak: bool
    label: str


@dataclass(frozen=True, slots=True)
class ActLexicon:
    """The act classes and the words, phrases and verb-object pairs that name them."""

    classes: MappingProxyType[str, ActClass]
    words: MappingProxyType[str, str]
    phrases: MappingProxyType[tuple[str, ...], str]
    pairs: MappingProxyType[tuple[str, str], str]
    longest: int
    #: the last words of ``phrases`` (a word that ends none starts no phrase look-up)
    ends: frozenset[str]

    def word(self, lemma: str) -> str | None:
        """The class one word names, if any."""
        return self.words.get(lemma)

    def phrase(self, lemmas: tuple[str, ...]) -> str | None:
        """The class a phrase of consecutive lemmas names ("nerve agent"), if any."""
        return self.phrases.get(lemmas)

    def pair(self, verb: str, noun: str) -> str | None:
        """The class a verb names with this noun as its object ("steal" + "email")."""
        return self.pairs.get((verb, noun))


@functools.cache
def act_lexicon() -> ActLexicon:
    """The shipped act classes, read once."""
    classes: dict[str, ActClass] = {}
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    pairs: dict[tuple[str, str], str] = {}
    resource = resources.files("kgraph").joinpath("data").joinpath("acts.tsv")
    for number, line in enumerate(resource.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 4 or cells[1] not in ("weak", "-") or cells[0] in classes:
            raise FormatError(f"acts.tsv:{number}: want 'class, weak or -, label, terms'")
        name = cells[0].strip()
        classes[name] = ActClass(name, cells[1] == "weak", cells[2].strip())
        for term in (t.strip().lower() for t in cells[3].split(",")):
            if "+" in term:
                verb, _, noun = term.partition("+")
                pairs.setdefault((verb, noun), name)
            elif " " in term:
                phrases.setdefault(tuple(term.split()), name)
            elif term:
                words.setdefault(term, name)
                if "-" in term.strip("-"):  # spaCy splits "cyber-attack" at its hyphen
                    phrases.setdefault(tuple(term.replace("-", " - ").split()), name)
    return ActLexicon(
        MappingProxyType(classes),
        MappingProxyType(words),
        MappingProxyType(phrases),
        MappingProxyType(pairs),
        max((len(p) for p in phrases), default=1),
        frozenset(p[-1] for p in phrases),
    )


#: act words -> the act keyword allegations are merged on
ACTS: Final[dict[str, str]] = {
    "bounty": "bounty",
    "bounties": "bounty",
    "payout": "bounty",
    "reward": "bounty",
    "pay": "pay",
    "payment": "pay",
    "bribe": "bribery",
    "bribery": "bribery",
    "arm": "arm",
    "arms": "arm",
    "weapon": "arm",
    "weaponry": "arm",
    "munition": "arm",
    "kill": "kill",
    "killing": "kill",
    "assassinate": "kill",
    "assassination": "kill",
    "murder": "kill",
    "interfere": "interference",
    "interference": "interference",
    "meddle": "interference",
    "meddling": "interference",
    "hack": "hacking",
    "hacking": "hacking",
    "cyberattack": "hacking",
    "share": "share",
    "leak": "leak",
    "attack": "attack",
    "strike": "attack",
    "bomb": "attack",
    "bombing": "attack",
    "invade": "invasion",
    "invasion": "invasion",
    "annex": "annexation",
    "annexation": "annexation",
    "poison": "poisoning",
    "poisoning": "poisoning",
    "torture": "torture",
    "abuse": "abuse",
    "collude": "collusion",
    "collusion": "collusion",
    "spying": "espionage",
    "espionage": "espionage",
    "smuggle": "smuggling",
    "smuggling": "smuggling",
    "launder": "laundering",
    "laundering": "laundering",
    "fraud": "fraud",
    "corruption": "corruption",
    "breach": "hacking",
    "intrusion": "hacking",
    "infiltrate": "hacking",
    "cover-up": "cover_up",
    "obstruct": "obstruction",
    "obstruction": "obstruction",
    "support": "support",
    "aid": "support",
    "assistance": "support",
    "fund": "funding",
    "funding": "funding",
    "finance": "funding",
    "train": "training",
    "harbor": "harboring",
    "shelter": "harboring",
    "threaten": "threat",
    "threat": "threat",
    "violate": "violation",
    "violation": "violation",
    "supply": "arm",
    "provide": "provide",
    "offer": "offer",
    "direct": "direct",
    "order": "order",
    "pressure": "pressure",
    "assault": "assault",
    "rape": "assault",
    "grope": "assault",
    "molest": "assault",
    "harass": "harassment",
    "harassment": "harassment",
    "misconduct": "misconduct",
    "wrongdoing": "misconduct",
    "impropriety": "misconduct",
    "crime": "misconduct",
    "spy": "espionage",
    "surveil": "surveillance",
    "surveillance": "surveillance",
    "wiretap": "surveillance",
    "eavesdrop": "surveillance",
    "conspire": "conspiracy",
    "conspiracy": "conspiracy",
    "coordinate": "collusion",
    "defame": "defamation",
    "defamation": "defamation",
    "libel": "defamation",
    "slander": "defamation",
    "lie": "deception",
    "mislead": "deception",
    "deceive": "deception",
    "steal": "theft",
    "theft": "theft",
    "extort": "extortion",
    "extortion": "extortion",
    "blackmail": "extortion",
    "sabotage": "sabotage",
    "rig": "fraud",
    "cheat": "fraud",
    "embezzle": "fraud",
    "embezzlement": "fraud",
    "racketeering": "racketeering",
    "genocide": "atrocity",
    "massacre": "atrocity",
    "persecute": "persecution",
    "persecution": "persecution",
    "detain": "detention",
    "kidnap": "kidnapping",
    "kidnapping": "kidnapping",
    "disinform": "disinformation",
    "undermine": "interference",
    "influence": "interference",
}

#: act classes that say only that a deed was wrong ("misconduct", "wrongdoing", "a crime"):
#: a clause that also names a specific act is of that act ("criminal corruption charges"),
#: and merging takes them for the specific act told beside them (extract and resolve read it)
GENERAL_ACTS: Final = frozenset({"misconduct"})

#: speech acts that name no act: an allegation known only as one merges within its document
GENERIC_ACTS: Final = frozenset({"accusation", "charge", "lawsuit"})

#: keywords too general to merge two allegations on by themselves
WEAK_ACTS: Final = frozenset(
    {"provide", "offer", "support", "direct", "order", "pressure", "pay", "share", "kill", "threat"}
)

#: word stems that say a sentence accuses someone: the graph makes an ACCUSE edge from an
#: allegation's claimant only where its sentence says so ("accused", "blamed", "alleged",
#: "charged", "claims"), not from every claim ("said she would create a position")
ACCUSATION_CUES: Final = (
    "accus",
    "alleg",
    "blam",
    "charg",
    "claim",
    "indict",
    "sue",
    "suing",
    "lawsuit",
    "complain",
    "condemn",
    "denounc",
    "fault",
    "implicat",
    "responsib",
    "culprit",
    "behind the",
)
