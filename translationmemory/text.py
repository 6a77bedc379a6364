"""What the memory computes from a text: its hash (exact matches), its index words (the fuzzy
lookup without trigrams) and the score of a match (rapidfuzz)."""

import hashlib
import re

from rapidfuzz import fuzz

#: Words an entry is indexed by (and a lookup asks for): the longest ones, which are the
#: rarest, so a lookup reads short lists; bounded, so a long static page is not thousands.
TOKENS_PER_TEXT = 24
MIN_TOKEN_LENGTH = 3
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")


def source_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def tokens(text):
    """The distinct words of ``text`` (markup left out, lower case) that index it: at most
    ``TOKENS_PER_TEXT``, the longest first, ties alphabetical, so a text and its one-word edit
    are indexed by nearly the same words."""
    words = {
        word[:64]
        for word in _WORD.findall(_TAG.sub(" ", text).lower())
        if len(word) >= MIN_TOKEN_LENGTH
    }
    return sorted(words, key=lambda word: (-len(word), word))[:TOKENS_PER_TEXT]


def score(query, candidate):
    """0-100: 100 only for the same text; otherwise rapidfuzz's normalised Indel similarity
    (``fuzz.ratio``), at most 99, so a translator can tell an exact match from a near one."""
    if query == candidate:
        return 100
    return min(99, int(fuzz.ratio(query, candidate)))
