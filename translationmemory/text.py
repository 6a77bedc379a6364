"""What the memory computes from a text: its hash (exact matches), its keys (the fuzzy lookup's
index) and the score of a match (rapidfuzz).

The keys are bottom-k MinHash sketches: the ``KEYS_PER_TEXT`` smallest 64-bit hashes of the
text's word shingles (its word pairs, and its words when it is short), and for a short text
also a few of its words' character trigrams, sketched apart so that trigrams common to many
texts do not crowd its words out. Two texts share about as many keys as they share shingles,
so a sentence and its one-word edit share most of theirs, and unrelated sentences almost none.
The language pair's hash is mixed into every key, so a key names a shingle of one pair only."""

import functools
import hashlib
import heapq
import re

from rapidfuzz import fuzz

#: Keys of a text's words: enough that a one-word edit of a long sentence still shares most of
#: them, few enough that the index stays a dozen rows an entry.
KEYS_PER_TEXT = 12
#: Below this many words a text is also keyed by its words, and by at least ``TRIGRAM_KEYS``
#: (up to ``KEYS_PER_TEXT`` in all) of its words' character trigrams: a short name has few
#: word pairs, and a changed letter or prefix ("Save", "Saved") leaves most trigrams as they
#: were. So a text has at most 16 keys.
SHORT_TEXT_WORDS = 8
TRIGRAM_KEYS = 4
#: A key more entries have than this is frequent (``MemoryFrequentKey``): the lookup skips it,
#: so a sentence reads at most 16 × this many index rows.
FREQUENT_KEY = 1000
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")


def source_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def words(text):
    """The words of ``text``, markup left out, lower case, in order."""
    return _WORD.findall(_TAG.sub(" ", text).lower())


def shingles(text):
    """What a text is compared by: ``(word shingles, trigram shingles)``. The word shingles
    are its word pairs, and its words when it is short; the trigrams (marked ``#``, which no
    word holds) those of a short text's words, none for a longer one."""
    found = words(text)
    pieces = {f"{first} {second}" for first, second in zip(found, found[1:], strict=False)}
    trigrams = set()
    if len(found) < SHORT_TEXT_WORDS:
        pieces.update(found)
        for word in found:
            padded = f" {word} "
            trigrams.update(f"#{padded[i : i + 3]}" for i in range(len(padded) - 2))
    return pieces, trigrams


def keys(text, source_language, target_language):
    """The text's keys in that language pair, signed 64-bit (a bigint column): the smallest of
    its shingles' hashes mixed with the pair's, ``KEYS_PER_TEXT`` of its word shingles and the
    trigrams' share; none for a text without words."""
    pair = _hash(f"{source_language}>{target_language}")
    by_words, by_trigrams = _shingle_hashes(text)
    found = heapq.nsmallest(KEYS_PER_TEXT, (value ^ pair for value in by_words))
    if by_trigrams:
        wanted = max(TRIGRAM_KEYS, KEYS_PER_TEXT - len(found))
        found += heapq.nsmallest(wanted, (value ^ pair for value in by_trigrams))
    return list(dict.fromkeys(found))


@functools.lru_cache(maxsize=4096)
def _shingle_hashes(text):
    """Kept a while: a source is indexed once per target language, one after the other."""
    by_words, by_trigrams = shingles(text)
    return tuple(map(_hash, by_words)), tuple(map(_hash, by_trigrams))


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
