"""Relations and roles from spaCy's dependency parse.

Pure functions over a Doc (textacy style).  :class:`RelationExtractor` yields
:class:`~kgraph._model.RelationRecord` values whose ``subject``/``object`` are
mention references (``"start:end"``):

* actions, active and passive ("Pompeo warned Lavrov" and "Lavrov was warned
  by Pompeo" give the same ``warn`` edge), with prepositional objects
  (``speak_with``), object-control verbs ("Trump directed the CIA to share
  intelligence with the Kremlin": ``direct`` and ``share_intelligence_with``)
  and conjoined subjects of reciprocal verbs ("Trump and Putin have spoken");
* roles (``holds_role`` with ``role`` and ``former``) from appositions
  ("Lavrov, Russia's foreign minister"), pre-nominal titles ("Russian
  President Vladimir Putin", "former CIA official Rolf Mowatt-Larssen"),
  possessives ("Just Security's Ryan Goodman") and "served as" clauses;
* ``negated``, ``hedged`` (may, might, reportedly ...) and ``date`` (a date
  entity in the same clause) attributes.

Pronouns and definite descriptions ("he", "the minister", "the department")
are resolved by :mod:`kgraph.extract.coref`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from kgraph._model import RelationRecord
from kgraph.extract.coref import References, build_references
from kgraph.extract.entities import dates_in, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kgraph.extract import ExtractionContext
    from kgraph.extract.entities import RawMention

__all__ = ["RelationExtractor", "Role", "find_roles"]

_SUBJ: Final = frozenset({"nsubj", "csubj"})
_PASS_SUBJ: Final = frozenset({"nsubjpass", "csubjpass"})
_OBJ: Final = frozenset({"dobj", "dative", "obj", "iobj"})
_HEDGES: Final = frozenset(
    {
        "may",
        "should",
        "would",
        "whether",
        "might",
        "could",
        "reportedly",
        "allegedly",
        "apparently",
        "possibly",
        "perhaps",
        "likely",
        "probably",
        "purportedly",
        "supposedly",
    }
)
_RECIPROCAL: Final = frozenset(
    {"speak", "talk", "meet", "negotiate", "agree", "clash", "spar", "cooperate", "confer", "chat"}
)
_SKIP_VERBS: Final = frozenset(
    {"be", "have", "do", "become", "say", "seem", "get", "serve", "work", "act", "include"}
)
_PREPS: Final = frozenset(
    {
        "with",
        "to",
        "against",
        "about",
        "for",
        "over",
        "toward",
        "towards",
        "into",
        "from",
        "at",
        "on",
        "upon",
        "between",
        "among",
        "regarding",
        "onto",
        "via",
        "through",
    }
)
_PLACE_PREPS: Final = frozenset(
    {
        "in",
        "at",
        "on",
        "from",
        "across",
        "throughout",
        "near",
        "inside",
        "outside",
        "within",
        "into",
        "around",
        "through",
        "via",
    }
)
_BODY_TYPES: Final = frozenset({"Agency", "Organization"})
#: jobs a copula states ("X is a professor at Y"); titles come from the gazetteer
_JOB_NOUNS: Final = frozenset(
    {
        "accountant",
        "adviser",
        "advisor",
        "agent",
        "aide",
        "analyst",
        "associate",
        "attorney",
        "ceo",
        "chair",
        "chairman",
        "chairwoman",
        "chief",
        "co-founder",
        "columnist",
        "consultant",
        "contractor",
        "correspondent",
        "diplomat",
        "director",
        "economist",
        "editor",
        "employee",
        "executive",
        "fellow",
        "founder",
        "head",
        "informant",
        "investigator",
        "journalist",
        "lawyer",
        "leader",
        "lobbyist",
        "manager",
        "member",
        "minister",
        "officer",
        "official",
        "operative",
        "owner",
        "partner",
        "professor",
        "prosecutor",
        "reporter",
        "researcher",
        "scholar",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "spy",
        "staffer",
        "strategist",
        "writer",
    }
)
_ROLE_PREPS: Final = frozenset({"of", "at", "on", "for", "in", "with", "from"})
_NAME_PARTICLES: Final = frozenset({"al", "el", "bin", "ibn", "de", "van", "von", "da", "di"})
_FORMER: Final = frozenset(
    {"former", "ex", "previous", "previously", "onetime", "then", "erstwhile"}
)
_NOT_ROLES: Final = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "who",
        "which",
        "one",
        "man",
        "woman",
        "person",
        "people",
        "friend",
        "wife",
        "husband",
        "son",
        "daughter",
        "father",
        "mother",
        "brother",
        "sister",
        "native",
        "resident",
        "citizen",
        "nickname",
        "name",
        "use",
        "statement",
        "interview",
        "comment",
        "article",
        "report",
        "reports",
        "trip",
        "call",
        "meeting",
        "time",
        "year",
        "day",
    }
)


#: offices held in a state, a city or a region: "Virginia Gov. Ralph Northam" holds a role
#: in Virginia (for other roles a place is where someone is, not what they serve)
_REGIONAL_OFFICES: Final = frozenset(
    {
        "governor",
        "gov.",
        "gov",
        "lieutenant",
        "lt.",
        "lt",
        "mayor",
        "senator",
        "sen.",
        "attorney",
        "representative",
        "rep.",
        "delegate",
        "assemblyman",
        "assemblywoman",
        "legislator",
        "lawmaker",
        "congressman",
        "congresswoman",
        "premier",
        "comptroller",
        "treasurer",
        "sheriff",
        "commissioner",
        "councilman",
        "councilwoman",
        "prosecutor",
    }
)
#: titles that name the body they are held in ("Attorney General William Barr" serves in
#: the Justice Department): linked only when the text names that body too
_TITLE_BODIES: Final = {
    "secretary of state": "agency:state-dept",
    "deputy secretary of state": "agency:state-dept",
    "under secretary of state": "agency:state-dept",
    "assistant secretary of state": "agency:state-dept",
    "attorney general": "agency:doj",
    "deputy attorney general": "agency:doj",
    "ag": "agency:doj",
    "defense secretary": "agency:dod",
    "secretary of defense": "agency:dod",
    "deputy defense secretary": "agency:dod",
    "treasury secretary": "agency:treasury",
    "secretary of the treasury": "agency:treasury",
    "homeland security secretary": "agency:dhs",
    "secretary of homeland security": "agency:dhs",
    "undersecretary": "agency:dhs",
    "under secretary": "agency:dhs",
    "director of national intelligence": "agency:odni",
    "national security adviser": "agency:nsc",
    "national security advisor": "agency:nsc",
    "press secretary": "agency:white-house",
    "white house press secretary": "agency:white-house",
    "chief justice": "agency:scotus",
    "speaker": "agency:us-house",
    "house speaker": "agency:us-house",
    "representative": "agency:us-house",
    "rep.": "agency:us-house",
    "congressman": "agency:us-house",
    "congresswoman": "agency:us-house",
    "senator": "agency:us-senate",
    "sen.": "agency:us-senate",
}


_ABBREVIATIONS: Final = {
    "gov": "governor",
    "lt": "lieutenant",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "adm": "admiral",
    "col": "colonel",
    "sgt": "sergeant",
    "ag": "attorney general",
    "amb": "ambassador",
}


def _role_text(title: str) -> str:
    """A title as a role: lower case, abbreviations spelt out, "former" dropped
    ("Lt. Gov." is "lieutenant governor", "Attorney General" "attorney general")."""
    words = []
    for word in title.lower().replace(".", " ").split():
        if word in _FORMER:
            continue
        words.append(_ABBREVIATIONS.get(word, word))
    return " ".join(words)


def _title_body(title: str, ctx: ExtractionContext) -> RawMention | None:
    """The mention, in this text, of the body a title is held in (see ``_TITLE_BODIES``)."""
    words = [w for w in title.lower().split() if w not in _FORMER]
    gid = _TITLE_BODIES.get(" ".join(words))
    if gid is None:
        return None
    return next((m for m in ctx.mentions if m.gid == gid), None)


def _office_of(person: RawMention, role: str, ctx: ExtractionContext) -> RawMention | None:
    """The country a well-known person holds a bare title in ("President Obama": the United
    States), when the text names that country."""
    from kgraph.gazetteer import office_country

    code = office_country(person.canonical or person.text, role)
    if code is None:
        return None
    return next((m for m in ctx.mentions if m.gid == f"country:{code}"), None)


@dataclass(frozen=True, slots=True)
class Role:
    """A role a person holds: ``"foreign minister"`` of an organisation or country."""

    person: RawMention
    org: RawMention | None
    role: str
    former: bool
    token: int


def _is_entity_token(token: Token, ctx: ExtractionContext) -> bool:
    return ctx.mention_at(token) is not None


def _role_words(head: Token, ctx: ExtractionContext) -> tuple[str, bool]:
    """The words of a role noun phrase that are not entities: "foreign minister"."""
    former = False
    words: list[Token] = []
    for tok in head.subtree:
        if tok.i > head.i:
            break
        if tok.lower_ in _FORMER:
            former = True
            continue
        if _is_entity_token(tok, ctx) or tok.dep_ in ("det", "poss", "case", "punct", "predet"):
            continue
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and (tok.i == head.i or _attaches_to(tok, head)):
            # the head and the pre-modifiers that lead up to it ("top democrat")
            words.append(tok)
    text = " ".join(t.lower_ for t in words)
    return text, former


def _attaches_to(tok: Token, head: Token) -> bool:
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ not in ("compound", "amod", "nmod", "npadvmod", "nummod"):
            return False
        tok = tok.head
    return tok.i == head.i


def _org_of(head: Token, ctx: ExtractionContext, person: RawMention) -> list[RawMention]:
    """Organisations or countries a role noun is of: "Russia's", "CIA", "of the Joint Chiefs"."""
    out: list[RawMention] = []
    for child in head.children:
        m = ctx.mention_at(child)
        if child.dep_ in ("poss", "compound", "amod", "nmod") and m is not None and m is not person:
            if m.type != "Person":
                out.append(m)
        elif child.dep_ in ("compound", "amod", "nmod") and m is None:
            # "Central Intelligence Agency official": the entity sits inside the compound chain
            for sub in child.subtree:
                sm = ctx.mention_at(sub)
                if sm is not None and sm is not person and sm.type != "Person" and sm not in out:
                    out.append(sm)
        elif child.dep_ == "prep" and child.lower_ in _ROLE_PREPS:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                pm = ctx.mention_at(pobj) or _modifier_entity(pobj, ctx)
                if pm is not None and pm is not person and pm.type != "Person":
                    out.append(pm)
    # a pre-nominal sequence "former CIA official" parsed flat: look left of the head
    if not out:
        for tok in head.lefts:
            m = ctx.mention_at(tok)
            if m is not None and m is not person and m.type != "Person" and m not in out:
                out.append(m)
    return out


def _modifier_entity(tok: Token, ctx: ExtractionContext) -> RawMention | None:
    """An entity modifying a common noun: "Russian" in "the Russian general staff"."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            m = ctx.mention_at(child)
            if m is not None:
                return m
    return None


def _prep_organisations(verb: Token, ctx: ExtractionContext) -> list[RawMention]:
    """Organisations in a verb's "in/at/for/with" phrases ("served ... in the Administration")."""
    out: list[RawMention] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "for", "with"):
            continue
        for pobj in prep.children:
            pm = ctx.mention_at(pobj) or _modifier_entity(pobj, ctx)
            if pobj.dep_ == "pobj" and pm is not None and pm.type != "Person":
                out.append(pm)
    return out


def _is_job(noun: Token, ctx: ExtractionContext) -> bool:
    """Whether a noun names an office or a job ("professor", "chief accountant", "director")."""
    return noun.lemma_.lower() in _JOB_NOUNS or ctx.gazetteer.is_title(noun.text)


def _nested_organisations(noun: Token, ctx: ExtractionContext) -> list[RawMention]:
    """Organisations one phrase further down: "director of human rights at The McCain
    Institute"."""
    out: list[RawMention] = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in _ROLE_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or ctx.mention_at(pobj) is not None:
                continue
            out += [
                o for o in _prep_organisations(pobj, ctx) if o.type in _BODY_TYPES and o not in out
            ]
    return out


def _is_of_phrase(head: Token, org: RawMention, ctx: ExtractionContext) -> bool:
    """Whether ``org`` is attached to the role noun by a preposition ("analyst at X")."""
    for prep in head.children:
        if prep.dep_ == "prep":
            for pobj in prep.children:
                if ctx.mention_at(pobj) is org:
                    return True
    return False


def find_roles(doc: Doc, ctx: ExtractionContext) -> list[Role]:
    """Every role stated for a person mention of ``doc``."""
    roles: list[Role] = []
    seen: set[tuple[int, int, str]] = set()
    postings: list[tuple[RawMention, RawMention, str, int]] = []

    def keep(person: RawMention, org: RawMention | None, words: str, former: bool, at: int) -> None:
        key = (person.start, org.start if org else -1, words)
        if key not in seen:
            seen.add(key)
            roles.append(Role(person, org, words, former, at))

    def add(
        person: RawMention,
        head: Token,
        *,
        former: bool = False,
        orgs: list[RawMention] | None = None,
    ) -> None:
        words, was = _role_words(head, ctx)
        if not words or head.lower_ in _NOT_ROLES or head.pos_ not in ("NOUN", "PROPN"):
            return
        if ctx.mention_at(head) is not None:
            return
        former = former or was
        targets = orgs if orgs is not None else _org_of(head, ctx, person)
        regional = bool(set(words.split()) & _REGIONAL_OFFICES)
        targets = [o for o in targets if o.type != "Location" or regional] if targets else targets
        if head.lemma_.lower() in _TOPICAL_ROLES:
            # "a Russia expert at the Carnegie Endowment": Russia is the topic, not the employer
            targets = [o for o in targets if o.type != "Country" or _is_of_phrase(head, o, ctx)]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "to" and head.lemma_.lower() in _POSTED:
                for pobj in prep.children:
                    pm = ctx.mention_at(pobj)
                    if pobj.dep_ == "pobj" and pm is not None and pm.type != "Person":
                        postings.append((person, pm, f"{head.lemma_.lower()}_to", head.i))
        for org in targets or [None]:  # type: ignore[list-item]
            keep(person, org, words, former, head.i)

    for m in ctx.mentions:
        if m.type != "Person" or m.ner == "BYLINE":
            continue
        head = doc[m.tok_end - 1]
        if head.i >= len(doc):
            continue
        # apposition: "Sergey V. Lavrov, Russia's foreign minister"
        for child in head.children:
            if child.dep_ == "appos" and ctx.mention_at(child) is None:
                add(m, child)
                for conj in child.conjuncts:
                    add(m, conj)
        # reverse apposition: "Russia's foreign minister, Sergey Lavrov" / "the minister, Lavrov"
        if head.dep_ == "appos" and ctx.mention_at(head.head) is None:
            add(m, head.head)
        # pre-nominal titles: "Russian President Vladimir Putin", "former CIA official X"
        pre = [
            t
            for t in doc[max(0, m.tok_start - 6) : m.tok_start]
            if t.head.i >= m.tok_start and t.head.i < m.tok_end
        ]
        title_nouns = [
            t
            for t in pre
            if t.pos_ in ("NOUN", "PROPN")
            and ctx.mention_at(t) is None
            and t.lower_ not in _NOT_ROLES
            and t.lower_ not in ("mr.", "ms.", "mrs.")
        ]
        if title_nouns:
            left = min(t.left_edge.i for t in pre)
            org_list: list[RawMention] = []
            for o in (ctx.mention_at(t) for t in doc[left : m.tok_start]):
                if o is not None and o is not m and o.type != "Person" and o not in org_list:
                    org_list.append(o)
            poss = [ctx.mention_at(t) for t in head.children if t.dep_ == "poss"]
            org_list += [
                p for p in poss if p is not None and p.type != "Person" and p not in org_list
            ]
            former = any(t.lower_ in _FORMER for t in doc[left : m.tok_start])
            before = doc[left : m.tok_start].text
            words = (
                _role_text(m.title)
                or (_role_text(before) if ctx.gazetteer.is_title(before) else "")
                or _role_text(
                    " ".join(
                        t.text
                        for t in title_nouns
                        if t.is_alpha and t.lower_ not in _NAME_PARTICLES
                    )
                )
            )
            regional = bool({t.lower_ for t in title_nouns} & _REGIONAL_OFFICES)
            org_list = [o for o in org_list if o.type != "Location" or regional]
            if not org_list and not any(o.type == "Location" for o in org_list):
                # "Attorney General William Barr", the Justice Department named elsewhere
                body = _title_body(m.title or before, ctx)
                if body is None:
                    body = _office_of(m, _role_text(m.title or before), ctx)
                if body is not None and not any(
                    ctx.mention_at(t) is not None for t in doc[left : m.tok_start]
                ):
                    org_list = [body]
            if org_list:
                for org in org_list:
                    keep(m, org, words, former, title_nouns[-1].i)
        else:
            # possessive: "Just Security's Ryan Goodman" (by the parse, or by the surface)
            owners = [ctx.mention_at(c) for c in head.children if c.dep_ == "poss"]
            if m.tok_start >= 2 and doc[m.tok_start - 1].lower_ in ("'s", "’s"):
                owners.append(ctx.mention_at(doc[m.tok_start - 2]))
            for pm in owners:
                if pm is not None and pm.type in _BODY_TYPES:
                    keep(m, pm, "affiliate", False, head.i)
        # "Julian Assange of WikiLeaks": a person of a named body (a place is a home, not a
        # body: "Tom Smith of Ohio")
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    pm = ctx.mention_at(pobj)
                    if pobj.dep_ == "pobj" and pm is not None and pm.type in _BODY_TYPES:
                        keep(m, pm, "affiliate", False, head.i)
        # "X, who (previously) served as ROLE in ORG" / "X served as ROLE"
        verbs = [c for c in head.children if c.dep_ == "relcl"]
        if head.dep_ in ("nsubj", "nsubjpass"):
            verbs.append(head.head)
        elif head.dep_ == "appos" and head.head.dep_ == "nsubj":
            verbs.append(head.head.head)  # "His accuser, Vanessa Tyson, is a professor at ..."
        # "... and is an associate at the Orbis firm": a verb that shares the subject
        verbs += [
            c
            for v in list(verbs)
            for c in v.conjuncts
            if c.i > v.i and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ]
        # "Stefan Halper, the Cambridge professor who had been an FBI informant"
        for child in head.children:
            if child.dep_ == "appos":
                verbs += [c for c in child.children if c.dep_ == "relcl" and c.lemma_ == "be"]
        for verb in verbs:
            if verb.lemma_ == "be":
                # "Vanessa Tyson is a professor at Scripps College", "X, who is director
                # of ... at The McCain Institute": a copula with a role in a named body
                for attr in verb.children:
                    if attr.dep_ != "attr":
                        continue
                    for noun in (attr, *attr.conjuncts):
                        if not _is_job(noun, ctx):
                            continue  # "Trump is a critic of NATO": a judgement, no office
                        orgs = (
                            _org_of(noun, ctx, m)
                            or _prep_organisations(verb, ctx)
                            or _nested_organisations(noun, ctx)
                        )
                        if orgs:
                            add(m, noun, former=verb.tag_ == "VBD", orgs=orgs)
                continue
            if verb.lemma_ not in ("serve", "work", "act"):
                continue
            former = any(c.lower_ in _FORMER or c.lemma_ == "previously" for c in verb.children)
            until = any(c.lower_ == "until" for c in verb.subtree)
            former = former or (verb.tag_ == "VBD" and until)
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    for role_head in prep.children:
                        if role_head.dep_ != "pobj":
                            continue
                        orgs = _org_of(role_head, ctx, m)
                        if not orgs:
                            orgs = _prep_organisations(verb, ctx)
                        if orgs:
                            add(m, role_head, former=former, orgs=orgs)
    ctx.postings = postings
    return roles


class RelationExtractor:
    """Actions and roles between entity mentions (see the module docstring)."""

    name = "relations"

    def __call__(self, doc: Doc, context: ExtractionContext) -> Iterator[RelationRecord]:
        roles = find_roles(doc, context)
        context.roles = roles
        refs = build_references(doc, context, roles)
        context.references = refs  # shared with the allegation extractor
        for role in roles:
            if role.org is None:
                continue
            attrs: list[tuple[str, str | bool]] = [("role", role.role)]
            if role.former:
                attrs.append(("former", True))
            yield RelationRecord(
                context.ref(role.person),
                context.ref(role.org),
                "holds_role",
                context.evidence(doc[role.token : role.token + 1]),
                tuple(attrs),
            )
        for person, country, predicate, token in getattr(context, "postings", ()):
            yield RelationRecord(
                context.ref(person),
                context.ref(country),
                predicate,
                context.evidence(doc[token : token + 1]),
            )
        for sent in sentences(doc)[0]:
            yield from _sentence_relations(sent, context, refs)
            yield from _event_relations(sent, context, refs)


def _entities_of(
    tok: Token, ctx: ExtractionContext, refs: References
) -> list[tuple[RawMention, bool]]:
    """The entities a noun phrase stands for, with ``anonymous`` when it names a group of
    unnamed people of that entity ("U.S. officials", "Russian officials")."""
    out: list[tuple[RawMention, bool]] = []
    for t in [tok, *tok.conjuncts]:
        m = ctx.mention_at(t) or refs.resolve(t)
        if m is not None:
            if m.demonym and t.pos_ in ("ADJ", "PROPN") and t.dep_ not in ("nsubj", "dobj", "pobj"):
                continue
            out.append((m, False))
            continue
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        owner_m = ctx.mention_at(owner) if owner is not None else None
        holder = _role_holder(t, owner_m, ctx) if owner_m is not None and t.pos_ == "NOUN" else None
        if holder is not None:
            out.append((holder, False))
        elif t.pos_ in ("NOUN",) and t.lemma_ in _GROUP_NOUNS:
            inner = _modifier_entity(t, ctx)
            if inner is not None:
                out.append((inner, True))
        elif t.pos_ in ("NOUN", "PRON", "DET"):
            inner = _possessor(t, ctx)
            if inner is not None:
                out.append((inner, False))
    return out


def _possessor(tok: Token, ctx: ExtractionContext) -> RawMention | None:
    """The owner of a metonymic object: "(some of) Russia's policies" stands for Russia;
    "Russia's foreign minister" for the person known to hold that role."""
    if tok.lower_ in _QUANTIFIERS:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return ctx.mention_at(pobj) or _possessor(pobj, ctx)
        return None
    for child in tok.children:
        if child.dep_ == "poss":
            m = ctx.mention_at(child)
            if m is not None:
                holder = _role_holder(tok, m, ctx)
                return holder or m
    return None


_TOPICAL_ROLES: Final = frozenset(
    {
        "expert",
        "analyst",
        "specialist",
        "scholar",
        "correspondent",
        "historian",
        "watcher",
        "hand",
        "researcher",
        "reporter",
        "commentator",
        "observer",
    }
)
_GENERIC_OBJECTS: Final = frozenset(
    {
        "information",
        "data",
        "material",
        "materials",
        "detail",
        "details",
        "report",
        "item",
        "assistance",
    }
)
_POSTED: Final = frozenset(
    {"ambassador", "envoy", "emissary", "representative", "delegate", "liaison", "consul"}
)
#: nouns of acts, with the predicate their verb gives ("sanctions against Russia": sanction)
_EVENT_NOUNS: Final = {
    "sanction": "sanction",
    "sanctions": "sanction",
    "firing": "fire",
    "dismissal": "fire",
    "ouster": "oust",
    "investigation": "investigate",
    "probe": "investigate",
    "inquiry": "investigate",
    "surveillance": "surveil",
    "indictment": "indict",
    "arrest": "arrest",
    "expulsion": "expel",
    "attack": "attack",
    "airstrike": "strike",
    "strike": "strike",
    "invasion": "invade",
    "annexation": "annex",
    "hack": "hack",
    "hacking": "hack",
    "lawsuit": "sue",
    "suit": "sue",
}
#: nouns of meetings, whose "with" phrase names the other side ("Trump's meeting with Putin")
_MEETING_NOUNS: Final = {
    "meeting": "meet_with",
    "summit": "meet_with",
    "talk": "talk_with",
    "talks": "talk_with",
    "call": "speak_with",
    "conversation": "speak_with",
    "negotiation": "negotiate_with",
    "negotiations": "negotiate_with",
}
#: the prepositions that bring an event noun's target
_EVENT_TARGET_PREPS: Final = frozenset({"against", "on", "into", "of"})
_WITH: Final = frozenset({"with"})
#: an act that has not happened, or did not: "the proposed sanctions", "a planned meeting"
_UNREALISED: Final = frozenset(
    {
        "cancel",
        "cancelled",
        "canceled",
        "expect",
        "expected",
        "future",
        "plan",
        "planned",
        "possible",
        "postpone",
        "postponed",
        "potential",
        "propose",
        "proposed",
        "schedule",
        "scheduled",
        "upcoming",
    }
)
#: verbs that carry an event noun's act ("announced sanctions", "opened an investigation")
_SUPPORT_VERBS: Final = frozenset(
    {
        "announce",
        "approve",
        "begin",
        "carry",
        "conduct",
        "expand",
        "file",
        "impose",
        "issue",
        "launch",
        "levy",
        "open",
        "order",
        "slap",
        "start",
        "unveil",
    }
)
#: event nouns, the prepositions of their target and the verbs that carry them
_EVENT_KINDS: Final = (
    (_EVENT_NOUNS, _EVENT_TARGET_PREPS, _SUPPORT_VERBS),
    (_MEETING_NOUNS, _WITH, _SUPPORT_VERBS | {"hold", "have"}),
)
#: nouns that count an event noun: "another round of sanctions"
_EVENT_COUNTS: Final = frozenset({"round", "set", "series", "wave", "package", "raft", "slew"})
_QUANTIFIERS: Final = frozenset(
    {"some", "many", "most", "all", "much", "part", "one", "several", "each"}
)


def _role_holder(noun: Token, org: RawMention, ctx: ExtractionContext) -> RawMention | None:
    """The one person this Doc says holds role ``noun`` in ``org`` ("Russia's foreign minister")."""
    lemma = noun.lemma_.lower()
    holders = {
        role.person.text.split()[-1]: role.person
        for role in ctx.roles
        if role.org is not None
        and (role.org.gid or role.org.text) == (org.gid or org.text)
        and role.role.split()[-1] == lemma
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


_GROUP_NOUNS: Final = frozenset(
    {
        "official",
        "officer",
        "diplomat",
        "lawmaker",
        "commander",
        "authority",
        "government",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "agent",
        "intelligence",
        "military",
        "force",
        "troop",
        "soldier",
        "investigator",
        "prosecutor",
        "source",
        "administration",
        "counterpart",
        "minister",
        "envoy",
        "negotiator",
        "delegation",
        "aide",
        "adviser",
        "advisor",
        "state",
        "media",
        "regime",
        "operative",
        "unit",
        "service",
    }
)


def _predicate(verb: Token) -> str:
    parts = [verb.lemma_.lower()]
    for child in verb.children:
        if child.dep_ == "prt":
            parts.append(child.lower_)
    return "_".join(parts)


def _attrs(verb: Token, sent: Span) -> list[tuple[str, str | bool]]:
    attrs: list[tuple[str, str | bool]] = []
    heads = [verb, *([verb.head] if verb.dep_ in ("xcomp", "conj") else [])]
    if any(c.dep_ == "neg" for h in heads for c in h.children):
        attrs.append(("negated", True))
    hedge = next(
        (
            c.lower_
            for h in heads
            for c in h.children
            if c.lower_ in _HEDGES and c.dep_ in ("aux", "advmod", "mark")
        ),
        None,
    )
    if hedge:
        attrs.append(("hedged", True))
        attrs.append(("hedge", hedge))
    for ent in dates_in(sent):
        if ent.root.head.i != ent.root.i and _clause_of(ent.root) == verb:
            attrs.append(("date", ent.text))
            break
    return attrs


def _clause_of(tok: Token) -> Token:
    while tok.head.i != tok.i and not (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux"):
        tok = tok.head
    return tok


def _sentence_relations(
    sent: Span, ctx: ExtractionContext, refs: References
) -> Iterator[RelationRecord]:
    evidence = ctx.evidence(sent)
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_ in _SKIP_VERBS:
            continue
        subjects: list[tuple[RawMention, bool]] = []
        objects: list[tuple[RawMention, bool, str]] = []
        for child in verb.children:
            if child.dep_ in _SUBJ:
                subjects += _entities_of(child, ctx, refs)
            elif child.dep_ in _PASS_SUBJ:
                objects += [(m, a, "") for m, a in _entities_of(child, ctx, refs)]
            elif child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        subjects += _entities_of(pobj, ctx, refs)
        if not subjects:
            subjects = _inherited_subjects(verb, ctx, refs)
        if not subjects:
            # a mis-parsed subject: "President Trump pressured CIA" with Trump as npadvmod
            for child in verb.lefts:
                m = ctx.mention_at(child)
                if (
                    child.dep_ in ("npadvmod", "dep", "nmod")
                    and m is not None
                    and child.i == verb.i - 1
                ):
                    subjects.append((m, False))
        object_noun = ""
        carried = False
        for child in verb.children:
            if child.dep_ in _OBJ and child.lower_.endswith(("self", "selves")):
                continue  # "aligning himself with the GOP": no one else
            if child.dep_ in _OBJ:
                found = _entities_of(child, ctx, refs)
                if found:
                    objects += [(m, a, "") for m, a in found]
                elif child.pos_ == "NOUN":
                    compounds = [
                        c for c in child.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                    ]
                    generic = child.lemma_.lower() in _GENERIC_OBJECTS and compounds
                    object_noun = (compounds[0] if generic else child).lemma_.lower()
                    if _carries(verb, child):
                        carried = True  # "imposed sanctions on X": the event path says it
        preps = [c for c in verb.children if c.dep_ == "prep"]
        if object_noun:
            # "share intelligence with the Kremlin": the preposition hangs off the object
            preps += [
                c
                for o in verb.children
                if o.dep_ in _OBJ and o.pos_ == "NOUN"
                for c in o.children
                if c.dep_ == "prep" and c.lower_ in ("with", "to", "against")
            ]
        for child in preps:
            if child.lower_ not in _PREPS:
                continue
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    suffix = (f"{object_noun}_" if object_noun else "") + child.lower_
                    objects += [
                        (m, a, suffix)
                        for m, a in _entities_of(pobj, ctx, refs)
                        if not (
                            child.lower_ in _PLACE_PREPS
                            and m.type in ("Country", "Location")
                            and not a
                        )
                    ]
        if not subjects or carried:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children):
            continue  # "asked whether Trump should condemn ...": a question states nothing
        predicate = _predicate(verb)
        attrs = _attrs(verb, sent)
        for subj, anon in subjects:
            for obj, obj_anon, suffix in objects:
                pred = f"{predicate}_{suffix}" if suffix else predicate
                extra = list(attrs)
                if anon or obj_anon:
                    extra.append(("anonymous", True))
                yield RelationRecord(ctx.ref(subj), ctx.ref(obj), pred, evidence, tuple(extra))
        # "Trump and Putin have spoken": conjoined subjects of a reciprocal verb (not
        # "Obama and Biden would not meet with him": they meet someone else)
        if (
            verb.lemma_ in _RECIPROCAL
            and len(subjects) > 1
            and not objects
            and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        ):
            first, _ = subjects[0]
            for other, _anon in subjects[1:]:
                yield RelationRecord(
                    ctx.ref(first), ctx.ref(other), f"{predicate}_with", evidence, tuple(attrs)
                )


def _event_predicate(noun: Token) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """The predicate an event noun gives, the prepositions of its target and the verbs that
    carry it ("imposed sanctions", "held talks")."""
    for table, preps, carriers in _EVENT_KINDS:
        found = table.get(noun.lemma_.lower()) or table.get(noun.lower_)
        if found is not None:
            return found, preps, carriers
    return None


def _carries(verb: Token, noun: Token) -> bool:
    """Whether ``verb`` only carries the act ``noun`` names ("imposed sanctions on X")."""
    found = _event_predicate(noun)
    return found is not None and verb.lemma_.lower() in found[2]


def _event_relations(
    sent: Span, ctx: ExtractionContext, refs: References
) -> Iterator[RelationRecord]:
    """Acts named by a noun: "Trump's firing of Comey", "the United States announced sanctions
    against Russia", "the FBI opened an investigation into Carter Page"."""
    evidence = ctx.evidence(sent)
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        found = _event_predicate(noun)
        if found is None:
            continue
        predicate, target_preps, carriers = found
        if any(
            c.dep_ in ("amod", "compound", "advmod") and c.lemma_.lower() in _UNREALISED
            for c in noun.children
        ):
            continue  # "the proposed sanctions", "a planned meeting": nothing happened yet
        carrier = noun.head
        noun_in_clause = noun
        if noun.dep_ == "pobj" and carrier.dep_ == "prep" and carrier.lower_ == "of":
            counter = carrier.head  # "another round of sanctions"
            if counter.lemma_.lower() in _EVENT_COUNTS:
                noun_in_clause, carrier = counter, counter.head
        verb = None
        if (
            noun_in_clause.dep_ in ("dobj", "obj")
            and carrier.pos_ in ("VERB", "AUX")
            and carrier.lemma_.lower() in carriers
        ):
            verb = carrier
        targets: list[tuple[RawMention, bool]] = []
        preps = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in target_preps]
        if verb is not None:
            # "opened an investigation into Carter Page": the phrase may hang off the verb
            preps += [
                p
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ in target_preps and p.lower_ != "of"
            ]
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    targets += _entities_of(pobj, ctx, refs)
        if not targets:
            continue
        # the agent: the noun's owner ("Trump's firing"), else the carrying verb's subject;
        # the clause whose negation, hedge and date the act takes is the owner's or the verb's
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        owned = (ctx.mention_at(owner) or refs.resolve(owner)) if owner is not None else None
        agents: list[tuple[RawMention, bool]] = []
        if owned is not None:
            agents, clause = [(owned, False)], _clause_of(noun)
        elif verb is not None:
            agents = [
                a for c in verb.children if c.dep_ in _SUBJ for a in _entities_of(c, ctx, refs)
            ]
            agents = agents or _inherited_subjects(verb, ctx, refs)
            clause = verb
        if not agents:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children):
            continue
        attrs = _attrs(clause, sent) if clause.pos_ in ("VERB", "AUX") else []
        for agent, anon in agents:
            for target, target_anon in targets:
                if target is agent:
                    continue
                extra = list(attrs)
                if anon or target_anon:
                    extra.append(("anonymous", True))
                yield RelationRecord(
                    ctx.ref(agent), ctx.ref(target), predicate, evidence, tuple(extra)
                )


def _inherited_subjects(
    verb: Token, ctx: ExtractionContext, refs: References
) -> list[tuple[RawMention, bool]]:
    """The understood subject of a controlled or conjoined verb.

    "Trump directed the CIA to share ...": the object of "directed" shares;
    "Trump wanted to meet Putin": the subject of "wanted" meets.
    """
    purpose = verb.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )
    if verb.dep_ == "xcomp" or purpose:
        head = verb.head
        # object control ("directed the CIA to share"); a purpose clause ("met X to discuss")
        # and subject control ("wanted to meet") take the subject
        for child in head.children if not purpose else ():
            if child.dep_ in _OBJ:
                found = _entities_of(child, ctx, refs)
                if found:
                    return found
        for child in head.children:
            if child.dep_ in _SUBJ:
                return _entities_of(child, ctx, refs)
        return _inherited_subjects(head, ctx, refs) if head.i != verb.i else []
    if (
        verb.dep_ == "pcomp"
        and verb.head.lower_ in ("by", "after", "before", "while", "since", "in")
        and verb.head.head.pos_ in ("VERB", "AUX")
    ):
        # "By suing the Trump campaign, the DNC opened ...": the main clause's subject, the
        # one nearest the verb when a misparse gives it two
        subjects = [c for c in verb.head.head.children if c.dep_ in _SUBJ]
        if subjects:
            return _entities_of(subjects[-1], ctx, refs)
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        head = verb.head
        for child in head.children:
            if child.dep_ in _SUBJ:
                return _entities_of(child, ctx, refs)
    return []
