"""Retrieval for the chat: approved passages for a question, numbered for citation."""

from __future__ import annotations

from channels.db import database_sync_to_async

from assistant.backends.base import Passage
from assistant.context import PatientContext
from assistant.selectors import library, library_if_checked

TOP_K = 5


async def retrieve(question: str, ctx: PatientContext, *, lang: str = "en") -> list[Passage]:
    """Approved sections in `lang` for `question`, boosted by the patient's own conditions.

    The search is in-memory CPU work well under a millisecond (see `make bench`). At most
    every ASSISTANT_LIBRARY_CHECK_SECONDS one database query checks that the library has
    not changed since the index was built; in between, no trip to the database thread.
    """
    lib = library_if_checked() or await database_sync_to_async(library)()
    _, index = lib.in_language(lang)
    hits = index.search(question, k=TOP_K, patient_codes=ctx.patient_codes)
    return [
        Passage(
            n=i,
            slug=h.slug,
            title=h.title,
            section=h.section,
            text=h.text,
            score=h.score,
            lang=lang,
        )
        for i, h in enumerate(hits, start=1)
    ]
