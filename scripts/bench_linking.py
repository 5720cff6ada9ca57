#!/usr/bin/env python3
"""How long linking takes compared with the unavoidable cost of reading the memos.

Generates 5,000 synthetic memos mentioning 500 companies (a few thousand names with aliases,
former names and people) in a temporary folder, with a fixed seed, then times

* the floor: reading every file and ``yaml.safe_load`` of its front matter, which any build does;
* linking: building the Matcher once, then ``link_markdown`` on every memo body.

and prints linking time as a ratio to the floor. The ratio, not seconds, is what stays
comparable between a laptop and CI.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from muistio.linking import Matcher, Term, link_markdown  # noqa: E402

SYLLABLES = "ka le va pu ri to mi na sa lo hi ja ne vi ku ta ro ma si te pe ak ti ol us".split()
FIRST_NAMES = "Petri Anna Mikko Laura Jukka Sari Timo Liisa Kari Heidi Ville Outi Antti Maija".split()
SURNAME_ENDS = ("nen", "la", "lä", "o", "mäki", "niemi", "vaara")
COMPANY_ENDS = ("", "", " Oy", " Group", " Media", " Yhtiöt", " Palvelut")
ENDINGS = ("", "n", "ssa", "sta", "lle", "lla", "n kanssa", "a")
FILLER = (
    "keskusteltiin yhteistyöstä ja sovittiin että asiaan palataan seuraavassa tapaamisessa "
    "kun budjetti on selvillä projektissa on mukana useita opiskelijoita ja yrityksiä "
    "markkinointi viestintä rekrytointi aikataulu kevään syksyn tavoitteet yhteinen "
    "koneen sanomalehti valiokunta yleinen tarjous sopimus kumppanuus"
).split()


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def make_entities(rng: random.Random, companies: int) -> list[Term]:
    terms: list[Term] = []
    seen: set[str] = set()
    for number in range(companies):
        name = _word(rng, rng.randint(2, 4)).capitalize() + rng.choice(COMPANY_ENDS)
        if name in seen:
            name = f"{name} {number}"
        seen.add(name)
        key = f"company:c{number}"
        terms.append(Term(name, key, common_word=rng.random() < 0.05))
        terms.append(Term("".join(part[0] for part in name.split()).upper() + "K", key))
        if rng.random() < 0.3:
            terms.append(Term(_word(rng, 3).capitalize(), key))  # former name
        for person in range(3):
            first = rng.choice(FIRST_NAMES)
            last = _word(rng, 2).capitalize() + rng.choice(SURNAME_ENDS)
            terms.append(Term(f"{first} {last}", f"person:p{number}-{person}"))
            terms.append(Term(last, f"person:p{number}-{person}"))
    return terms


def _mention(rng: random.Random, term: Term) -> str:
    text = term.text
    if text.isupper():
        return text + rng.choice(("", ":n", ":ssa", ":lle"))
    return text + rng.choice(ENDINGS)


def make_memo(rng: random.Random, number: int, terms: list[Term]) -> str:
    picked = rng.sample(terms, 12)
    front = {
        "title": f"Tapaaminen {number}",
        "date": f"2012-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "companies": sorted({t.key.split(":")[1] for t in picked if t.key.startswith("company")}),
        "participants": [t.text for t in picked[:3]],
        "tags": ["muistio", rng.choice(["myynti", "rekry", "opetus"])],
    }
    lines = [f"# {front['title']}", ""]
    for paragraph in range(6):
        words = [rng.choice(FILLER) for _ in range(45)]
        for _ in range(2):
            words.insert(rng.randrange(len(words)), _mention(rng, rng.choice(picked)))
        sentence = " ".join(words)
        sentence = sentence[0].upper() + sentence[1:] + "."
        if paragraph == 2:
            sentence += f" Katso `koodi` ja [linkki](https://example.com/{number})."
        lines += [sentence, ""]
    lines += [f"- [ ] @p{number} Tarkastelee {_mention(rng, picked[0])} (due 2012-06-15)", ""]
    body = "\n".join(lines)
    return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n" + body


def split_front_matter(text: str) -> tuple[str, str]:
    _, front, body = text.split("---\n", 2)
    return front, body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memos", type=int, default=5000)
    parser.add_argument("--companies", type=int, default=500)
    parser.add_argument("--seed", type=int, default=20120516)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    terms = make_entities(rng, args.companies)
    with tempfile.TemporaryDirectory(prefix="muistio-bench-") as tmp:
        folder = Path(tmp)
        for number in range(args.memos):
            path = folder / f"memo-{number:05d}.md"
            path.write_text(make_memo(rng, number, terms), encoding="utf-8")
        paths = sorted(folder.glob("*.md"))

        started = time.perf_counter()
        bodies: list[str] = []
        for path in paths:
            front, body = split_front_matter(path.read_text(encoding="utf-8"))
            yaml.safe_load(front)
            bodies.append(body)
        floor = time.perf_counter() - started

        started = time.perf_counter()
        matcher = Matcher(terms)
        built = time.perf_counter() - started
        mentions = linked = 0
        for body in bodies:
            result = link_markdown(body, matcher, lambda key: f"../{key}.md", lambda t: None)
            mentions += len(result.mentions)
            linked += sum(m.linked for m in result.mentions)
        linking = time.perf_counter() - started

    print(f"{len(paths)} memos, {args.companies} companies, {len(terms)} names")
    print(f"read + parse front matter: {floor:.2f} s")
    print(f"link (Matcher build {built:.2f} s): {linking:.2f} s; {mentions} mentions, {linked} linked")
    print(f"ratio link / read+parse: {linking / floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
