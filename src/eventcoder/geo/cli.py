"""CLI verbs: `gazetteer build|info` (`eval geo` lives in eventcoder.evaluate.geo, beside the
readers it runs)."""

from pathlib import Path
from typing import Annotated

import typer

from eventcoder.geo.build import GazetteerBuildError, build_gazetteer
from eventcoder.geo.gazetteer import default_gazetteer_path, open_gazetteer


def register(app: typer.Typer) -> None:
    """Add the `gazetteer` group to ``app``."""
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
