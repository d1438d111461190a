"""Who speaks and who acts when the sentence does not say: quotation speakers ("I" and
"we" inside a quotation are the speaker of the verb outside it) and the agent the text has
established for an agentless passive of a formal act ("OFAC designated six men ... X and Y
are being designated" is OFAC's act).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.entities.reference_index import DESCRIPTION_WINDOW, ReadingIndex, mention_of
from extractors.records import Mention

# quotation marks: curly ones say which way they face, straight ones do not
_OPENING, _CLOSING, _EITHER = "“", "”", {'"', "``", "''"}


def _quotations(doc: Doc) -> list[tuple[int, int]]:
    """The quotations of a document as (opening, closing) quote token indices; a paragraph
    break ends an open one unclosed (news reopens a quotation in the next paragraph)."""
    out, start = [], None
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            start = None
        text = tok.text
        if text == _OPENING or (text in _EITHER and start is None):
            start = tok.i
        elif start is not None and (text == _CLOSING or text in _EITHER):
            out.append((start, tok.i))
            start = None
    return out


def _speaker(quote: tuple[int, int], doc: Doc, index: ReadingIndex) -> Mention | None:
    """Who a quotation is attributed to: the subject of the speech verb outside it in the
    sentence of its closing quote ("..., he added") or of its opening one (X said: "...")."""
    a, b = quote
    for edge, outside in ((doc[b], lambda t: t.i > b), (doc[a], lambda t: t.i < a)):
        for verb in edge.sent:
            if not outside(verb) or verb.lemma_.lower() not in index.vocab.speech_verbs:
                continue
            for subj in verb.children:
                if subj.dep_ == "nsubj" and outside(subj):
                    return mention_of(subj, index)
    return None


def quoted_speakers(doc: Doc, index: ReadingIndex) -> dict[int, Mention]:
    """First-person pronouns inside quotations, each to the quotation's speaker."""
    out = {}
    for quote in _quotations(doc):
        pronouns = [t for t in doc[quote[0] + 1:quote[1]] if t.pos_ == "PRON"
                    and t.lower_ in index.vocab.speaker_pronouns and t.i not in index.by_token]
        if not pronouns:
            continue
        speaker = _speaker(quote, doc, index)
        if speaker is None:
            continue
        for t in pronouns:
            out[t.i] = Mention(text=t.text, start=t.idx, end=t.idx + len(t.text),
                               entity=speaker.entity, via="pronoun")
    return out


def described_as(tokens, lemma: str, index: ReadingIndex) -> list[Mention]:
    """The names the tokens describe with a noun of ``lemma``: in apposition ("the KLA, a
    militia group in Laos") or as a predicate ("Hamas is an armed group"), in order."""
    out = []
    for t in tokens:
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or t.i in index.by_token:
            continue
        if t.dep_ == "appos":
            m = index.by_token.get(t.head.i)
        elif t.dep_ == "attr":
            m = next((index.by_token[c.i] for c in t.head.children
                      if c.dep_ == "nsubj" and c.i in index.by_token), None)
        else:
            m = None
        if m is not None:
            out.append(m)
    return out


def established_agents(sents: list[Span], index: ReadingIndex) -> dict[int, Mention]:
    """Agentless passives of a formal act ("X and Y are being designated") whose agent the
    text has established: the one named subject of the same verb in the active voice in
    that sentence or the few before it ("OFAC designated six individuals ..."); none when
    two bodies did it there."""
    out = {}
    for k, sent in enumerate(sents):
        for verb in sent:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma not in index.vocab.single_agent_acts:
                continue
            kids = list(verb.children)
            if not any(c.dep_ == "nsubjpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
                continue
            agents: dict[str, Mention] = {}
            for back in range(k, max(-1, k - DESCRIPTION_WINDOW - 1), -1):
                for v in sents[back]:
                    if v.i >= verb.i or v.lemma_.lower() != lemma or v.pos_ != "VERB":
                        continue
                    for c in v.children:
                        if c.dep_ == "nsubj" and (m := mention_of(c, index)) is not None:
                            agents[m.entity] = m
            if len(agents) == 1:   # two bodies acting nearby: whose act it is is not clear
                out[verb.i] = next(iter(agents.values()))
    return out
