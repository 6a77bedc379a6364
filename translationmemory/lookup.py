"""Finding a sentence's best matches in the memory: candidates from an index, scored by
rapidfuzz (``translationmemory.text.score``). Never a scan: the exact matches by their hash,
the near ones from the key index (``MemoryKey``: the entries sharing most of a sentence's
MinHash keys, frequent keys skipped), the same SQL on every database. Only the asked language
pair is read.

A batch of sentences costs two queries (the exact matches, the fuzzy candidates), whatever
the batch's size up to ``BATCH`` and the memory's; what the second reads is bounded by
16 keys × ``FREQUENT_KEY`` index rows a sentence (``translationmemory.text``)."""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from translationmemory.models import MemoryEntry, MemoryFrequentKey, MemoryKey
from translationmemory.text import keys, score, source_hash

#: Sentences looked up per pair of queries.
BATCH = 100
#: Candidates read per sentence before scoring.
CANDIDATES = 8


@dataclass(frozen=True)
class Match:
    score: int  # 0-100, 100 for the same source text
    source: str  # the source text the memory holds
    translation: str
    origin: str  # where the pair came from (a content context, "catalogue:django")


def min_score():
    return settings.TRANSLATION_MEMORY_MIN_SCORE


def best_matches(sources, source_language, target_language, *, limit=1, threshold=None):
    """``{source: [Match, …]}`` for each of ``sources`` that has a match scoring at least
    ``threshold`` (the setting by default), the best first, at most ``limit`` each; a source
    without one is left out. Ties go to the origin's name, so the answer is stable."""
    threshold = min_score() if threshold is None else threshold
    wanted = list(dict.fromkeys(text for text in sources if text and text.strip()))
    found = {}
    for start in range(0, len(wanted), BATCH):
        batch = wanted[start : start + BATCH]
        candidates = _candidates(batch, source_language, target_language)
        for text in batch:
            scored = {}
            for source, translation, origin in candidates.get(text, ()):
                match = Match(score(text, source), source, translation, origin)
                if match.score >= threshold and translation:
                    key = (source, translation)
                    if key not in scored or scored[key].origin > origin:
                        scored[key] = match
            if scored:
                ordered = sorted(scored.values(), key=lambda m: (-m.score, m.origin))
                found[text] = ordered[:limit]
    return found


def best_match(source, source_language, target_language, threshold=None):
    """The best ``Match`` of one sentence, or None."""
    matches = best_matches([source], source_language, target_language, threshold=threshold)
    return matches[source][0] if source in matches else None


def _candidates(batch, source_language, target_language):
    """``{sentence: {(source, translation, origin)}}``: the exact matches and at most
    ``CANDIDATES`` near ones per sentence."""
    found = {text: set() for text in batch}
    by_hash = {source_hash(text): text for text in batch}
    exact = MemoryEntry.objects.filter(
        source_language=source_language,
        target_language=target_language,
        source_hash__in=list(by_hash),
    ).values_list("source_hash", "source_text", "target_text", "origin")
    for digest, source, translation, origin in exact:
        found[by_hash[digest]].add((source, translation, origin))
    for position, source, translation, origin in _near_candidates(
        batch, source_language, target_language
    ):
        found[batch[position]].add((source, translation, origin))
    return found


def _near_candidates(batch, source_language, target_language):
    """Per sentence, the entries of the pair sharing most of its keys (frequent keys left
    out), ``CANDIDATES`` at most: ``[(position in batch, source, translation, origin)]``."""
    asked = [
        (position, key)
        for position, text in enumerate(batch)
        for key in keys(text, source_language, target_language)
    ]
    if not asked:
        return []
    entries = connection.ops.quote_name(MemoryEntry._meta.db_table)
    index = connection.ops.quote_name(MemoryKey._meta.db_table)
    frequent = connection.ops.quote_name(MemoryFrequentKey._meta.db_table)
    values = ", ".join(["(%s, %s)"] * len(asked))
    sql = f"""
        WITH q(position, key) AS (VALUES {values}),
        hits AS (
            SELECT q.position AS position, k.entry_id AS entry_id, COUNT(*) AS shared
            FROM q JOIN {index} k ON k.key = q.key
            WHERE NOT EXISTS (SELECT 1 FROM {frequent} f WHERE f.key = q.key)
            GROUP BY q.position, k.entry_id
        ),
        ranked AS (
            SELECT position, entry_id, ROW_NUMBER() OVER (
                PARTITION BY position ORDER BY shared DESC, entry_id
            ) AS n
            FROM hits
        )
        SELECT r.position, e.source_text, e.target_text, e.origin
        FROM ranked r JOIN {entries} e ON e.id = r.entry_id
        WHERE r.n <= %s AND e.source_language = %s AND e.target_language = %s
    """  # noqa: S608 - the table names are ours; every value is a parameter
    params = [value for pair in asked for value in pair]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, CANDIDATES, source_language, target_language])
        return cursor.fetchall()
