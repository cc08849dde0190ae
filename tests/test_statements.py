"""Statements (who said what): the forms of attribution, speakers, quotes and bad input.

Sentence tables run the real model (``@pytest.mark.model``) through the same steps as
kgraph's pipeline (mentions, roles, references); quote pairing is tested on hand-built
Docs.  Every sentence here is written for these tests.
"""

from __future__ import annotations

import functools
from dataclasses import FrozenInstanceError
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgraph.extract import DocContext, Extractor
from kgraph.extract.derive import doc_context
from kgraph.extract.entities import extract_mentions, promote_people
from kgraph.extract.statements import (
    KINDS,
    StatementExtractor,
    StatementRecord,
    find_quotes,
    find_statements,
)
from kgraph.gazetteer import Gazetteer

# -- helpers ---------------------------------------------------------------------------


@functools.cache
def _pipeline() -> tuple[Any, Gazetteer, frozenset[str], frozenset[str]]:
    from kgraph.nlp import lemma_words, load_model

    nlp = load_model()
    return nlp, Gazetteer.default(), lemma_words(nlp, "adj"), lemma_words(nlp, "noun")


def _context(text: str, offset: int = 0) -> tuple[Doc, DocContext]:
    """A parsed Doc and its context, built as kgraph's pipeline builds them."""
    nlp, gaz, adjectives, nouns = _pipeline()
    doc = nlp(text)
    found = extract_mentions(doc, offset=offset, gazetteer=gaz, adjectives=adjectives, nouns=nouns)
    mentions = tuple(promote_people(list(found)))
    return doc, doc_context(doc, doc_id="d1", offset=offset, mentions=mentions, gazetteer=gaz)


def _statements(text: str, offset: int = 0) -> list[StatementRecord]:
    doc, ctx = _context(text, offset)
    records = list(find_statements(doc, ctx))
    assert records == list(ctx.statements)  # derived once, with the context
    return records


def _text(text: str, span: tuple[int, int] | None, offset: int = 0) -> str | None:
    return None if span is None else text[span[0] - offset : span[1] - offset]


def _ref_text(text: str, ref: str | None) -> str | None:
    if ref is None:
        return None
    start, end = (int(x) for x in ref.split(":"))
    return text[start:end]


def _by_cue(text: str, records: list[StatementRecord], cue: str) -> StatementRecord:
    found = [r for r in records if _text(text, r.cue) == cue]
    assert found, f"no statement with the cue {cue!r} in {text!r}: " + repr(
        [(_text(text, r.cue), _text(text, r.content)) for r in records]
    )
    return found[0]


# -- the forms of attribution (real model) -------------------------------------------------

# text, cue, source, content, kind, speaker
FORMS = [
    pytest.param(
        "Pompeo said that Russia had offered money to the militants.",
        "said",
        "Pompeo",
        "that Russia had offered money to the militants",
        "indirect",
        "Pompeo",
        id="X said that",
    ),
    pytest.param(
        "The Pentagon said the strike killed two commanders.",
        "said",
        "The Pentagon",
        "the strike killed two commanders",
        "indirect",
        "Pentagon",
        id="X said",
    ),
    pytest.param(
        "The talks were useful and frank, Sergei Lavrov said on Tuesday.",
        "said",
        "Sergei Lavrov",
        "The talks were useful and frank",
        "indirect",
        "Sergei Lavrov",
        id="..., X said",
    ),
    pytest.param(
        "“We will respond to any provocation,” said Maria Zakharova, the ministry's spokeswoman.",
        "said",
        "Maria Zakharova",
        "“We will respond to any provocation,”",
        "direct",
        "Maria Zakharova",
        id="..., said X, the ...",
    ),
    pytest.param(
        "According to the Pentagon, the strike killed two senior commanders.",
        "According to",
        "the Pentagon",
        "the strike killed two senior commanders",
        "according_to",
        "Pentagon",
        id="According to X, ...",
    ),
    pytest.param(
        "The strike killed two senior commanders, according to the Pentagon.",
        "according to",
        "the Pentagon",
        "The strike killed two senior commanders",
        "according_to",
        "Pentagon",
        id="..., according to X",
    ),
    pytest.param(
        'Senator Mark Warner said: "This is a betrayal of our troops."',
        "said",
        "Senator Mark Warner",
        '"This is a betrayal of our troops."',
        "direct",
        "Mark Warner",
        id="quote, speaker before",
    ),
    pytest.param(
        "“This is a betrayal of our troops,” Senator Mark Warner said.",
        "said",
        "Senator Mark Warner",
        "“This is a betrayal of our troops,”",
        "direct",
        "Mark Warner",
        id="quote, speaker after",
    ),
    pytest.param(
        "“This is a betrayal,” Mark Warner said, “and we will not accept it.”",
        "said",
        "Mark Warner",
        "“This is a betrayal,” Mark Warner said, “and we will not accept it.”",
        "direct",
        "Mark Warner",
        id="quote, speaker inside",
    ),
    pytest.param(
        "“We saw no evidence. We asked for it twice,” the foreign minister said.",
        "said",
        "the foreign minister",
        "“We saw no evidence. We asked for it twice,”",
        "direct",
        None,
        id="quote over two sentences",
    ),
    pytest.param(
        "“We saw no evidence,” Mark Warner said. “We asked for it twice. Nobody answered.”",
        "said",
        "Mark Warner",
        "“We saw no evidence,” Mark Warner said. “We asked for it twice. Nobody answered.”",
        "direct",
        "Mark Warner",
        id="quote goes on after the cue's sentence",
    ),
    pytest.param(
        "Mark Warner said: “The report is credible.\n\n“We will hold hearings next week.”",
        "said",
        "Mark Warner",
        "“The report is credible.\n\n“We will hold hearings next week.”",
        "direct",
        "Mark Warner",
        id="quote over two paragraphs",
    ),
    pytest.param(
        "Mike Pompeo told reporters that Russia had paid the militants.",
        "told",
        "Mike Pompeo",
        "that Russia had paid the militants",
        "indirect",
        "Mike Pompeo",
        id="X told Y that",
    ),
    pytest.param(
        "The Kremlin accused Washington of spreading lies about the bounties.",
        "accused",
        "The Kremlin",
        "Washington of spreading lies about the bounties",
        "indirect",
        "Kremlin",
        id="X accused Y of",
    ),
    pytest.param(
        "NATO warned that Russia was massing troops near the border.",
        "warned",
        "NATO",
        "that Russia was massing troops near the border",
        "indirect",
        "NATO",
        id="X warned that",
    ),
    pytest.param(
        "In a statement, the State Department said the sanctions would remain in place.",
        "said",
        "the State Department",
        "the sanctions would remain in place",
        "indirect",
        "State Department",
        id="in a statement, X said",
    ),
    pytest.param(
        "The State Department said in a statement that the sanctions would remain in place.",
        "said",
        "The State Department",
        "that the sanctions would remain in place",
        "indirect",
        "State Department",
        id="X said in a statement that",
    ),
    pytest.param(
        "Moscow rejected Washington's claim that Russian agents had paid the militants.",
        "claim",
        "Washington",
        "that Russian agents had paid the militants",
        "indirect",
        "Washington",
        id="X's claim that",
    ),
    pytest.param(
        "The assessment that Russia offered the bounties was shared with allies in June.",
        "assessment",
        None,
        "that Russia offered the bounties",
        "belief",
        None,
        id="the assessment that",
    ),
    pytest.param(
        "American intelligence officials believe that Russia offered the bounties.",
        "believe",
        "American intelligence officials",
        "that Russia offered the bounties",
        "belief",
        "American",
        id="X believes that",
    ),
    pytest.param(
        "The senator vowed to block the nomination.",
        "vowed",
        "The senator",
        "to block the nomination",
        "indirect",
        None,
        id="X vowed to",
    ),
    pytest.param(
        "Senator Bernie Sanders called for a ban on assault weapons.",
        "called for",
        "Senator Bernie Sanders",
        "a ban on assault weapons",
        "indirect",
        "Bernie Sanders",
        id="X called for",
    ),
    pytest.param(
        "The governor is confident that the bill will pass.",
        "confident",
        "The governor",
        "that the bill will pass",
        "belief",
        None,
        id="X is confident that",
    ),
    pytest.param(
        "In a new survey released on Monday, most voters backed the proposal.",
        "In",
        "a new survey",
        "most voters backed the proposal",
        "according_to",
        None,
        id="In a poll, ...",
    ),
    pytest.param(
        "Under the new law, every school must publish its test results.",
        "Under",
        "the new law",
        "every school must publish its test results",
        "according_to",
        None,
        id="Under the law, ...",
    ),
    pytest.param(
        "The governor still trails his rival in the polls.",
        "in",
        "the polls",
        "The governor still trails his rival",
        "according_to",
        None,
        id="..., in the polls",
    ),
    pytest.param(
        "The mayor has lost ground: her rival now leads by four points, according to the survey.",
        "according to",
        "the survey",
        "her rival now leads by four points",
        "according_to",
        None,
        id="A: B, according to X attributes B",
    ),
    pytest.param(
        "The first turn of the debate went well.\n\nHOST: So you think the party will unite. "
        "Is that fair?\n\nThe guest nodded.",
        ":",
        "HOST",
        "So you think the party will unite. Is that fair?",
        "indirect",
        None,
        id="an interview turn: the rest of the paragraph",
    ),
    pytest.param(
        "The minister was reportedly at the meeting with two aides.",
        "reportedly",
        None,
        "The minister was reportedly at the meeting with two aides",
        "indirect",
        None,
        id="reportedly: hearsay with no source",
    ),
    pytest.param(
        "The allegedly forged letters were sent back.",
        "allegedly",
        None,
        "The allegedly forged letters",
        "indirect",
        None,
        id="allegedly: the noun phrase it qualifies",
    ),
    pytest.param(
        "The mayor calls for new buses to serve the suburbs; her rival calls for lower fares.",
        "calls for",
        "her rival",
        "lower fares",
        "indirect",
        None,
        id="A; X calls for B: the clause before the semicolon is not said",
    ),
    pytest.param(
        "Later that night the governor retweeted the photo.",
        "retweeted",
        "the governor",
        "the photo",
        "indirect",
        None,
        id="X retweeted Y",
    ),
    pytest.param(
        "The governor won the farm vote by promising to cut the fuel tax.",
        "promising",
        "The governor",
        "to cut the fuel tax",
        "indirect",
        None,
        id="by promising ...: the source is the subject of the verb of by",
    ),
    pytest.param(
        "The actor was booed after telling the crowd that the vote was rigged.",
        "telling",
        "The actor",
        "that the vote was rigged",
        "indirect",
        None,
        id="was booed after telling ...: the subject of the passive told",
    ),
    pytest.param(
        "The rivals used their time on stage to criticize the moderators.",
        "criticize",
        "The rivals",
        "the moderators",
        "indirect",
        None,
        id="used the time to criticize ...: an infinitive of purpose shares the subject",
    ),
    pytest.param(
        "The coach made it clear that he would not resign.",
        "made it clear",
        "The coach",
        "that he would not resign",
        "indirect",
        None,
        id="X made it clear that ...",
    ),
    pytest.param(
        "It seems that the old bridge will be closed.",
        "seems",
        None,
        "that the old bridge will be closed",
        "belief",
        None,
        id="it seems that ...: no source",
    ),
    pytest.param(
        "“The price is fair, because the farmers are very patient and very hard-working,” "
        "Ann Roe, 69, told the radio station on Monday.",
        "told",
        "Ann Roe",
        "“The price is fair, because the farmers are very patient and very hard-working,”",
        "direct",
        "Ann Roe",
        id="a quote the parse hangs on the source after it",
    ),
    pytest.param(
        '"He voted against every one of them. Every single bill," said Ann Roe, who had '
        "written some of those bills.",
        "said",
        "Ann Roe",
        '"He voted against every one of them. Every single bill,"',
        "direct",
        "Ann Roe",
        id="said X after a quote whose last words parse as a second subject",
    ),
    pytest.param(
        "BOSTON, May 2 (AP) — Former Governor Ann Roe told the court that the vote was fair.",
        "told",
        "Former Governor Ann Roe",
        "that the vote was fair",
        "indirect",
        "Ann Roe",
        id="a dateline is not the source",
    ),
    pytest.param(
        "Several super PACs backing the senator raised money.",
        "backing",
        "Several super PACs",
        "the senator",
        "belief",
        None,
        id="a participle after a noun: the noun is the source",
    ),
    pytest.param(
        "The mayor seemed irritated by the question.",
        "seemed",
        None,
        "The mayor seemed irritated",
        "belief",
        None,
        id="X seemed (adjective): a raising verb with a predicate, no source",
    ),
    pytest.param(
        "The senator led the race and appeared poised to win the seat.",
        "appeared",
        None,
        "The senator led the race and appeared poised to win the seat",
        "belief",
        None,
        id="a raising verb in a conjunct shares the subject",
    ),
    pytest.param(
        "The coach assumed the team would win.",
        "assumed",
        "The coach",
        "the team would win",
        "belief",
        None,
        id="X assumed ...: a verb of belief",
    ),
    pytest.param(
        "The minister persuaded the council to delay the vote.",
        "persuaded",
        "The minister",
        "the council to delay the vote",
        "indirect",
        None,
        id="X persuaded Y to ...",
    ),
    pytest.param(
        "The governor likened the storm to a war.",
        "likened",
        "The governor",
        "the storm to a war",
        "indirect",
        None,
        id="X likened Y to Z",
    ),
    pytest.param(
        "The senator lambasted the new tax on fuel.",
        "lambasted",
        "The senator",
        "the new tax on fuel",
        "indirect",
        None,
        id="X lambasted Y: a verb of attack takes its object",
    ),
    pytest.param(
        "The mayor mused about leaving office next year.",
        "mused about",
        "The mayor",
        "leaving office next year",
        "indirect",
        None,
        id="X mused about ...",
    ),
    pytest.param(
        "The governor embraced the plan to rebuild the port.",
        "embraced",
        "The governor",
        "the plan to rebuild the port",
        "belief",
        None,
        id="X embraced Y: a stance",
    ),
    pytest.param(
        "On Monday the coach seemed to indicate that he would stay.",
        "indicate",
        "the coach",
        "that he would stay",
        "indirect",
        None,
        id="seemed to indicate: the cue is the verb of saying",
    ),
    pytest.param(
        "The mayor's call for a ban on cars angered the shop owners.",
        "call for",
        "The mayor",
        "a ban on cars",
        "indirect",
        None,
        id="X's call for ...: a reporting noun with its preposition",
    ),
    pytest.param(
        "The decision by the league to cancel the season upset the players.",
        "decision",
        "the league",
        "to cancel the season",
        "indirect",
        None,
        id="the decision by X to ...: a reporting noun with an infinitive",
    ),
    pytest.param(
        "The reporter asked the senator whether he would run again.",
        "asked",
        "The reporter",
        "whether he would run again",
        "indirect",
        None,
        id="X asked Y whether ...",
    ),
    pytest.param(
        "When the coach retired, the club released the following statement:\n\n"
        "“We thank him for twenty years of work.”\n\nThe season starts in May.",
        "released",
        "the club",
        "“We thank him for twenty years of work.”",
        "direct",
        None,
        id="X released the following statement: and the quote in the next paragraph",
    ),
    pytest.param(
        "“We should build it again,” he went on. “It was a good bridge.”",
        "went",
        "he",
        "“We should build it again,” he went on. “It was a good bridge.”",
        "direct",
        None,
        id="a phrasal verb of saying: went on",
    ),
    pytest.param(
        "The files raised new questions about whether the charity paid its staff.",
        "questions about",
        None,
        "whether the charity paid its staff",
        "indirect",
        None,
        id="questions about ...: a reporting noun with no source",
    ),
    pytest.param(
        "Only two senators voted against the final version of the bill.",
        "voted against",
        "Only two senators",
        "the final version of the bill",
        "belief",
        None,
        id="X voted against Y",
    ),
    pytest.param(
        "We now know that the agency is also looking into the charity.",
        "know",
        "We",
        "that the agency is also looking into the charity",
        "belief",
        None,
        id="a belief of the writer's own voice is a statement too",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "cue", "source", "content", "kind", "speaker"), FORMS)
def test_forms(
    text: str, cue: str, source: str | None, content: str, kind: str, speaker: str | None
) -> None:
    record = _by_cue(text, _statements(text), cue)
    assert _text(text, record.source) == source
    assert _text(text, record.content) == content
    assert record.kind == kind
    assert _ref_text(text, record.speaker) == speaker


# -- the span of the content: where it begins and ends ------------------------------------

# text, cue, content
CONTENT_SPANS = [
    pytest.param(
        "The envoy called for a halt to the talks in response to the border raids.",
        "called for",
        "a halt to the talks in response to the border raids",
        id="a preposition right after the object of 'called for' goes with it",
    ),
    pytest.param(
        "Lee says he fears the long winter and is seeking a place in the shelter.",
        "says",
        "he fears the long winter and is seeking a place in the shelter",
        id="a progressive joined to the content is no participle of the speaker's",
    ),
    pytest.param(
        "He said the village is proud of its old mill, and people in the valley see it as a "
        "landmark.",
        "said",
        "the village is proud of its old mill, and people in the valley see it as a landmark",
        id="a belief joined to the content stays in it",
    ),
    pytest.param(
        "“I do not mind,” Roe said. “She can come if she wants.”\n\n"
        "What Lee has said in private is another story, according to a former aide.",
        "said",
        "“I do not mind,” Roe said. “She can come if she wants.”",
        id="a cue of the next paragraph does not claim the quote that goes on",
    ),
    pytest.param(
        "This seems like a fair deal for the town.",
        "seems",
        "This seems like a fair deal for the town",
        id="seems like ...: a raising verb with a preposition",
    ),
    pytest.param(
        "It seems the bridge will close in May.",
        "seems",
        "the bridge will close in May",
        id="it seems ... with no that",
    ),
    pytest.param(
        "The new toll sounds reasonable to most drivers.",
        "sounds",
        "The new toll sounds reasonable to most drivers",
        id="sounds (adjective): a raising verb",
    ),
    pytest.param(
        "The bridge would be saved, Ann Roe said, by the new toll on trucks.",
        "said",
        "The bridge would be saved, Ann Roe said, by the new toll on trucks",
        id="a content that goes on after the cue: a preposition",
    ),
    pytest.param(
        "There is no risk of a flood, engineers in both towns insist, because the dam was rebuilt.",
        "insist",
        "There is no risk of a flood, engineers in both towns insist, because the dam was rebuilt",
        id="a content that goes on after the cue: a clause of reason",
    ),
    pytest.param(
        "The bridge will close in May, she said, adding that the ferry would run.",
        "said",
        "The bridge will close in May",
        id="a participle of saying after the cue is a statement of its own",
    ),
    pytest.param(
        "The club was sold in June. ''The price was fair for the land,'' Mr. Pell said, "
        "pointing to the two lakes. ''I bet they knew the market was turning.''",
        "said",
        "''The price was fair for the land,'' Mr. Pell said, pointing to the two lakes. "
        "''I bet they knew the market was turning.''",
        id="a quote goes on in the next sentence past a participle after the cue",
    ),
    pytest.param(
        "''The mayor does not get along with the board,'' he said on the show ''Good Day.'' "
        "''They cannot stand each other.''",
        "said",
        "''The mayor does not get along with the board,'' he said on the show ''Good Day.'' "
        "''They cannot stand each other.''",
        id="a quote goes on past a quoted title in the cue's sentence",
    ),
    pytest.param(
        "The governor tweeted that his rival was a “coward,” a “fraud” and a “clown.”",
        "tweeted",
        "that his rival was a “coward,” a “fraud” and a “clown.”",
        id="a clause ending in a quote takes the stop and the closing mark",
    ),
    pytest.param(
        "The mayor said the two parties differ on taxes, the new stadium and the budget.",
        "said",
        "the two parties differ on taxes, the new stadium and the budget",
        id="a list parsed as an apposition stays",
    ),
    pytest.param(
        "The senator said the audit was fair and that the board would publish it.",
        "said",
        "the audit was fair and that the board would publish it",
        id="a second that-clause is the same content",
    ),
    pytest.param(
        "The coach says the team is tired because it plays too often.",
        "says",
        "the team is tired because it plays too often",
        id="a cue whose subject is a pronoun of the content stays in it",
    ),
    pytest.param(
        "Most voters say they like the plan, while a third want a smaller one.",
        "say",
        "they like the plan",
        id="a cue with a subject of its own is another voice",
    ),
    pytest.param(
        "The governor said the budget was balanced and called the audit a stunt.",
        "said",
        "the budget was balanced",
        id="a conjoined cue of the same form is the speaker's next statement",
    ),
    pytest.param(
        "On the radio show “Morning Talk” Tuesday, she said, “We will win this district.”",
        "said",
        "“We will win this district.”",
        id="a quoted title in the sentence is not the speaker's words",
    ),
    pytest.param(
        "“We won,” he told hundreds of screaming fans in the hall. “And we will win again.”",
        "told",
        "“We won,” he told hundreds of screaming fans in the hall. “And we will win again.”",
        id="a participle that modifies a noun is no cue that claims the next quote",
    ),
    pytest.param(
        "Senator Lugo: No Deal on the Budget Before the Recess\n\nThe talks went on.",
        ":",
        "No Deal on the Budget Before the Recess",
        id="a headline 'Name: ...' with no verb the parser sees",
    ),
    pytest.param(
        "The governor called her rival “a man with no plan and no friends.”",
        "called",
        "her rival “a man with no plan and no friends.”",
        id="a content that opens a quote runs to its close",
    ),
    pytest.param(
        "The union has called on the city to raise the wages of its drivers.",
        "called",
        "the city to raise the wages of its drivers",
        id="called on X to do Y",
    ),
    pytest.param(
        "The senator called for the judge to resign over the remarks.",
        "called",
        "the judge to resign over the remarks",
        id="called for X to do Y, a for-to clause",
    ),
    pytest.param(
        "The mayor predicted a victory in Ohio, which votes next week.",
        "predicted",
        "a victory in Ohio",
        id="a closing non-restrictive relative clause is not said",
    ),
    pytest.param(
        "The old rules were strict, the inspector said, and the errors should stop.",
        "said",
        "The old rules were strict, the inspector said, and the errors should stop",
        id="A, X said, and B: both sides of the cue",
    ),
    pytest.param(
        "Two years ago, the senator said, the party ignored the farmers.",
        "said",
        "Two years ago, the senator said, the party ignored the farmers",
        id="an opening phrase, X said, the clause: the whole sentence",
    ),
    pytest.param(
        "“Far too much anger,” she said, pointing at the crowd.",
        "said",
        "“Far too much anger,”",
        id="a quote, X said, a participle: the quote",
    ),
    pytest.param(
        "“We ran out of water,” said Army 1st Lt. Ann Roe. “Nobody came for two days.”",
        "said",
        "“We ran out of water,” said Army 1st Lt. Ann Roe. “Nobody came for two days.”",
        id="a quote goes on over a title the parser cut into a sentence of its own",
    ),
    pytest.param(
        "“He should lead the country,” the mayor said. Instead, “he just blames others.” "
        "The crowd cheered.",
        "said",
        "“He should lead the country,” the mayor said. Instead, “he just blames others.”",
        id="a quote goes on after a short opening with no verb",
    ),
    pytest.param(
        "“We will win,” the mayor said. Meanwhile, the senator said, “We will lose.”",
        "said",
        "“We will win,”",
        id="a quote another cue claims does not go on the first",
    ),
    pytest.param(
        "The coach then listed the skills needed in a good player in the modern game.",
        "listed",
        "the skills needed in a good player in the modern game",
        id="the phrases right after an object are part of it",
    ),
    pytest.param(
        "The minister denied the report on Monday, saying it was false.",
        "denied",
        "the report on Monday",
        id="but not what follows a comma",
    ),
    pytest.param(
        "A poll found that most students backed the plan, while a third favored the old rules.",
        "found",
        "that most students backed the plan, while a third favored the old rules",
        id="a belief set against the finding is part of it",
    ),
    pytest.param(
        "The aides said the visit was planned in May, before the senator called for a boycott.",
        "said",
        "the visit was planned in May, before the senator called for a boycott",
        id="a temporal clause with a cue of its own is part of the content",
    ),
    pytest.param(
        "Most farmers said the tariffs hurt them, while the minister said they helped.",
        "said",
        "the tariffs hurt them",
        id="a contrasted voice is not part of the content",
    ),
    pytest.param(
        "“We had finished most of the songs before the tour,” Lena Moss said, mentioning "
        "the new album is “almost ready.”",
        "said",
        "“We had finished most of the songs before the tour,”",
        id="a quote before the cue, and a clause parsed as the cue's after it: the quote",
    ),
    pytest.param(
        "Sitting down with a radio host on Thursday, during which she also touched on the idea "
        'of a running mate, Ann Roe remarked that she was "a little surprised" to be debating '
        "taxes.",
        "remarked",
        'that she was "a little surprised" to be debating taxes',
        id="a clause parsed as the cue's before it, and a that-clause after it: the latter",
    ),
    pytest.param(
        "The senator said she was encouraged by the plan — a modest boost for the mayor since May.",
        "said",
        "she was encouraged by the plan",
        id="a noun phrase after a dash that sums up the content is the writer's aside",
    ),
    pytest.param(
        "The governor said nobody would get hurt at his rally, a swipe at the recent fights at "
        "the rallies of his rival.",
        "said",
        "nobody would get hurt at his rally",
        id="a noun phrase after a comma that sums up the content is the writer's aside",
    ),
    pytest.param(
        "The campaign announced that it hired the former spokeswoman Ann Roe, who has been "
        "outspoken in backing the farmers, according to the local paper.",
        "announced",
        "that it hired the former spokeswoman Ann Roe",
        id="a closing 'according to X' is the writer's source, not the words said",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "cue", "content"), CONTENT_SPANS)
def test_content_spans(text: str, cue: str, content: str) -> None:
    record = _by_cue(text, _statements(text), cue)
    assert _text(text, record.content) == content


# -- speakers: pronouns, spokesmen, unnamed sources -------------------------------------

# text, cue, speaker, on behalf of, anonymous
SPEAKERS = [
    pytest.param(
        "Sergei Lavrov met reporters in Moscow on Monday. He said the talks had failed.",
        "said",
        "Sergei Lavrov",
        None,
        False,
        id="pronoun",
    ),
    pytest.param(
        "Putin spokesman Dmitry Peskov said the report was false.",
        "said",
        "Dmitry Peskov",
        "Putin",
        False,
        id="possessive title",
    ),
    pytest.param(
        "Kremlin spokesman Dmitry Peskov told reporters that the claims were baseless.",
        "told",
        "Dmitry Peskov",
        "Kremlin",
        False,
        id="spokesman of a body",
    ),
    pytest.param(
        "Dmitry Peskov, a spokesman for the Kremlin, said the claims were baseless.",
        "said",
        "Dmitry Peskov",
        "Kremlin",
        False,
        id="apposition",
    ),
    pytest.param(
        "A spokesman for the Kremlin said the story was invented.",
        "said",
        "Kremlin",
        "Kremlin",
        True,
        id="unnamed spokesman for a body",
    ),
    pytest.param(
        "A Taliban spokesman denied the report.",
        "denied",
        "Taliban",
        "Taliban",
        True,
        id="unnamed spokesman, body before",
    ),
    pytest.param(
        "U.S. officials said Russia paid the militants.",
        "said",
        "U.S.",
        None,
        True,
        id="unnamed officials of a country",
    ),
    pytest.param(
        "Officials at the Pentagon said the strike was lawful.",
        "said",
        "Pentagon",
        None,
        True,
        id="officials at a body",
    ),
    pytest.param(
        "Russian officials met the envoy on Monday. They said the report was false.",
        "said",
        "Russian",
        None,
        True,
        id="they: the officials of the sentence before",
    ),
    pytest.param(
        "Analysts said the market would recover.",
        "said",
        None,
        None,
        False,
        id="nobody named",
    ),
    pytest.param(
        "A senior official said the talks had stalled.",
        "said",
        None,
        None,
        True,
        id="one unnamed official: anonymous, nobody named",
    ),
    pytest.param(
        "A former British spy said the file was accurate.",
        "said",
        None,
        None,
        True,
        id="one unnamed person of a country is not the country",
    ),
    pytest.param(
        "A senior Russian official said the talks had stalled.",
        "said",
        None,
        None,
        True,
        id="one unnamed official of a country is not the country",
    ),
    pytest.param(
        "A new report said the plan had failed.",
        "said",
        None,
        None,
        False,
        id="an unnamed thing is no anonymous person",
    ),
    pytest.param(
        "A Gallup poll showed the senator ahead.",
        "showed",
        None,
        None,
        False,
        id="a poll of a named body is no anonymous person",
    ),
    pytest.param(
        "Ann Roe said the plan had failed.\n\nThe plan was drawn up in May by the council."
        "\n\n“We tried everything,” she added.",
        "added",
        "Ann Roe",
        None,
        False,
        id="she: the speaker of the statement before, beyond coreference",
    ),
    pytest.param(
        "Ann Roe said the plan had failed.\n\nThe plan was drawn up in May by the council."
        "\n\n“We tried everything,” he added.",
        "added",
        None,
        None,
        False,
        id="not a speaker before of the other gender",
    ),
    pytest.param(
        "Ann Roe said the plan had failed.\n\nOne farmer said the plan had worked."
        "\n\n“We tried everything,” she added.",
        "added",
        None,
        None,
        False,
        id="not past an unnamed speaker",
    ),
    pytest.param(
        "Paul Grant spoke to farmers in Ohio on Monday. The farmers cheered Paul Grant.\n\n"
        "The billionaire businessman said the plan had failed.",
        "said",
        "Paul Grant",
        None,
        False,
        id="a description: the subject named just before",
    ),
    pytest.param(
        "Paul Grant spoke to farmers in Ohio on Monday.\n\nThe billionaire businessman said "
        "the plan had failed.",
        "said",
        None,
        None,
        False,
        id="not a subject named only once",
    ),
    pytest.param(
        "Sen. Ann Roe met the farmers on Monday. They thanked Roe. The senator said the plan "
        "had failed.",
        "said",
        "Ann Roe",
        None,
        False,
        id="an office: the subject of that title (Sen.)",
    ),
    pytest.param(
        "Paul Grant spoke to farmers in Ohio on Monday. The senator said the plan had failed.",
        "said",
        None,
        None,
        False,
        id="not a subject with no such office",
    ),
    pytest.param(
        "Paul Grant, the former governor of Ohio, spoke to farmers on Monday. The Texas "
        "governor said the plan had failed.",
        "said",
        None,
        None,
        False,
        id="not a subject with that office of another place",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "cue", "speaker", "behalf", "anonymous"), SPEAKERS)
def test_speakers(
    text: str, cue: str, speaker: str | None, behalf: str | None, anonymous: bool
) -> None:
    record = _by_cue(text, _statements(text), cue)
    assert _ref_text(text, record.speaker) == speaker
    assert _ref_text(text, record.on_behalf_of) == behalf
    assert record.anonymous is anonymous


@pytest.mark.model
def test_a_quoted_phrase_in_reported_speech_keeps_the_statement_indirect() -> None:
    text = "Obama said “it gets me mad” every time he thinks about the children who were killed."
    record = _by_cue(text, _statements(text), "said")
    assert record.kind == "indirect"
    assert _text(text, record.content) == (
        "“it gets me mad” every time he thinks about the children who were killed"
    )


# text, cue, source, content: what the rules get wrong today
KNOWN_MISSES = [
    pytest.param(
        "The senator said the plan was unserious and charged that it would cost jobs.",
        "charged",
        "The senator",
        "that it would cost jobs",
        id="a conjoined cue parsed inside the reported clause",
    ),
    pytest.param(
        "“One kind is a casual hate,” Sexton said. “The rallies are outlets for anger.\n\n"
        "“There is another side, a nihilistic one,” Sexton said.",
        "said",
        "Sexton",
        "“One kind is a casual hate,” Sexton said. “The rallies are outlets for anger.",
        id="an unclosed quote that the next paragraph's cue claims",
    ),
]


@pytest.mark.model
@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(("text", "cue", "source", "content"), KNOWN_MISSES)
def test_known_misses(text: str, cue: str, source: str, content: str) -> None:
    record = _by_cue(text, _statements(text), cue)
    assert (_text(text, record.source), _text(text, record.content)) == (source, content)


@pytest.mark.model
def test_a_quote_paragraph_is_spoken_by_the_subject_of_the_sentence_before() -> None:
    text = (
        "Senator Mark Warner spoke to reporters on Tuesday.\n\n"
        "“This is a betrayal of our troops and of our allies.”"
    )
    (record,) = [r for r in _statements(text) if r.kind == "direct"]
    assert _text(text, record.content) == "“This is a betrayal of our troops and of our allies.”"
    assert _text(text, record.cue) == "spoke"  # the verb of the speaker, not the mark
    assert _ref_text(text, record.speaker) == "Mark Warner"


@pytest.mark.model
def test_the_words_of_the_quoted_speaker_are_not_statements_of_the_article() -> None:
    text = "“I think the report is false and I know who wrote it,” Peskov said."
    records = _statements(text)
    assert [_text(text, r.cue) for r in records] == ["said"]


@pytest.mark.model
def test_a_belief_reported_by_someone_else_is_part_of_their_statement() -> None:
    text = "Aides said the president wants to meet the Russian leader in June."
    records = _statements(text)
    assert [_text(text, r.cue) for r in records] == ["said"]
    assert (
        _text(text, records[0].content) == "the president wants to meet the Russian leader in June"
    )


@pytest.mark.model
def test_about_lists_the_entities_of_the_content() -> None:
    text = "Pompeo said that Russia had offered money to the Taliban."
    record = _by_cue(text, _statements(text), "said")
    assert sorted(_ref_text(text, ref) or "" for ref in record.about) == ["Russia", "Taliban"]


@pytest.mark.model
def test_offsets_are_absolute_and_evidence_is_the_cue_sentence() -> None:
    text = "The strike killed two commanders, the Pentagon said. Nothing else happened."
    offset = 1000
    records = _statements(text, offset)
    record = next(r for r in records if _text(text, r.cue, offset) == "said")
    assert _text(text, record.content, offset) == "The strike killed two commanders"
    assert _text(text, record.source, offset) == "the Pentagon"
    assert record.evidence.doc == "d1"
    assert record.evidence.sentence == "The strike killed two commanders, the Pentagon said."
    assert (record.evidence.start, record.evidence.end) == (offset, offset + 52)
    assert _ref_text(" " * offset + text, record.speaker) == "Pentagon"


@pytest.mark.model
def test_the_extractor_runs_on_a_bare_context() -> None:
    text = "Pompeo said that Russia had offered money to the militants."
    doc, ctx = _context(text)
    extractor = StatementExtractor()
    assert isinstance(extractor, Extractor)
    assert extractor.name == "statements"
    records = list(extractor(doc, ctx))
    assert [_text(text, r.cue) for r in records] == ["said"]


# -- bad input: quotes of every kind, unbalanced, no speaker --------------------------------

# text, cue, content, speaker
QUOTE_MARKS = [
    pytest.param(
        "“We will win the state,” Trump said.",
        "said",
        "“We will win the state,”",
        "Trump",
        id="curly",
    ),
    pytest.param(
        '"We will win the state," Trump said.',
        "said",
        '"We will win the state,"',
        "Trump",
        id="straight",
    ),
    pytest.param(
        "''We will win the state,'' Trump said.",
        "said",
        "''We will win the state,''",
        "Trump",
        id="doubled apostrophes",
    ),
    pytest.param(
        "« We will win the state », Trump said.",
        "said",
        "« We will win the state »",
        "Trump",
        id="guillemets",
    ),
    pytest.param(
        '“We will win the state," Trump said.',
        "said",
        '“We will win the state,"',
        "Trump",
        id="curly opened, straight closed",
    ),
    pytest.param(
        "“We will win the state,“ Trump said.",
        "said",
        "“We will win the state,“",
        "Trump",
        id="closing mark typed as an opening one",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "cue", "content", "speaker"), QUOTE_MARKS)
def test_quote_marks(text: str, cue: str, content: str, speaker: str) -> None:
    record = _by_cue(text, _statements(text), cue)
    assert _text(text, record.content) == content
    assert record.kind == "direct"
    assert _ref_text(text, record.speaker) == speaker


BAD_INPUT = [
    pytest.param('"We will win the state, Trump said at the rally.', id="never closed"),
    pytest.param('We will win the state," Trump said at the rally.', id="never opened"),
    pytest.param('"""We"" will ""win" the state" Trump said ".', id="too many marks"),
    pytest.param("“We will win”” the state “,” Trump “said.", id="curly marks astray"),
    pytest.param('"\n\n"\n\n"', id="marks alone"),
    pytest.param("« We will win » » « Trump said «", id="guillemets astray"),
]


@pytest.mark.model
@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_quotes_do_not_fail(text: str) -> None:
    for record in _statements(text):
        assert record.kind in KINDS
        assert 0 <= record.content[0] < record.content[1] <= len(text)


@pytest.mark.model
def test_a_quote_with_no_speaker_anywhere_is_kept_with_no_speaker() -> None:
    text = "“Nobody in this town expected the vote to go this way.”"
    (record,) = _statements(text)
    assert record.kind == "direct"
    assert record.speaker is None
    assert record.source is None
    assert _text(text, record.content) == text


@pytest.mark.model
def test_an_unclosed_quote_is_kept_with_no_speaker() -> None:
    text = "“We will win the state and then the country, Trump said at the rally."
    (record,) = _statements(text)
    assert record.kind == "direct"
    assert record.speaker is None
    assert _text(text, record.content) == text


def test_records_are_frozen() -> None:
    from kgraph._model import Evidence

    record = StatementRecord(
        None, None, False, (0, 1), (2, 3), None, "direct", (), Evidence("d", 0, 3, "abc")
    )
    with pytest.raises(FrozenInstanceError):
        record.kind = "belief"  # type: ignore[misc]


# -- quote pairing on hand-built Docs -----------------------------------------------------


def _doc(text: str) -> Doc:
    """A Doc of whitespace-separated words; "\\n\\n" words break paragraphs."""
    words = text.split(" ")
    spaces = [True] * len(words)
    for i, word in enumerate(words):
        if i + 1 < len(words) and words[i + 1] in _CLOSERS:
            spaces[i] = False  # "won ”": the closing mark sticks to its word
        if word in _OPENERS:
            spaces[i] = False
    spaces[-1] = False
    return Doc(Vocab(), words=[w.replace("\\n", "\n") for w in words], spaces=spaces)


_OPENERS = {"“", "«", "<open>"}
_CLOSERS = {"”", "»", ",", "."}


def _quoted(text: str) -> list[str]:
    doc = _doc(text)
    return [doc[s:e].text for s, e in find_quotes(doc)]


PAIRS = [
    pytest.param("she said “ we won ” today .", ["“we won”"], id="curly"),
    pytest.param("she said « we won » today .", ["«we won»"], id="guillemets"),
    pytest.param("she said “ we won ” and “ they lost ” .", ["“we won”", "“they lost”"], id="two"),
    pytest.param("“ we won , she said .", ["“we won, she said."], id="never closed"),
    pytest.param("we won ” she said .", ["we won”"], id="never opened"),
    pytest.param(
        "“ we won . \\n\\n “ they lost . ” she said .",
        ["“we won. \n\n “they lost.”"],
        id="goes on in the next paragraph",
    ),
    pytest.param(
        "“ we won . \\n\\n they lost , she said .",
        ["“we won."],
        id="ends with its paragraph",
    ),
    pytest.param(
        "“ we won the « big » one ” she said .", ["“we won the «big» one”"], id="nested family"
    ),
    pytest.param("she said nothing at all .", [], id="no quote"),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


_MARKS = ["“", "”", '"', "''", "«", "»", "\n\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["we", "won", ",", ".", *_MARKS]), min_size=1, max_size=40))
def test_find_quotes_gives_ordered_disjoint_spans(words: list[str]) -> None:
    doc = Doc(Vocab(), words=words, spaces=[True] * len(words))
    spans = find_quotes(doc)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(doc)
        previous = end


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Sanders: 1,547\n\nThe count went on.", id="a score in a headline"),
        pytest.param("He won. Sanders: 1,547 votes in all.", id="not a paragraph's start"),
    ],
)
def test_a_colon_that_is_no_statement(text: str) -> None:
    assert not [r for r in _statements(text) if _text(text, r.cue) == ":"]
