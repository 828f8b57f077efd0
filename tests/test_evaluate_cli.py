"""The eval commands answer bad input with one line and exit code 2, never a traceback."""

import typer
from typer.testing import CliRunner

from eventcoder.evaluate.cli import register


def make_app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_register_adds_one_command_per_gold_set():
    names = {c.name for c in make_app().registered_commands}
    assert names == {"case2021", "plover", "synthetic", "articles", "geo"}


def test_a_file_that_is_not_case2021_is_a_one_line_error(tmp_path):
    bad = tmp_path / "notes.tsv"
    bad.write_text("name\tvalue\nfoo\t1\n", encoding="utf-8")
    result = CliRunner().invoke(make_app(), ["case2021", str(bad)])
    assert result.exit_code == 2
    assert "not a CASE 2021 task 2 file" in result.output
    assert "Traceback" not in result.output


def test_broken_plover_json_is_a_one_line_error(tmp_path):
    bad = tmp_path / "gsr.json"
    bad.write_text("[{not json", encoding="utf-8")
    result = CliRunner().invoke(make_app(), ["plover", str(bad)])
    assert result.exit_code == 2
    assert str(bad.name) in result.output
