"""Derives the Extraction service's word lists from the Groningen Meaning Bank NER sample.

Run once from the repository root:  python3 services/Extraction/Lexicons/derive_lexicons.py
It reads ../shared/corpus/ner/gmb-partial.csv (public domain text) and writes counts, never
sentences. Only the development split is used (sentence number mod 5 != 0); sentences with
number mod 5 == 0 are the held-out test split that EntityRecognizerCorpusTests scores.
"""
import collections
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "..", "..", "shared", "corpus", "ner", "gmb-partial.csv")
CLASSES = ["per", "org", "geo", "gpe", "misc", "o"]


def label(tag):
    if tag == "O":
        return "o"
    kind = tag[2:]
    if kind in ("per", "org", "geo", "gpe"):
        return kind
    # Times are not named entities here; artefacts, events and natural phenomena are "other".
    return "o" if kind == "tim" else "misc"


def sentences():
    current = None
    with open(CORPUS, encoding="latin-1") as handle:
        reader = csv.reader(handle)
        next(reader)
        for number, word, _pos, tag in reader:
            if number:
                if current:
                    yield current
                current = (int(number.split(":")[1]), [])
            current[1].append((word, tag))
    if current:
        yield current


def capitalised(word):
    return word[:1].isupper()


def main():
    tokens = collections.defaultdict(collections.Counter)
    before = collections.defaultdict(collections.Counter)
    suffixes = collections.defaultdict(collections.Counter)
    lower_forms = collections.Counter()
    person_starts = collections.Counter()
    connector_heads = collections.Counter()
    for number, words in sentences():
        if number % 5 == 0:
            continue
        for index, (word, tag) in enumerate(words):
            if not capitalised(word):
                lower_forms[word.lower()] += 1
                if tag.startswith("I-") and word in ("of", "for", "in") and label(tag) in ("org", "geo"):
                    connector_heads[words[index - 1][0]] += 1
                continue
            kind = label(tag)
            tokens[word.lower()][kind] += 1
            if len(word) > 3 and kind != "o":
                suffixes[word.lower()[-3:]][kind] += 1
            if tag.startswith("B-") or kind == "o":
                previous = words[index - 1][0].lower() if index > 0 else "<s>"
                before[previous][kind] += 1
            multi = index + 1 < len(words) and words[index + 1][1] == "I-per"
            if tag == "B-per" and multi:
                person_starts[word] += 1

    def write(name, table, minimum):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
            out.write("# key\t" + "\t".join(CLASSES) + "  (counts from GMB dev split; see derive_lexicons.py)\n")
            for key in sorted(table):
                counts = table[key]
                if sum(counts.values()) >= minimum:
                    out.write(key + "\t" + "\t".join(str(counts[c]) for c in CLASSES) + "\n")

    write("token-types.tsv", tokens, 2)
    write("context-before.tsv", before, 8)
    write("suffix-types.tsv", suffixes, 5)
    # A title opens person names and also occurs in lower case ("the president said").
    with open(os.path.join(HERE, "person-titles.txt"), "w", encoding="utf-8") as out:
        out.write("# words that open person names and occur in lower case (GMB dev split)\n")
        for word, count in sorted(person_starts.items()):
            if count >= 3 and lower_forms[word.lower()] >= 3:
                out.write(word + "\n")
    # Heads that take an "of"/"for"/"in" complement inside one name ("Ministry of", "Gulf of").
    with open(os.path.join(HERE, "connector-heads.txt"), "w", encoding="utf-8") as out:
        out.write("# words followed by of/for/in inside organisation or place names (GMB dev split)\n")
        for word, count in sorted(connector_heads.items()):
            if capitalised(word) and count >= 2:
                out.write(word + "\n")


if __name__ == "__main__":
    main()
