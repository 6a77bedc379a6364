"""What the memory computes from a text: its hash (exact matches), its keys (the fuzzy lookup's
index) and the score of a match (rapidfuzz).

The keys are a bottom-k MinHash sketch: the ``KEYS_PER_TEXT`` smallest 64-bit hashes of the
text's shingles (word pairs; in a short text its words and their character trigrams too). Two
texts share about as many keys as they share shingles, so a sentence and its one-word edit
share most of theirs, and unrelated sentences almost none. The language pair's hash is mixed
into every key, so a key names a shingle of one pair only."""

import functools
import hashlib
import heapq
import re

from rapidfuzz import fuzz

#: Keys per text: enough that a one-word edit of a long sentence still shares most of them,
#: few enough that the index stays a dozen rows an entry.
KEYS_PER_TEXT = 12
#: Below this many words a text is also keyed by its words and their character trigrams: a
#: short name has few word pairs, and its one changed letter ("Save", "Saved") leaves most
#: trigrams as they were.
SHORT_TEXT_WORDS = 8
#: A key more entries have than this is frequent (``MemoryFrequentKey``): the lookup skips it,
#: so a sentence reads at most ``KEYS_PER_TEXT`` × this many index rows.
FREQUENT_KEY = 1000
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")


def source_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def words(text):
    """The words of ``text``, markup left out, lower case, in order."""
    return _WORD.findall(_TAG.sub(" ", text).lower())


def shingles(text):
    """What a text is compared by: its word pairs; when it is short, its words and their
    character trigrams too (marked ``#``, which no word holds)."""
    found = words(text)
    pieces = {f"{first} {second}" for first, second in zip(found, found[1:], strict=False)}
    if len(found) < SHORT_TEXT_WORDS:
        pieces.update(found)
        for word in found:
            padded = f" {word} "
            pieces.update(f"#{padded[i : i + 3]}" for i in range(len(padded) - 2))
    return pieces


def keys(text, source_language, target_language):
    """The text's sketch in that language pair: at most ``KEYS_PER_TEXT`` signed 64-bit keys
    (a bigint column), the smallest of its shingles' hashes mixed with the pair's; none for a
    text without words."""
    pair = _hash(f"{source_language}>{target_language}")
    return heapq.nsmallest(KEYS_PER_TEXT, (value ^ pair for value in _shingle_hashes(text)))


@functools.lru_cache(maxsize=4096)
def _shingle_hashes(text):
    """Kept a while: a source is indexed once per target language, one after the other."""
    return tuple({_hash(piece) for piece in shingles(text)})


def _hash(piece):
    """A signed 64-bit hash, the same in every process (``hash()`` is not)."""
    digest = hashlib.blake2b(piece.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def score(query, candidate):
    """0-100: 100 only for the same text; otherwise rapidfuzz's normalised Indel similarity
    (``fuzz.ratio``), at most 99, so a translator can tell an exact match from a near one."""
    if query == candidate:
        return 100
    return min(99, int(fuzz.ratio(query, candidate)))
