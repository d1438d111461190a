"""Hand-made document records for graph and export tests: no spaCy model needed."""
from __future__ import annotations

from extractors.records import DocumentRecord, Entity, Fact, Factuality, Mention, Sentence


def record(doc_id: str = "d1", *, agent: str = "Hamas", verb: str = "attacked", target: str = "Sderot",
           relation: str = "attacked", open_: bool = False,
           factuality: Factuality = Factuality.ASSERTED, reporter: str | None = None,
           time: str | None = None, time_text: str | None = None, prefix: str = "",
           title: str | None = None, url: str | None = None, date: str | None = None,
           rule: str = "verb-active", agent_cls: str = "ArmedGroup",
           target_cls: str = "City", named_reporter: bool = True) -> DocumentRecord:
    """One document of one sentence "{prefix}{agent} {verb} {target}." with its fact.

    With ``reporter``, the sentence ends ", {reporter} said." and the fact is reported by it,
    an entity unless ``named_reporter`` is false (an unnamed source: "officials").
    """
    text = f"{prefix}{agent} {verb} {target}"
    text += f", {reporter} said." if reporter else "."
    a_start = len(prefix)
    t_start = a_start + len(agent) + len(verb) + 2
    subj = Mention(agent, a_start, a_start + len(agent), "a")
    obj = Mention(target, t_start, t_start + len(target), "t")
    entities = [Entity("a", agent, agent_cls), Entity("t", target, target_cls)]
    said = None
    if reporter:
        r_start = text.rindex(reporter)
        said = Mention(reporter, r_start, r_start + len(reporter), "r" if named_reporter else "")
        if named_reporter:
            entities.append(Entity("r", reporter, "Person"))
    sent = Sentence(" ".join(text.split()), 0, len(text))
    fact = Fact(subj, relation, obj, sent, rule, open_, factuality, reported_by=said,
                time=time, time_text=time_text)
    return DocumentRecord(doc_id=doc_id, text=text, entities=tuple(entities), facts=(fact,),
                          title=title, url=url, date=date)
