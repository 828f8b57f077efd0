"""Measuring eventcoder on gold sets: loaders, scorers and the ``eventcoder eval`` commands.

Loaders turn each gold format into plain dataclasses, scorers compare them with contract
``ArticleReport``s, so benchmarks and the CLI share one implementation.
"""

from eventcoder.evaluate.scorers import ClassScore, ErrorCase, EvalResult

__all__ = ["ClassScore", "ErrorCase", "EvalResult"]
