#!/usr/bin/env python3
"""Makes text with deleted spaces, for training and testing txfix's join
scorer, from clean English text that is not txfix's development sample:
the main_content of WCXB dev pages and the sentences of UD English-EWT
train (../shared/data), each page or EWT document one document, and the
glosses and examples of WordNet (Debian wordnet-base), 200 synsets a
document.

usage: joined.py SHARED --train
       joined.py SHARED (--test | --check) DIR

A document belongs to the held-out slice when crc32 of its id % 5 == 0, to
the validation documents when it is 1, else to the training documents.
--train writes training and validation documents (the latter's ids begin
"val/": build/mkjoin sets its threshold on them), --test the held-out
slice, --check the validation documents in the form of --test.

--train writes, a line of a document a line, `doc TAB corrupted TAB
original`, RUNS times over with different seeds, the last time each line a
document of its own (as txfix -z and --jsonl see short texts); each space
between two letters is deleted with probability 0.05.  build/mkjoin reads
it.

--test and --check write DIR/joined.tsv (`corrupted TAB original`, 1-3 spaces deleted a
line: between letters 84%, after punctuation before a letter 10%, others
6%, the mix of ../shared/data/spacing) and DIR/clean.txt (2,000 lines left
whole), the files ../shared/scorers/score_spacing.py reads.  Deterministic."""
import json
import random
import sys
import zlib

MAXLINE = 400
RUNS = 4


def lines_of(paragraph):
    """The paragraph in lines of at most MAXLINE characters, cut after a
    sentence's end where one is near, else at a space."""
    paragraph = ' '.join(paragraph.split())
    out = []
    while len(paragraph) > MAXLINE:
        cut = max(paragraph.rfind('. ', 0, MAXLINE), paragraph.rfind('? ', 0, MAXLINE))
        if cut < MAXLINE // 3:
            cut = paragraph.rfind(' ', 0, MAXLINE)
        if cut <= 0:
            break
        out.append(paragraph[:cut + 1].rstrip())
        paragraph = paragraph[cut + 1:].lstrip()
    out.append(paragraph)
    return [line for line in out if 20 <= len(line) <= MAXLINE]


def documents(shared):
    with open(shared + '/data/boilerplate/wcxb-dev/ground-truth.jsonl',
              encoding='utf-8') as f:
        pages = sorted((json.loads(line) for line in f), key=lambda r: r['id'])
    for page in pages:
        text = page.get('main_content') or ''
        lines = [l for p in text.split('\n') for l in lines_of(p)]
        if lines:
            yield 'wcxb-' + page['id'], lines
    doc, sents = None, []
    with open(shared + '/data/ner/uner_en_ewt/en_ewt-ud-train.iob2',
              encoding='utf-8') as f:
        for line in f:
            if line.startswith('# newdoc id = '):
                if doc is not None and sents:
                    yield doc, lines_of(' '.join(sents))
                doc, sents = 'ewt-' + line[14:].strip(), []
            elif line.startswith('# text = '):
                sents.append(line[9:].strip())
    if doc is not None and sents:
        yield doc, lines_of(' '.join(sents))
    for pos in ('noun', 'verb', 'adj', 'adv'):
        try:
            f = open('/usr/share/wordnet/data.' + pos, encoding='latin-1')
        except OSError:
            continue
        with f:
            glosses = [line.split(' | ', 1)[1].strip() for line in f
                       if not line.startswith(' ') and ' | ' in line]
        for k in range(0, len(glosses), 200):
            text = []
            for g in glosses[k:k + 200]:
                for piece in g.split('; '):
                    piece = piece.strip().strip('"').strip()
                    if piece:
                        text.append(piece[0].upper() + piece[1:] +
                                    ('' if piece[-1] in '.!?' else '.'))
            yield 'wn-%s-%d' % (pos, k // 200), lines_of(' '.join(text))


def part(doc):
    """'test', 'val' or 'train'."""
    return ('test', 'val', 'train', 'train', 'train')[zlib.crc32(doc.encode()) % 5]


def kind(line, i):
    """What the space at line[i] separates: 'letter', 'punct' or 'other'."""
    a, b = line[i - 1], line[i + 1]
    if a.isalpha() and b.isalpha():
        return 'letter'
    if b.isalpha() and not a.isalnum() and a not in '"\'([{':
        return 'punct'
    return 'other'


def spaces(line):
    return [i for i in range(1, len(line) - 1)
            if line[i] == ' ' and line[i - 1] != ' ' and line[i + 1] != ' ']


def delete(line, cut):
    return ''.join(c for i, c in enumerate(line) if i not in cut)


def train(shared):
    out = sys.stdout
    docs = [('val/' + d if part(d) == 'val' else d, ls)
            for d, ls in documents(shared) if part(d) != 'test']
    for run in range(RUNS):
        rng = random.Random(20261203 + run)
        for doc, lines in docs:
            for n, line in enumerate(lines):
                cut = {i for i in spaces(line)
                       if kind(line, i) == 'letter' and rng.random() < 0.05}
                name = '%s#%d' % (doc, run) + ('.%d' % n if run == RUNS - 1 else '')
                out.write('%s\t%s\t%s\n' % (name, delete(line, cut), line))


def test(shared, outdir, which):
    rng = random.Random(20261204)
    mix = (('letter', 0.84), ('punct', 0.10), ('other', 0.06))
    joined, clean = [], []
    for doc, lines in documents(shared):
        if part(doc) != which:
            continue
        for line in lines:
            if rng.random() < 0.5:
                clean.append(line)
                continue
            by_kind = {}
            for i in spaces(line):
                by_kind.setdefault(kind(line, i), []).append(i)
            cut = set()
            for _ in range(rng.choice((1, 2, 3))):
                r, k = rng.random(), 'letter'
                for name, p in mix:
                    if r < p:
                        k = name
                        break
                    r -= p
                free = [i for i in by_kind.get(k, []) if i not in cut and
                        i - 1 not in cut and i + 1 not in cut]
                if free:
                    cut.add(rng.choice(free))
            if cut:
                joined.append((delete(line, cut), line))
    with open(outdir + '/joined.tsv', 'w', encoding='utf-8') as f:
        for c, o in joined:
            f.write(c + '\t' + o + '\n')
    with open(outdir + '/clean.txt', 'w', encoding='utf-8') as f:
        for line in clean[:2000]:
            f.write(line + '\n')


def main(argv):
    if len(argv) == 3 and argv[2] == '--train':
        train(argv[1])
    elif len(argv) == 4 and argv[2] in ('--test', '--check'):
        test(argv[1], argv[3], 'test' if argv[2] == '--test' else 'val')
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv)
