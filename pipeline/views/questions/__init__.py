"""Questions in plain words, answered from the stored facts, with the sentences they rest on.

    ask(store, "When did the Bar Code Payment Business Standards take effect?")

No language model: the question is read with the same entity and time stages as the articles
(understand.py), then answered from timeline entries, entities and relations (answer.py).
When the store cannot answer, the answer says so and shows the most relevant sentences; it
never invents.
"""

from __future__ import annotations

from pipeline.store import Store
from pipeline.views.questions.answer import Answer, Knowledge

__all__ = ["Answer", "ask", "knowledge"]

def knowledge(store: Store) -> Knowledge:
    """The facts questions are answered from, built once per state of the store (memoised on
    the connection: the states of two connections are not comparable)."""
    return store.memo("knowledge", lambda: Knowledge(store))


def ask(store: Store, question: str) -> Answer:
    return knowledge(store).ask(question)
