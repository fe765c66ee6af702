#!/usr/bin/env python3
"""Writes txner's gazetteer to stdout: "TYPE<TAB>name" lines, lower case,
one space between words, sorted, from Debian packages:
  iso-codes  /usr/share/iso-codes/json/iso_3166-1.json (countries: name,
             common and official names), iso_3166-2.json (their subdivisions:
             states, provinces, regions, cities), LGPL-2.1+ (data: public
             domain ISO lists)
  tzdata     /usr/share/zoneinfo/zone1970.tab (the cities that name time
             zones), public domain
Names with a comma or brackets ("Korea, Republic of") are left out: text
does not say them so.  Used by `make model-ner`; see data/NOTICE."""
import json
import re
import sys

ISO = '/usr/share/iso-codes/json/'
TZ = '/usr/share/zoneinfo/zone1970.tab'
WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?", re.U)


def norm(name):
    if any(c in name for c in ',()[]'):
        return None
    words = WORD.findall(name.lower())
    if not words or len(words) > 4:
        return None
    return ' '.join(words)


def main():
    names = set()
    for r in json.load(open(ISO + 'iso_3166-1.json', encoding='utf-8'))['3166-1']:
        for k in ('name', 'common_name', 'official_name'):
            if k in r:
                names.add(norm(r[k]))
    for r in json.load(open(ISO + 'iso_3166-2.json', encoding='utf-8'))['3166-2']:
        names.add(norm(r['name']))
    for line in open(TZ, encoding='utf-8'):
        if line.startswith('#'):
            continue
        f = line.rstrip('\n').split('\t')
        if len(f) >= 3:
            city = f[2].split('/')[-1].replace('_', ' ')
            names.add(norm(city))
    names.discard(None)
    for n in sorted(names):
        sys.stdout.write('LOC\t%s\n' % n)


if __name__ == '__main__':
    main()
