#!/usr/bin/env python3
"""Writes the fingerprints of every run of 8 consecutive words in the source article, so that a test can prove the
site's content copies no sentence of it without the repository holding the source's text.

Usage: scripts/source-shingles.py ../shared/seed/*.txt > Tests/HelhedCoreTests/Fixtures/source-shingles.txt

Words are maximal runs of letters and digits, lower-cased; a fingerprint is the 64-bit FNV-1a hash of the 8 words
joined by single spaces (UTF-8), in hex. ContentOriginalityTests.swift computes the same.
"""
import sys

RUN = 8


def words(text):
    current, result = [], []
    for ch in text.lower():
        if ch.isalnum():
            current.append(ch)
        elif current:
            result.append("".join(current))
            current = []
    if current:
        result.append("".join(current))
    return result


def fnv1a(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


hashes = set()
for path in sys.argv[1:]:
    tokens = words(open(path, encoding="utf-8").read())
    for i in range(len(tokens) - RUN + 1):
        hashes.add(fnv1a(" ".join(tokens[i:i + RUN]).encode("utf-8")))
print("# FNV-1a 64 of every 8-word run of the source article (see scripts/source-shingles.py)")
for h in sorted(hashes):
    print(f"{h:016x}")
