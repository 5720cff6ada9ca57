#!/usr/bin/env python3
"""Precision and recall of the Finnish-aware linker over tests/linking/eval_set.yaml.

Prints both figures, every miss and every false hit, and exits 1 if either is below its goal,
so a change to the endings or stem rules that trades recall for precision (or back) is seen.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from muistio.linking import Matcher, Term, link_markdown  # noqa: E402

EVAL_SET = ROOT / "tests" / "linking" / "eval_set.yaml"
PRECISION_GOAL = 0.95
RECALL_GOAL = 0.97


@dataclass
class Result:
    true_hits: int = 0
    false_hits: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    labelled: int = 0
    traps: int = 0

    @property
    def precision(self) -> float:
        found = self.true_hits + len(self.false_hits)
        return self.true_hits / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.true_hits / self.labelled if self.labelled else 1.0


def load(path: Path = EVAL_SET) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def terms_of(data: dict[str, Any]) -> list[Term]:
    """The entities' names as the site makes them (`crosslink.Entities`): a person's first name,
    as an alias of its own, is a given name."""
    return [
        Term(
            name,
            entity["key"],
            common_word=bool(entity.get("common_word", False)),
            match_lowercase=bool(entity.get("match_lowercase", False)),
            given_name=entity["key"].startswith("person:") and name == entity["names"][0].split()[0],
        )
        for entity in data["entities"]
        for name in entity["names"]
    ]


def _resolver(data: dict[str, Any]) -> dict[str, str]:
    """Wikilink target -> key, by name, alias or slug (the part of the key after ':')."""
    table: dict[str, str] = {}
    for entity in data["entities"]:
        table[entity["key"].split(":", 1)[1]] = entity["key"]
        for name in entity["names"]:
            table[name.lower()] = entity["key"]
    return table


def evaluate(data: dict[str, Any]) -> Result:
    matcher = Matcher(terms_of(data))
    targets = _resolver(data)
    result = Result()
    for number, case in enumerate(data["cases"], 1):
        label = case.get("id", f"case {number}")
        text = case["text"]
        if case.get("markdown"):
            linked = link_markdown(text, matcher, lambda key: f"/{key}.md", lambda t: targets.get(t.strip().lower()))
            found = Counter((m.surface, m.key) for m in linked.mentions)
        else:
            found = Counter((m.surface, m.key) for m in matcher.find(text))
        wanted = Counter((surface, key) for surface, key in case.get("mentions") or [])
        result.labelled += sum(wanted.values())
        result.traps += len(case.get("traps") or [])
        result.true_hits += sum((found & wanted).values())
        for (surface, key), count in (found - wanted).items():
            result.false_hits += [f"{label}: {surface!r} -> {key}"] * count
        known = set(case.get("known_miss") or [])
        for (surface, key), count in (wanted - found).items():
            note = " (known limitation)" if surface in known else ""
            result.misses += [f"{label}: {surface!r} -> {key}{note}"] * count
    return result


def main() -> int:
    result = evaluate(load())
    print(f"labelled mentions: {result.labelled}, look-alike traps: {result.traps}")
    print(f"precision: {result.precision:.3f} (goal {PRECISION_GOAL})")
    print(f"recall:    {result.recall:.3f} (goal {RECALL_GOAL})")
    for miss in result.misses:
        print(f"  miss:      {miss}")
    for hit in result.false_hits:
        print(f"  false hit: {hit}")
    ok = result.precision >= PRECISION_GOAL and result.recall >= RECALL_GOAL
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
