"""What the memory computes from a text: its hash (exact matches), its keys (the fuzzy lookup's
index) and the score of a match (rapidfuzz).

The keys are a bottom-k MinHash sketch: the ``KEYS_PER_TEXT`` smallest 64-bit hashes of the
text's shingles (word pairs; in a short text its words too; in a very short one its character
trigrams too). Two texts share about as many keys as they share shingles, so a sentence and its
one-word edit share most of theirs, and unrelated sentences almost none. The language pair is
hashed into every key, so a key names a shingle of one pair only."""

import hashlib
import heapq
import re

from rapidfuzz import fuzz

#: Keys per text: enough that a one-word edit of a long sentence still shares most of them,
#: few enough that the index stays a dozen rows an entry.
KEYS_PER_TEXT = 12
#: Below this many words a text is also keyed by its words (a short name has few word pairs).
SHORT_TEXT_WORDS = 8
#: Below this many words, also by its character trigrams ("Save" and "Saved").
TINY_TEXT_WORDS = 3
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
    """What a text is compared by: its word pairs, its words when it is short, its character
    trigrams when it is very short."""
    found = words(text)
    pieces = {f"{first} {second}" for first, second in zip(found, found[1:], strict=False)}
    if len(found) < SHORT_TEXT_WORDS:
        pieces.update(found)
    if len(found) < TINY_TEXT_WORDS:
        padded = f" {' '.join(found)} "
        pieces.update(f"#{padded[i : i + 3]}" for i in range(len(padded) - 2))
    return pieces


def keys(text, source_language, target_language):
    """The text's sketch in that language pair: at most ``KEYS_PER_TEXT`` signed 64-bit keys
    (a bigint column), the smallest hashes of its shingles; none for a text without words."""
    pair = f"{source_language}>{target_language}|"
    hashes = {
        int.from_bytes(
            hashlib.blake2b((pair + piece).encode("utf-8"), digest_size=8).digest(),
            "big",
            signed=True,
        )
        for piece in shingles(text)
    }
    return heapq.nsmallest(KEYS_PER_TEXT, hashes)


def score(query, candidate):
    """0-100: 100 only for the same text; otherwise rapidfuzz's normalised Indel similarity
    (``fuzz.ratio``), at most 99, so a translator can tell an exact match from a near one."""
    if query == candidate:
        return 100
    return min(99, int(fuzz.ratio(query, candidate)))
