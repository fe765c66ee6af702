#!/usr/bin/env python3
"""Writes WCXB dev pages as JSON Lines for txstrip-train, one page a record:
{"id", "text" (the w3m rendering), "html", "main_content"}.

usage: wcxb.py DATA_DIR [--folds N --fold I (--train | --test)] [--ids]
Pages are numbered in id order; fold I holds those whose number % N == I.
--train writes the other folds, --test fold I; --ids writes ids only."""
import gzip
import json
import sys


def main(argv):
    data, folds, fold, part, ids_only = argv[1], 0, 0, None, False
    i = 2
    while i < len(argv):
        a = argv[i]
        if a == '--folds':
            folds = int(argv[i + 1]); i += 1
        elif a == '--fold':
            fold = int(argv[i + 1]); i += 1
        elif a in ('--train', '--test'):
            part = a[2:]
        elif a == '--ids':
            ids_only = True
        else:
            sys.exit('wcxb.py: unknown argument ' + a)
        i += 1
    with open(data + '/ground-truth.jsonl', encoding='utf-8') as f:
        truth = [json.loads(line) for line in f]
    truth.sort(key=lambda r: r['id'])
    out = sys.stdout
    for n, r in enumerate(truth):
        if folds and part == 'train' and n % folds == fold:
            continue
        if folds and part == 'test' and n % folds != fold:
            continue
        if ids_only:
            out.write(r['id'] + '\n')
            continue
        pid = r['id']
        with open('%s/text/%s.txt' % (data, pid), encoding='utf-8',
                  errors='surrogateescape') as f:
            text = f.read()
        with gzip.open('%s/html/%s.html.gz' % (data, pid)) as f:
            html = f.read().decode('utf-8', errors='replace')
        out.write(json.dumps({'id': pid, 'text': text, 'html': html,
                              'main_content': r['main_content']},
                             ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main(sys.argv)
