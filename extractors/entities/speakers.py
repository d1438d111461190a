"""Who speaks and who acts when the sentence does not say: quotation speakers ("I" and
"we" inside a quotation are the speaker of the verb outside it), the document's author
("I" in a statement bylined "Jane Roe, Secretary of State" or headed "Remarks by
President Roe" is Roe) and the agent the text has established for an agentless passive
of a formal act ("OFAC designated six men ... X and Y are being designated" is OFAC's act).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.entities.missed_names import author_spans
from extractors.entities.reference_index import DESCRIPTION_WINDOW, ReadingIndex, mention_of
from extractors.lexicon import Lexicon
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


def document_author(doc: Doc, index: ReadingIndex, lexicon: Lexicon) -> Mention | None:
    """The person a document is by, when its top says so: the first author name
    :func:`~extractors.entities.missed_names.author_spans` finds there ("Jane Roe, Secretary
    of State"; "Remarks by President Jane Roe on ...") that names a person."""
    for span in author_spans(doc, lexicon):
        m = index.by_token.get(span.start)
        if m is not None and index.entity(m).cls == "Person":
            return m
    return None


def author_pronouns(doc: Doc, index: ReadingIndex, lexicon: Lexicon) -> dict[int, Mention]:
    """First-person singular pronouns outside quotations, each to the document's author."""
    candidates = [t for t in doc if t.pos_ == "PRON" and t.lower_ in index.vocab.author_pronouns
                  and t.i not in index.by_token]
    if not candidates:
        return {}
    author = document_author(doc, index, lexicon)
    if author is None:
        return {}
    quoted = {i for a, b in _quotations(doc) for i in range(a, b + 1)}
    return {t.i: Mention(text=t.text, start=t.idx, end=t.idx + len(t.text),
                         entity=author.entity, via="pronoun")
            for t in candidates if t.i not in quoted}


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


# sentences back an agentless formal act may look for the body the text showed doing it
# (a sanctions release names its designees paragraphs after "OFAC imposed sanctions")
AGENT_WINDOW = 20


def _act_agents(sent: Span, before: int, index: ReadingIndex) -> dict[str, Mention]:
    """The named bodies a sentence shows performing a formal act before token ``before``:
    the subject of an active verb of one ("OFAC designated six men"), the owner of a noun
    of one ("OFAC's designation", "Today's OFAC designation") or the subject of the verb
    that takes such a noun as its object ("OFAC imposed sanctions on ...")."""
    vocab, agents = index.vocab, {}
    for v in sent:
        if v.i >= before:
            break
        lemma = v.lemma_.lower()
        if v.pos_ == "VERB" and lemma in vocab.single_agent_acts:
            subjects = [c for c in v.children if c.dep_ == "nsubj"]
        elif v.pos_ == "NOUN" and lemma in vocab.single_agent_act_nouns:
            # NOUN -> poss/compound NAME; VERB(active) -> dobj NOUN, VERB -> nsubj NAME
            subjects = [c for c in v.children if c.dep_ in {"poss", "compound"}]
            if v.dep_ == "dobj" and v.head.pos_ == "VERB":
                subjects += [c for c in v.head.children if c.dep_ == "nsubj"]
        else:
            continue
        for c in subjects:
            if (m := mention_of(c, index)) is not None:
                agents[m.entity] = m
    return agents


def established_agents(sents: list[Span], index: ReadingIndex) -> dict[int, Mention]:
    """Agentless passives of a formal act ("X and Y are being designated") whose agent the
    text has established: the one named body the sentence and the few before it show
    performing such an act, in a verb ("OFAC designated six individuals ...") or a noun
    ("OFAC imposed sanctions on ...", "I am announcing the designation of ..."); none
    when two bodies did it there. When none did, the nearest earlier sentence that shows
    one body doing it (a release names its designees paragraphs after the act)."""
    out = {}
    for k, sent in enumerate(sents):
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in index.vocab.single_agent_acts:
                continue
            kids = list(verb.children)
            if not any(c.dep_ == "nsubjpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
                continue
            near: dict[str, Mention] = {}
            for back in range(k, max(-1, k - DESCRIPTION_WINDOW - 1), -1):
                near.update(_act_agents(sents[back], verb.i, index))
            for back in range(k - DESCRIPTION_WINDOW - 1, max(-1, k - AGENT_WINDOW - 1), -1):
                if near:
                    break
                near = _act_agents(sents[back], verb.i, index)
            if len(near) == 1:   # two bodies acting there: whose act it is is unclear
                out[verb.i] = next(iter(near.values()))
    return out
