"""Finding a sentence's best matches in the memory: candidates from an index, scored by
rapidfuzz (``translationmemory.text.score``). Never a scan: on PostgreSQL the trigram index of
the source text (pg_trgm's ``%``, a similarity threshold and a LIMIT per sentence); elsewhere
the exact hash and the word index (``MemoryToken``). Only the asked language pair is read.

A batch of sentences costs two queries (the exact matches, the fuzzy candidates), whatever
the batch's size up to ``BATCH`` and the memory's."""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction

from translationmemory.models import MemoryEntry, MemoryToken
from translationmemory.text import score, source_hash, tokens

#: Sentences looked up per pair of queries.
BATCH = 100
#: Candidates read per sentence before scoring.
CANDIDATES = 8
#: pg_trgm's similarity (0-1) a candidate needs: below what any match worth offering has.
TRIGRAM_THRESHOLD = 0.5


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
    near = _trigram_candidates if connection.vendor == "postgresql" else _token_candidates
    for position, source, translation, origin in near(batch, source_language, target_language):
        found[batch[position]].add((source, translation, origin))
    return found


def _trigram_candidates(batch, source_language, target_language):
    """PostgreSQL: per sentence, the entries of the pair whose source is trigram-similar
    (``%``, answered by the GIN index), the most similar first, ``CANDIDATES`` at most."""
    table = connection.ops.quote_name(MemoryEntry._meta.db_table)
    sql = f"""
        SELECT q.position - 1, m.source_text, m.target_text, m.origin
        FROM unnest(%s::text[]) WITH ORDINALITY AS q(text, position)
        CROSS JOIN LATERAL (
            SELECT e.source_text, e.target_text, e.origin
            FROM {table} e
            WHERE e.source_text %% q.text
              AND e.source_language = %s AND e.target_language = %s
            ORDER BY e.source_text <-> q.text
            LIMIT %s
        ) m
    """  # noqa: S608 - the table name is ours; every value is a parameter
    with transaction.atomic(), connection.cursor() as cursor:
        # The threshold of "%", for this transaction only.
        cursor.execute(
            "SELECT set_config('pg_trgm.similarity_threshold', %s, true)",
            [str(TRIGRAM_THRESHOLD)],
        )
        cursor.execute(sql, [list(batch), source_language, target_language, CANDIDATES])
        return cursor.fetchall()


def _token_candidates(batch, source_language, target_language):
    """Elsewhere (SQLite): per sentence, the entries of the pair that share most of its index
    words (``MemoryToken``), ``CANDIDATES`` at most."""
    asked = [(position, token) for position, text in enumerate(batch) for token in tokens(text)]
    if not asked:
        return []
    entries = connection.ops.quote_name(MemoryEntry._meta.db_table)
    words = connection.ops.quote_name(MemoryToken._meta.db_table)
    values = ", ".join(["(%s, %s)"] * len(asked))
    sql = f"""
        WITH q(position, token) AS (VALUES {values}),
        hits AS (
            SELECT q.position AS position, t.entry_id AS entry_id, COUNT(*) AS shared
            FROM q JOIN {words} t ON t.token = q.token
            WHERE t.source_language = %s AND t.target_language = %s
            GROUP BY q.position, t.entry_id
        ),
        ranked AS (
            SELECT position, entry_id, ROW_NUMBER() OVER (
                PARTITION BY position ORDER BY shared DESC, entry_id
            ) AS n
            FROM hits
        )
        SELECT r.position, e.source_text, e.target_text, e.origin
        FROM ranked r JOIN {entries} e ON e.id = r.entry_id
        WHERE r.n <= %s
    """  # noqa: S608 - the table names are ours; every value is a parameter
    params = [value for pair in asked for value in pair]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, source_language, target_language, CANDIDATES])
        return cursor.fetchall()
