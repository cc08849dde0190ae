"""A small rule-based resolver for pronouns and definite descriptions.

What it covers, and nothing more:

* ``he/him/his/himself`` and ``she/her/hers/herself`` point to a person
  mentioned earlier in the same paragraph (or, for a pronoun that opens a
  paragraph, in the last sentence of the previous one) when exactly one
  person is there, or else to the grammatical subject of the nearest
  preceding sentence that has a person as its subject;
* ``the <noun>`` for a role or institution noun ("the minister", "the
  secretary", "the department", "the committee") points to the most recent
  entity, within three paragraphs, whose name ("State Department") or known
  title or role ("Secretary of State Mike Pompeo", "Lavrov, Russia's foreign
  minister") contains that noun;
* ``the <modifiers> <noun>`` for a person's role noun ("the special counsel", "the
  university professor", "the former state governor"), and a bare one not among the nouns
  above ("the prosecutor"), points to the one person of the Doc, named before or after,
  whose title or role has that noun and every modifier that tells the holders apart; with
  none or several it stays unresolved, and a modifier that names an entity ("the Russian
  minister") must be that person's;
* ``who``/``which`` introducing a relative clause point to the noun they follow;
* a person set against another ("unlike Mr. Trump, he ...", "more than Obama") is
  never what the pronoun means; the surname of a person named in full, read by
  spaCy as an organisation ("Trump's pressures on officials, his firing of ..."),
  is that person.

Plural pronouns (they, them) and "it" are left alone: too often wrong.
"""

from __future__ import annotations

import bisect
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from kgraph.extract.context import DocContext, References
from kgraph.extract.entities import RawMention, _person_surnames
from kgraph.gazetteer import given_name_genders
from kgraph.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["build_references"]

_PERSONAL: Final = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
#: the titles people hold that "the <title>" refers back to ("the minister said")
_PERSON_TITLES: Final = frozenset(
    {
        "minister",
        "secretary",
        "president",
        "senator",
        "general",
        "ambassador",
        "director",
        "chairman",
        "chairwoman",
        "spokesman",
        "spokeswoman",
        "envoy",
        "adviser",
        "advisor",
    }
)
_ANAPHOR_NOUNS: Final = _PERSON_TITLES | frozenset(
    {
        "department",
        "ministry",
        "agency",
        "committee",
        "council",
        "bureau",
        "administration",
        "commission",
        "service",
        "company",
        "firm",
        "group",
        "organization",
        "party",
        "newspaper",
        "paper",
        "network",
        "court",
        "government",
        "kremlin",
        "pentagon",
    }
)
#: role nouns a person holds, which a described definite noun may head ("the special counsel");
#: not yet "judge": "her allegation against the appeals court judge" then makes an act-less
#: allegation of its own, which the allegations' merging does not join to the act it names
_PERSON_ROLE_NOUNS: Final = _PERSON_TITLES | frozenset(
    {
        "counsel",
        "professor",
        "prosecutor",
        "attorney",
        "lawyer",
        "governor",
        "mayor",
        "nominee",
        "congressman",
        "congresswoman",
    }
)
#: modifiers that say when or how, never which role ("the former judge", "then-senator")
_TIME_MODIFIERS: Final = frozenset({"former", "then", "then-", "onetime", "current", "new"})
#: modifiers that mean another holder than the one named ("the next president")
_OTHER_HOLDER: Final = frozenset(
    {"next", "future", "last", "previous", "prior", "past", "first", "another", "other"}
)
#: modifiers that make a rank of its own ("the deputy attorney general" is not the attorney
#: general): the holder's title must have them
_RANKS: Final = frozenset({"deputy", "vice", "assistant", "associate", "acting", "lieutenant"})
_MODIFIER_DEPS: Final = frozenset({"amod", "compound", "nmod", "npadvmod"})
_OBJECT_PRONOUNS: Final = frozenset({"him", "her"})
_ORG_TYPES: Final = frozenset({"Agency", "Organization"})
_CONTRASTS: Final = frozenset({"unlike", "like", "than", "except", "besides"})
_RELATIVES: Final = frozenset({"who", "which", "that"})
_PRONOUN_GENDERS: Final = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
_HONORIFIC_GENDERS: Final = {"mr.": "m", "mr": "m", "ms.": "f", "ms": "f", "mrs.": "f", "mrs": "f"}


def _identity(m: RawMention) -> str:
    if m.gid:
        return m.gid
    if m.type == "Person" or " " not in m.text:  # a surname spaCy tagged ORG is one too
        return "p:" + m.text.split()[-1].lower()
    return "n:" + m.text.lower()


def build_references(doc: Doc, ctx: DocContext) -> References:
    """Resolve the pronouns and definite descriptions of one Doc (``ctx`` has its roles)."""
    titles = _titles(ctx)
    sent_of = {
        i: index for index, sent in enumerate(ctx.sentences) for i in range(sent.start, sent.end)
    }
    paragraph = _paragraphs(doc, ctx)
    history: list[RawMention] = sorted(ctx.mentions, key=lambda m: (m.tok_end, m.tok_start))
    ends = [m.tok_end for m in history]
    subjects: dict[int, RawMention] = {}
    for m in history:
        head = doc[m.tok_end - 1]
        if m.type == "Person" and head.dep_ in ("nsubj", "nsubjpass"):
            subjects.setdefault(sent_of.get(head.i, -1), m)
    people = _people(doc, history)
    people_ends = [m.tok_end for m in people]
    genders = _genders(doc, people)
    links: dict[int, RawMention] = {}
    for tok in doc:
        low = tok.lower_
        target: RawMention | None = None
        if low in _PERSONAL:
            earlier = people[: bisect.bisect_right(people_ends, tok.i)]
            gender = _PRONOUN_GENDERS[low]
            bound = _co_arguments(tok)
            fitting = [
                m
                for m in earlier
                if genders.get(_identity(m), gender) == gender
                and not any(m.tok_start <= i < m.tok_end for i in bound)
            ]
            target = _pronoun(tok, fitting, sent_of, paragraph, subjects)
        elif low in _RELATIVES and tok.dep_ in ("nsubj", "nsubjpass"):
            verb = tok.head
            if verb.dep_ == "relcl":
                target = ctx.mention_at(verb.head) or links.get(verb.head.i)
        elif _is_definite_description(tok, ctx):
            earlier = history[: bisect.bisect_right(ends, tok.i)]
            target = _definite(tok, earlier, titles, sent_of, paragraph)
        elif _is_role_description(tok, ctx):
            target = _role_holder(tok, ctx, history, titles)
        if target is not None:
            links[tok.i] = target
    return References(MappingProxyType(links))


def _co_arguments(tok: Token) -> list[int]:
    """The subjects a pronoun object cannot mean (binding: "Trump accused him of bias" is
    never Trump accusing himself; that is "himself"): the subject of the verb whose object
    the pronoun is, directly or through a preposition."""
    if tok.lower_ not in _OBJECT_PRONOUNS:
        return []
    if tok.dep_ in ("dobj", "dative"):
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head
    else:
        return []
    # a verb joined to another or controlled by it shares its subject ("met Pompeo and warned
    # him", "wanted to fire him")
    while True:
        subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return subjects
        verb = verb.head


def _titles(ctx: DocContext) -> dict[str, set[str]]:
    """Each person's title and role words ("Secretary of State Mike Pompeo": secretary ...)."""
    titles: dict[str, set[str]] = {}
    for role in ctx.roles:
        titles.setdefault(_identity(role.person), set()).update(role.role.split())
    for m in ctx.mentions:
        if m.type == "Person" and m.title:
            titles.setdefault(_identity(m), set()).update(m.title.lower().split())
    return titles


def _paragraphs(doc: Doc, ctx: DocContext) -> list[int]:
    """The paragraph number of each sentence: a paragraph break is a newline after the last
    word of the previous sentence (spaCy keeps the "\\n\\n" as that sentence's last token)."""
    sents = ctx.sentences
    text = doc_text(doc)  # a property that builds the string: read it once
    paragraph = []
    para = 0
    for index, sent in enumerate(sents):
        if index:
            prev = sents[index - 1]
            last_word = prev.start_char + len(text[prev.start_char : prev.end_char].rstrip())
            if "\n" in text[last_word : sent.start_char + 1]:
                para += 1
        paragraph.append(para)
    return paragraph


def _people(doc: Doc, history: list[RawMention]) -> list[RawMention]:
    """Who he/she may be: the people named (a surname spaCy tagged as an organisation,
    "Trump's pressures", is the person named in full elsewhere in the text), never one set
    against the subject ("unlike Mr. Trump, he ...") nor a byline."""
    surnames = _person_surnames(doc) | {
        m.text.split()[-1] for m in history if m.type == "Person" and " " in m.text
    }
    return [
        m
        for m in history
        if m.ner != "BYLINE"
        and doc[m.tok_end - 1].head.lower_ not in _CONTRASTS
        and (
            m.type == "Person"
            or (m.tok_end - m.tok_start == 1 and m.gid is None and m.text in surnames)
        )
    ]


def _genders(doc: Doc, people: list[RawMention]) -> dict[str, str]:
    """The gender each person of the Doc is known by: the given name of a full-name mention
    ("Tara Reade"), else the honorific before a mention ("Ms. Reade"); none when the
    mentions disagree."""
    names = given_name_genders()
    seen: dict[str, set[str]] = {}
    for m in people:
        words = m.text.split()
        found = names.get(words[0].lower()) if len(words) > 1 else None
        if found is None and m.tok_start > 0:
            found = _HONORIFIC_GENDERS.get(doc[m.tok_start - 1].lower_)
        if found is not None:
            seen.setdefault(_identity(m), set()).add(found)
    return {key: next(iter(g)) for key, g in seen.items() if len(g) == 1}


def _is_definite_description(tok: Token, ctx: DocContext) -> bool:
    """ "the minister", "the department": a role or institution noun with "the" and nothing
    that names which ("the top" is no name)."""
    return (
        tok.lemma_.lower() in _ANAPHOR_NOUNS
        and tok.pos_ in ("NOUN", "PROPN")
        and ctx.mention_at(tok) is None
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(
            c.dep_ in ("prep", "poss", "compound", "amod") and c.lower_ != "top"
            for c in tok.children
        )
    )


def _is_role_description(tok: Token, ctx: DocContext) -> bool:
    """ "the special counsel", "the former state governor": one person's role noun with "the",
    whatever adjectives or names come before it or relative clause after it, but nothing
    that says whose or of what ("the governor of the central bank" is left alone)."""
    return (
        tok.lemma_.lower() in _PERSON_ROLE_NOUNS
        and tok.tag_ in ("NN", "NNP")
        and tok.dep_ != "appos"  # "Rosenstein, the deputy attorney general": a role, no reference
        and ctx.mention_at(tok) is None
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("prep", "poss", "appos") for c in tok.children)
    )


def _modifiers(tok: Token) -> list[Token]:
    """The words before a role noun that may say which role ("special", "appeals court"):
    adjectives and nouns, through compounds, without the ones that say only when."""
    found: list[Token] = []
    stack = [c for c in tok.children if c.i < tok.i and c.dep_ in _MODIFIER_DEPS]
    while stack:
        mod = stack.pop()
        if mod.lower_.rstrip("-") not in _TIME_MODIFIERS:
            found.append(mod)
        stack.extend(c for c in mod.children if c.i < mod.i and c.dep_ in _MODIFIER_DEPS)
    return found


def _role_holder(
    tok: Token, ctx: DocContext, history: list[RawMention], titles: dict[str, set[str]]
) -> RawMention | None:
    """The one person of the Doc the description ``tok`` heads means: a holder of its noun,
    kept when every modifier another holder has is that person's too, and every modifier that
    names an entity is that person's role's or title's; the latest mention before ``tok``,
    else the first after."""
    noun = tok.lemma_.lower()
    holders = {key for key, words in titles.items() if noun in words}
    mods = _modifiers(tok)
    if any(m.lower_ in _OTHER_HOLDER or m.ent_type_ == "ORDINAL" for m in mods):
        return None
    # a modifier that makes a title of the noun ("special counsel", "prime minister") or a
    # rank, or that another holder has, must be the holder's; a holder of another rank
    # ("Rosenstein, the deputy attorney general") is not "the attorney general"
    words = {m.lower_ for m in mods}
    telling = {
        m.lower_
        for m in mods
        if m.lower_ in _RANKS
        or any(m.lower_ in titles[k] for k in holders)
        or (m.i == tok.i - 1 and ctx.gazetteer.is_title(f"{m.text} {tok.text}"))
    }
    holders = {key for key in holders if telling <= titles[key] and titles[key] & _RANKS <= words}
    for mod in mods:
        named = ctx.mention_at(mod)
        if named is not None:
            holders = {key for key in holders if _holds_with(key, named, mod, ctx, titles)}
    if len(holders) != 1:
        return None
    (key,) = holders
    mentions = [m for m in history if m.type == "Person" and _identity(m) == key]
    before = [m for m in mentions if m.tok_end <= tok.i]
    return before[-1] if before else (mentions[0] if mentions else None)


def _holds_with(
    key: str, named: RawMention, mod: Token, ctx: DocContext, titles: dict[str, set[str]]
) -> bool:
    """Whether the person ``key`` holds a role of the entity a modifier names ("Russian")."""
    if mod.lower_ in titles[key]:
        return True
    for role in ctx.roles:
        if _identity(role.person) == key and role.org is not None:
            org = role.org
            if org.gid == named.gid and (org.gid or org.text == named.text):
                return True
    return False


def _pronoun(
    tok: Token,
    persons: list[RawMention],
    sent_of: dict[int, int],
    paragraph: list[int],
    subjects: dict[int, RawMention],
) -> RawMention | None:
    """The one person of ``persons`` (those named before ``tok``) the pronoun means."""
    sent = sent_of[tok.i]
    para = paragraph[sent]
    same_para = [m for m in persons if paragraph[sent_of.get(m.tok_start, 0)] == para]
    pool = same_para
    if not pool and persons:
        last_sent = sent_of.get(persons[-1].tok_start, 0)
        if para - paragraph[last_sent] <= 1:
            pool = [m for m in persons if sent_of.get(m.tok_start, 0) == last_sent]
    if not pool:
        return None
    distinct = {_identity(m) for m in pool}
    if len(distinct) == 1:
        return pool[-1]
    # salience: one person named earlier in the pronoun's own sentence outweighs the subjects
    # of sentences before ("Ford's agreement came after she went public")
    own = [m for m in pool if sent_of.get(m.tok_start, -1) == sent]
    if len({_identity(m) for m in own}) == 1:
        return own[-1]
    for index in range(sent, max(-1, sent - 3), -1):
        m = subjects.get(index)
        if m is not None and m.tok_end <= tok.i and _identity(m) in distinct:
            return m
    return None


def _definite(
    tok: Token,
    earlier: list[RawMention],
    titles: dict[str, set[str]],
    sent_of: dict[int, int],
    paragraph: list[int],
) -> RawMention | None:
    noun = tok.lemma_.lower()
    para = paragraph[sent_of[tok.i]]
    for m in reversed(earlier):
        if para - paragraph[sent_of.get(m.tok_start, 0)] > 3:
            break
        if m.type in _ORG_TYPES and noun in m.text.lower().split():
            return m
        if m.type in _ORG_TYPES and m.canonical and noun in m.canonical.lower().split():
            return m
        if m.type == "Person" and noun in titles.get(_identity(m), set()):
            return m
    return None
