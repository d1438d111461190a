"""Relation rules: facts read from the parse of one sentence, each by one registered rule.

Verb rules (:mod:`.verbs`), nominal events (:mod:`.nominal`), roles, locations and
modifiers (facts without verbs), with the syntax helpers they share (:mod:`.clauses`,
:mod:`.arguments`, :mod:`.factuality`, :mod:`.phrase_mentions`). Every rule is a function
``(SentenceView, DocContext) -> Iterable[Fact]`` registered by name in :mod:`.registry`.
"""
