"""Input readers: every bad input becomes one clear error and the rest of the batch survives."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eventcoder.ingest import InputError, read_inputs
from eventcoder.ingest.limits import MAX_FILE_BYTES
from eventcoder.model import Article


def _split(results):
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, InputError)]
    return articles, errors


def test_plain_text_file_is_one_article_with_its_path_as_id(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Gunmen attacked a checkpoint near Mosul on Monday.", encoding="utf-8")
    [article] = list(read_inputs([path], published=date(2024, 1, 3), outlet="Wire"))
    assert article.id == str(path)
    assert article.published == date(2024, 1, 3)
    assert article.outlet == "Wire"
    assert len(article.sha256) == 64


def test_jsonl_record_date_wins_and_broken_lines_are_named_by_number(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Protesters marched.", "published": "2024-06-25"}),
        "{not json",
        json.dumps({"id": "b"}),
        "",
        json.dumps({"id": "c", "text": "Police arrested ten people.", "published": "25/06/2024"}),
        json.dumps({"id": "d", "text": "Shelling hit Kharkiv.", "published": None}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = _split(list(read_inputs([path], published=date(2024, 1, 1))))
    assert [a.id for a in articles] == ["a", "d"]
    assert articles[0].published == date(2024, 6, 25)
    assert articles[1].published == date(2024, 1, 1)
    assert [(e.line, e.path) for e in errors] == [(2, str(path)), (3, str(path)), (5, str(path))]
    assert "invalid JSON" in errors[0].message()
    assert "'text'" in errors[1].message()
    assert "ISO date" in errors[2].message()
    assert all("\n" not in e.message() for e in errors)


def test_empty_binary_and_misencoded_files_are_refused_with_reasons(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Attaque à Gao, selon l'armée.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("Militants attacked Gao.", encoding="utf-8")
    articles, errors = _split(list(read_inputs([empty, binary, latin, good])))
    assert [a.id for a in articles] == [str(good)]
    reasons = {Path(e.path).name: e.reason for e in errors}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["photo.txt"]
    assert "UTF-8" in reasons["latin.txt"]


def test_utf16_with_bom_and_utf8_bom_are_read(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes("Clashes in Tripoli.".encode("utf-16"))
    b = tmp_path / "b.txt"
    b.write_bytes("\ufeffClashes in Benghazi.".encode())
    articles, errors = _split(list(read_inputs([a, b])))
    assert not errors
    assert [x.text for x in articles] == ["Clashes in Tripoli.", "Clashes in Benghazi."]


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    [error] = list(read_inputs([big]))
    assert isinstance(error, InputError)
    assert "cap" in error.reason


def test_hostile_html_yields_text_without_scripts_or_markup(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Strike on Sanaa</title><script>alert('pwned')</script></head>"
        "<body><nav>Home | World</nav><article><h1>Strike on Sanaa</h1>"
        "<p>Air strikes hit the outskirts of Sanaa on Monday, residents said, in the heaviest "
        "bombardment of the Yemeni capital in weeks.</p>"
        "<p onclick=\"steal()\">The coalition did not comment on the raids, which witnesses "
        "said struck a military camp north of the city.</p>"
        "<img src=x onerror=alert(1)></article></body></html>",
        encoding="utf-8",
    )
    [article] = list(read_inputs([page]))
    assert isinstance(article, Article)
    assert "Air strikes hit the outskirts of Sanaa" in article.text
    for bad in ("alert", "<", "steal", "onerror"):
        assert bad not in article.text


def test_missing_path_and_directory_walk(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text("Troops clashed with rebels.", encoding="utf-8")
    (tmp_path / "d" / ".hidden.txt").write_text("ignored", encoding="utf-8")
    results = list(read_inputs([tmp_path / "d", tmp_path / "nope.txt"]))
    articles, errors = _split(results)
    assert [Path(a.id).name for a in articles] == ["one.txt"]
    assert errors[0].reason == "no such file or directory"
