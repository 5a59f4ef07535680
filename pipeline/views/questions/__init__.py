"""Questions in plain words, answered from the stored facts, with the sentences they rest on.

    ask(store, "When did the Bar Code Payment Business Standards take effect?")

No language model: the question is read with the same entity and time stages as the articles
(understand.py), then answered from timeline entries, entities and relations (answer.py).
When the store cannot answer, the answer says so and shows the most relevant sentences; it
never invents.
"""

from __future__ import annotations

from pipeline.errors import KBError
from pipeline.store import Store
from pipeline.views.questions.answer import Answer, Knowledge

__all__ = ["Answer", "MAX_QUESTION_CHARS", "QuestionRejected", "ask", "knowledge", "clean_question"]

# The longest question of the gold set has 90 characters. A 26 KB "question" held an app
# session 47 s (99 KB: 149 s and 451 MB): the reading stages grow faster than the text.
MAX_QUESTION_CHARS = 500


class QuestionRejected(KBError):
    """A question that is not read (too long, or empty); the message says what to do."""


def clean_question(question: str) -> str:
    """The question as it will be read, or QuestionRejected. Bytes that were not UTF-8 (a
    terminal in another encoding gives them to Python as lone surrogates, which spaCy
    refuses) become U+FFFD."""
    question = question.encode("utf-8", "surrogatepass").decode("utf-8", "replace").strip()
    if not question:
        raise QuestionRejected("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionRejected(
            f"the question has {len(question):,} characters; ask in at most {MAX_QUESTION_CHARS} "
            "(one question, not a document: to search the articles, ask about one thing at a time)"
        )
    return question

def knowledge(store: Store) -> Knowledge:
    """The facts questions are answered from, built once per state of the store (memoised on
    the connection: the states of two connections are not comparable)."""
    return store.memo("knowledge", lambda: Knowledge(store))


def ask(store: Store, question: str) -> Answer:
    """The answer to `question`; QuestionRejected for an empty or overlong one."""
    return knowledge(store).ask(clean_question(question))
