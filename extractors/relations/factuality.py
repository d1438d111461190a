"""Whether a clause asserts its event, and who reports it.

A fact the text presents as having happened is asserted. Negation, modality, plans,
purposes, conditionals and questions make it negated, hypothetical or planned; the graph
keeps such facts as statements without a direct triple.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.relations.clauses import subjects
from extractors.records import Factuality
from extractors.relations.words import words

_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_NEGATORS = {"not", "n't", "never", "no"}


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ in {"advmod", "det"} and c.lower_ in {"never"})
               for c in tok.children)


def _modal(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words("modal_words") for c in tok.children)


def _going_to(tok: Token) -> bool:
    # "is going to strike" and "is about to strike" state futures
    return tok.dep_ == "xcomp" and tok.head.lemma_ == "go" and tok.head.tag_ == "VBG"


def own_clause(verb: Token) -> bool:
    """Whether a coordinated verb has its own subject: "did not attack, but it threatened X"."""
    return verb.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass", "expl"}
                                       for c in verb.children)


def clause_head(verb: Token) -> Token:
    """The first verb of a coordination, which carries the shared auxiliaries.

    A conjunct with its own subject is a clause of its own: it shares no auxiliary.
    """
    v = verb
    while v.dep_ == "conj" and v.head is not v and v.head.pos_ in {"VERB", "AUX"} \
            and not own_clause(v):
        v = v.head
    return v


def factuality(verb: Token, sent: Span) -> Factuality:
    """Whether the clause of ``verb`` asserts, negates, plans or supposes its event.

    The check climbs through control verbs ("did not try to attack"), because their
    negation and modality scope over the complement.
    """
    seen = 0
    v = verb
    inherit = True  # False after leaving a conjunct with its own subject for its first clause
    while v is not None and seen < 6:
        seen += 1
        for tok in ({v, clause_head(v)} if inherit else ()):
            if _negated(tok):
                return Factuality.NEGATED
            if _modal(tok) or _going_to(tok):
                return Factuality.HYPOTHETICAL
            # conditional clause: "if they strike"
            if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in tok.children):
                return Factuality.HYPOTHETICAL
            # infinitive with a "for" subject: "in order for Israel to withdraw", "called for
            # Iran to stop": wanted or required, not done
            if any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                return Factuality.HYPOTHETICAL
        v = clause_head(v)
        head = v.head
        # infinitive complement of a plan/order verb: "plans to strike", "ordered to leave"
        if v.dep_ == "xcomp" and head.lemma_ in words("negating_verbs"):
            return Factuality.NEGATED
        if v.dep_ == "xcomp" and head.lemma_ in words("plan_verbs"):
            return Factuality.PLANNED
        # gerund after a negating verb: "denied attacking", "stopped funding"
        if v.dep_ in {"xcomp", "ccomp", "pcomp"} and head.lemma_ in words("negating_verbs"):
            return Factuality.NEGATED
        if v.dep_ == "pcomp" and head.dep_ == "prep" and \
                head.head.lemma_ in words("negating_verbs"):
            return Factuality.NEGATED
        # purpose clause: "deployed troops to protect the base", "aimed at deterring Iran"
        if v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return Factuality.PLANNED
        if v.dep_ == "pcomp" and head.lower_ in {"at", "toward", "towards"}:
            return Factuality.PLANNED
        # opinion about what may happen: "officials fear the militia strikes again"
        if v.dep_ == "ccomp" and head.lemma_ in words("irrealis_verbs"):
            return Factuality.HYPOTHETICAL
        if v.dep_ == "ccomp" and head.lemma_ in words("negating_verbs"):
            return Factuality.NEGATED
        if v.dep_ in {"xcomp", "ccomp", "conj"} and head.pos_ in {"VERB", "AUX"}:
            # the matrix verb's own negation or modal scopes over its complement; a
            # coordinated clause with its own subject keeps only what scopes over both
            inherit = not own_clause(v)
            v = head
            continue
        break
    # main clause of a conditional: "If Iran strikes, the US will respond"
    root = verb.sent.root
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS
                                     for m in c.children) for c in root.children):
        return Factuality.HYPOTHETICAL
    if is_question(sent):
        return Factuality.HYPOTHETICAL
    return Factuality.ASSERTED


def is_question(sent: Span) -> bool:
    """Whether a sentence ends with a question mark, before any closing quotes."""
    for tok in reversed(sent):
        if tok.is_space or tok.is_quote or tok.text in {"”", "’"}:
            continue
        return "?" in tok.text
    return False


def noun_factuality(noun: Token, sent: Span) -> Factuality:
    """The factuality of an event noun: that of the clause it sits in, or irrealis.

    "the possibility of an attack on X" and "considered strikes on X" do not assert an
    attack; "condemned the strikes on X" does.
    """
    tok = noun
    for _ in range(8):
        if tok.dep_ == "ROOT" or tok.head is tok:
            break
        if tok.lemma_.lower() in words("irrealis_nouns") or tok.lower_ in words("irrealis_nouns"):
            if tok is not noun:
                return Factuality.HYPOTHETICAL
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return Factuality.NEGATED
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            return factuality(tok, sent)
    if is_question(sent):
        return Factuality.HYPOTHETICAL
    return Factuality.ASSERTED


def reporter_token(verb: Token) -> Token | None:
    """The source a clause is attributed to: "X said ...", "according to X".

    Climbs from ``verb`` to the speech verb that takes its clause as complement and
    returns that verb's subject token; or the object of an "according to" phrase.
    """
    v = clause_head(verb)
    for _ in range(4):
        for prep in v.children:
            # attribution phrase: "according to the ministry"
            if prep.dep_ == "prep" and prep.lower_ == "according":
                for to in prep.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            return pobj
        if v.dep_ in {"ccomp", "parataxis"} and v.head.lemma_ in words("speech_verbs"):
            speaker = v.head
            for c in speaker.children:
                if c.dep_ == "agent":  # "it was reported by X that ..."
                    return next((p for p in c.children if p.dep_ == "pobj"), None)
            # the speaker may be the subject of a participle: "videos claiming it will ..."
            toks, passive = subjects(speaker)
            if not toks or passive:
                return None
            src = toks[0]
            # a message stands for who issued it: "KH issued a statement saying ..."
            if speaker.dep_ == "acl" and src.dep_ in {"dobj", "obj"} and src.head.pos_ == "VERB":
                issuers, passive = subjects(src.head)
                return issuers[0] if issuers and not passive else None
            return src
        # a speech verb placed after the quote: '"We struck the base," KH said.'
        for c in v.children:
            if c.dep_ in {"parataxis", "ccomp"} and c.lemma_ in words("speech_verbs") \
                    and c.i > verb.i:
                return next((s for s in c.children if s.dep_ == "nsubj"), None)
        if v.dep_ in {"xcomp", "conj", "advcl"} and v.head is not v:
            v = clause_head(v.head)
            continue
        break
    return None
