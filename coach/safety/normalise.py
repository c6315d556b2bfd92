"""Turn raw chat text into one canonical form, so spelling, casing and emoji can't hide meaning."""
from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "`": "'",
                         "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"})
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_LEET_WORD = re.compile(r"\b(?=\w*[a-z])(?=\w*[0-9@$])[\w@$]+\b")
_RUNS = re.compile(r"([a-z])\1+")

# Whole-word rewrites applied after contractions are split. Keys are already run-squeezed.
_WORDS = {
    "kms": "kil myself", "kmsl": "kil myself", "unalive": "kil", "unaliving": "kiling",
    "sewerslide": "suicide", "sucide": "suicide", "suicde": "suicide", "suicid": "suicide",
    "suiside": "suicide", "sucidal": "suicidal", "suicdal": "suicidal", "suicidle": "suicidal",
    "suisidal": "suicidal", "myslef": "myself", "meself": "myself", "wana": "want to",
    "gona": "going to", "gota": "got to", "ima": "i am going to", "imma": "i am going to",
    "im": "i am", "ive": "i have", "id": "i would", "dont": "do not",
    "cant": "can not", "cannot": "can not", "wont": "wil not", "didnt": "did not",
    "isnt": "is not", "wouldnt": "would not", "u": "you", "ur": "your", "r": "are",
    "cuz": "because", "bc": "because", "rn": "right now", "tbh": "to be honest",
    "anymore": "any more", "nobody": "no one", "noone": "no one",
}
_CONTRACTIONS = [
    (re.compile(r"\bcan't\b"), "can not"), (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"n't\b"), " not"), (re.compile(r"'m\b"), " am"), (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"), (re.compile(r"'ll\b"), " will"), (re.compile(r"'d\b"), " would"),
    (re.compile(r"'s\b"), " s"),
]
_NON_WORD = re.compile(r"[^a-z' ]+")
_SPACES = re.compile(r"\s+")
_PHRASES = [(re.compile(r"\bsewer slide\b"), "suicide"), (re.compile(r"\bmy self\b"), "myself"),
            (re.compile(r"\bself harm"), "selfharm"), (re.compile(r"\bk y s\b"), "kys"),
            (re.compile(r"\bk m s\b"), "kil myself")]


def squeeze(text: str) -> str:
    """Collapse runs of a repeated letter to one ('killlll' and 'kill' both become 'kil')."""
    return _RUNS.sub(r"\1", text)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """Lower-case, straight quotes, no accents, no leetspeak, contractions and slang expanded."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text or ""))
    text = strip_accents(text.translate(_QUOTES)).casefold()
    text = _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = _SPACES.sub(" ", _NON_WORD.sub(" ", text.replace("'", ""))).strip()
    text = squeeze(text)
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return " ".join(_WORDS.get(word, word) for word in text.split(" "))
