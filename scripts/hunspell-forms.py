#!/usr/bin/env python3
"""Prints the word forms of a hunspell dictionary, one a line: every stem of the .dic with its suffixes (and the
suffixes those allow, one level deeper) and prefixes, prefixes and suffixes together where both allow it.

For scripts/stemmer-cases.sh. Hunspell's own `unmunch` cannot read Danish's dictionary (FLAG num: flags are
comma-separated numbers) and prints flags as words, hence this. Not a full hunspell: compounding, NEEDAFFIX and
the like are ignored; the point is many real inflected Danish words, not a spell checker's exact word set.

    python3 scripts/hunspell-forms.py /usr/share/hunspell/da_DK.dic /usr/share/hunspell/da_DK.aff
"""
import re
import sys


def flags_of(text):
    return set(text.split(",")) if text else set()


def read_affixes(path):
    """{(kind, flag): (cross_product, [(strip, add, continuation flags, condition regex)])}"""
    affixes = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            fields = line.split()
            if len(fields) < 4 or fields[0] not in ("SFX", "PFX"):
                continue
            kind, flag = fields[0], fields[1]
            if (kind, flag) not in affixes:  # the header: SFX flag Y|N count
                affixes[(kind, flag)] = (fields[2] == "Y", [])
                continue
            strip = "" if fields[2] == "0" else fields[2]
            add, _, continuation = fields[3].partition("/")
            add = "" if add == "0" else add
            condition = fields[4] if len(fields) > 4 else "."
            pattern = re.compile(condition + "$" if kind == "SFX" else "^" + condition)
            affixes[(kind, flag)][1].append((strip, add, flags_of(continuation), pattern))
    return affixes


def suffixed(word, flags, affixes):
    """(form, continuation flags, cross product) for every suffix rule of `flags` that applies to `word`."""
    for flag in flags:
        cross, rules = affixes.get(("SFX", flag), (False, []))
        for strip, add, continuation, pattern in rules:
            if pattern.search(word) and word.endswith(strip):
                yield word[:len(word) - len(strip)] + add, continuation, cross


def prefixed(word, flags, affixes, cross_only=False):
    for flag in flags:
        cross, rules = affixes.get(("PFX", flag), (False, []))
        if cross_only and not cross:
            continue
        for strip, add, _, pattern in rules:
            if pattern.search(word) and word.startswith(strip):
                yield add + word[len(strip):]


def forms(word, flags, affixes):
    yield word
    for form, continuation, cross in suffixed(word, flags, affixes):
        yield form
        for deeper, _, _ in suffixed(form, continuation, affixes):
            yield deeper
        if cross:
            yield from prefixed(form, flags, affixes, cross_only=True)
    yield from prefixed(word, flags, affixes)


def main(dic_path, aff_path):
    affixes = read_affixes(aff_path)
    seen = set()
    with open(dic_path, encoding="utf-8") as lines:
        next(lines)  # the number of stems
        for line in lines:
            entry = line.split()[0] if line.strip() else ""  # morphology fields ("st:slippe") follow a space
            word, _, flags = entry.partition("/")
            if not word:
                continue
            for form in forms(word, flags_of(flags), affixes):
                if form not in seen:
                    seen.add(form)
                    print(form)


if __name__ == "__main__":
    main(*sys.argv[1:3])
