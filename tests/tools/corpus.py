#!/usr/bin/env python3
"""Builds a corpus of N documents in the three framings tx reads.

    corpus.py [-n N] SHARED OUT

OUT/docs/NNNN.txt: one file a document; OUT/corpus.z: the same documents,
each ended by a NUL; OUT/corpus.jsonl: one record a document, its text in
"text" between members the programs must not touch (nested, escaped,
numbers spelt as JSON allows).  The documents are, in turn, the scraped
pages of SHARED/data/boilerplate/wcxb-dev/text, the documents of UD
English-EWT's training sentences (SHARED/data/ner/uner_en_ewt), and the
head of a page again with CRLF line ends, a byte order mark or no final
newline.  Without SHARED, the repository's own sample texts, cut into
pieces, stand in.  The same bytes every time.
"""
import glob
import json
import os
import sys


def wcxb(shared):
    for path in sorted(glob.glob(os.path.join(
            shared, "data/boilerplate/wcxb-dev/text/*.txt"))):
        with open(path, "rb") as f:
            yield f.read()


def ewt(shared):
    path = os.path.join(shared, "data/ner/uner_en_ewt/en_ewt-ud-train.iob2")
    if not os.path.exists(path):
        return
    doc = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc") and doc:
                yield ("\n".join(doc) + "\n").encode()
                doc = []
            elif line.startswith("# text = "):
                doc.append(line[len("# text = "):].rstrip("\n"))
    if doc:
        yield ("\n".join(doc) + "\n").encode()


def own():
    texts = []
    for path in sorted(glob.glob("examples/*.txt") +
                       glob.glob("tests/cli/*/*.in")):
        with open(path, "rb") as f:
            b = f.read()
        try:
            b.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if b"\0" not in b and not b.lstrip().startswith(b"{"):
            texts.append(b)
    lines = b"".join(texts).split(b"\n")
    for i in range(0, len(lines), 7):
        yield b"\n".join(lines[i:i + 7]) + b"\n"


def variants(docs):
    """The head of each document again, with CRLF, a BOM or no final newline."""
    for i, d in enumerate(docs):
        head = b"\n".join(d.split(b"\n")[:30]).rstrip(b"\n") + b"\n"
        kind = i % 3
        if kind == 0:
            yield head.replace(b"\n", b"\r\n")
        elif kind == 1:
            yield b"\xef\xbb\xbf" + head
        else:
            yield head.rstrip(b"\n")


def main():
    args = sys.argv[1:]
    n = 1000
    if args[:1] == ["-n"]:
        n = int(args[1])
        args = args[2:]
    shared, out = args
    docs = [d for d in list(wcxb(shared)) + list(ewt(shared)) if d.strip()]
    if not docs:
        docs = [d for d in own() if d.strip()]
    base = list(docs)
    while len(docs) < n:
        docs.extend(variants(base))
    docs = docs[:n]

    os.makedirs(os.path.join(out, "docs"), exist_ok=True)
    with open(os.path.join(out, "corpus.z"), "wb") as z, \
            open(os.path.join(out, "corpus.jsonl"), "wb") as j:
        for i, d in enumerate(docs):
            with open(os.path.join(out, "docs", "%04d.txt" % i), "wb") as f:
                f.write(d)
            z.write(d + b"\0")
            text = json.dumps(d.decode("utf-8"), ensure_ascii=i % 2 == 0)
            rec = ('{"id":%d,"src":"doc\\/%04d","meta":{"n":[1,2.50,-0.0,1e3],'
                   '"o":{"k":null,"e":"caf\\u00e9 \\ud83d\\ude00"}},"text":%s,'
                   '"tail":[true,{}]}\n' % (i, i, text))
            j.write(rec.encode("utf-8"))


if __name__ == "__main__":
    main()
