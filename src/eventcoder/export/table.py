"""A readable events table for people (rich)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from eventcoder.model import ArticleReport, Event


def _actors(event: Event, *roles: str) -> str:
    return "; ".join(a.name for a in event.actors if a.role in roles) or "—"


def _what(event: Event) -> str:
    if event.acled:
        return f"{event.acled.event_type}\n[dim]{event.acled.sub_event_type}[/dim]"
    if event.plover:
        return f"[dim](PLOVER)[/dim] {event.plover.event_type}"
    return "—"


def _where(event: Event) -> str:
    loc = event.location
    if loc is None:
        return "—"
    coords = f"{loc.lat:.3f}, {loc.lon:.3f}" if loc.lat is not None and loc.lon is not None else ""
    return f"{loc.name} ({loc.country or '?'})\n[dim]{coords} p{loc.geo_precision or '?'}[/dim]"


def _when(event: Event) -> str:
    d = event.date
    return f"{d.start or '?'}\n[dim]{d.precision}[/dim]" if d.start else "[dim]unknown[/dim]"


def _toll(event: Event) -> str:
    f = event.fatalities
    parts = []
    if f.killed is not None:
        parts.append(f"{f.killed} killed")
    if f.injured is not None:
        parts.append(f"{f.injured} injured")
    return ", ".join(parts) or "—"


def _sources(event: Event) -> str:
    return "\n".join(
        f"{s.name} [dim]({s.role}{', ' + s.channel if s.channel else ''})[/dim]"
        for s in event.sources
    ) or "—"


def report_table(report: ArticleReport) -> Table:
    table = Table(title=f"{report.article.id}  [dim]{report.article.published or ''}[/dim]",
                  show_lines=True, expand=True)
    for column in ("status", "event", "actor1", "actor2 / target", "where", "when", "toll",
                   "modality", "sources"):
        table.add_column(column, overflow="fold")
    for event in report.events:
        target = _actors(event, "actor2", "assoc_actor2")
        if event.target:
            hit = event.target.text
            target = f"{target}\n[dim]{hit}[/dim]" if target != "—" else hit
        table.add_row(event.status, _what(event), _actors(event, "actor1", "assoc_actor1"), target,
                      _where(event), _when(event), _toll(event), event.modality, _sources(event))
    return table


def output_console() -> Console:
    """A console for tables: the terminal's width, or 160 columns when piped or redirected
    (rich would otherwise squeeze every table into 80)."""
    console = Console()
    return console if console.is_terminal else Console(width=160)


def print_tables(reports: Iterable[ArticleReport], console: Console | None = None) -> None:
    console = console or output_console()
    for report in reports:
        console.print(report_table(report))
        for fig in report.figures:
            console.print(
                f"  [bold]figure[/bold] {fig.kind} {fig.qualifier or ''} {fig.value:g}"
                f" {fig.about or ''} [dim]({fig.scope})[/dim]  \u201c{fig.mention.text}\u201d"
            )
        for fr in report.framing:
            neutral = f" → {fr.neutral}" if fr.neutral else ""
            console.print(f"  [bold]framing[/bold] {fr.kind}: \u201c{fr.text}\u201d{neutral}")
        for warning in report.warnings:
            console.print(f"  [yellow]warning[/yellow] {warning}")
