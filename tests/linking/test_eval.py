"""The evaluation set's precision and recall goals cannot regress."""

from __future__ import annotations

import eval_linking


def test_eval_set_is_big_enough() -> None:
    data = eval_linking.load()
    result = eval_linking.evaluate(data)
    assert result.labelled >= 150
    assert result.traps >= 40


def test_precision_and_recall_goals() -> None:
    result = eval_linking.evaluate(eval_linking.load())
    assert result.precision >= eval_linking.PRECISION_GOAL, result.false_hits
    assert result.recall >= eval_linking.RECALL_GOAL, result.misses
