"""Feeds, Telegram exports and WARC archives become Articles through ``read_inputs``."""

from __future__ import annotations

import io
import json
from datetime import date

from eventcoder.ingest import InputError, read_inputs

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Fire at the depot</title><link>https://example.org/depot</link>
<guid>depot-1</guid><pubDate>Thu, 18 Jan 2024 09:30:00 GMT</pubDate>
<description>&lt;p&gt;A fire broke out at the fuel depot near the harbour
on Thursday.&lt;/p&gt;</description>
</item>
<item><title>Council vote</title><link>https://example.org/vote</link>
<pubDate>Fri, 19 Jan 2024 10:00:00 GMT</pubDate>
<description>The council voted to rebuild the pier.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Dispatch</title>
<entry><title>Road reopened</title><id>tag:valley,2024:7</id>
<updated>2024-02-03T08:00:00Z</updated>
<content type="html">&lt;p&gt;The mountain road reopened after three days
of snow.&lt;/p&gt;</content>
</entry></feed>"""


def _articles(results):
    return [r for r in results if not isinstance(r, InputError)]


def test_rss_items_are_articles_dated_by_the_item_with_the_feed_as_outlet(tmp_path):
    (tmp_path / "news.rss").write_text(RSS)
    items = _articles(read_inputs([tmp_path / "news.rss"]))
    assert [a.id for a in items] == ["depot-1", "https://example.org/vote"]
    first = items[0]
    assert first.text == "A fire broke out at the fuel depot near the harbour on Thursday."
    assert first.published == date(2024, 1, 18)
    assert first.outlet == "Harbour Gazette" and first.title == "Fire at the depot"
    assert first.url == "https://example.org/depot" and len(first.sha256) == 64


def test_atom_entries_use_their_html_content(tmp_path):
    (tmp_path / "valley.atom").write_text(ATOM)
    (entry,) = _articles(read_inputs([tmp_path / "valley.atom"]))
    assert entry.text == "The mountain road reopened after three days of snow."
    assert entry.published == date(2024, 2, 3) and entry.outlet == "Valley Dispatch"


def test_a_file_that_is_not_a_feed_is_one_error_line(tmp_path):
    (tmp_path / "broken.xml").write_text("this is not <xml")
    results = list(read_inputs([tmp_path / "broken.xml"]))
    assert len(results) == 1 and isinstance(results[0], InputError)
    assert "broken.xml" in results[0].message() and "\n" not in results[0].message()


def test_telegram_messages_are_dated_articles_from_the_channel(tmp_path):
    export = {
        "name": "Frontline Updates",
        "type": "public_channel",
        "id": 1234,
        "messages": [
            {"id": 1, "type": "service", "date": "2024-03-01T08:00:00", "text": ""},
            {"id": 2, "type": "message", "date": "2024-03-01T09:15:00",
             "text": ["Shelling reported in ", {"type": "bold", "text": "Avdiivka"}, " at dawn."]},
            {"id": 3, "type": "message", "date": "2024-03-02T10:00:00", "text": "",
             "photo": "photos/1.jpg"},
            {"id": 4, "type": "message", "date": "2024-03-02T11:00:00",
             "text": "Two drones were shot down overnight."},
        ],
    }  # fmt: skip
    folder = tmp_path / "ChatExport"
    folder.mkdir()
    (folder / "result.json").write_text(json.dumps(export))
    items = _articles(read_inputs([tmp_path]))
    assert [(a.id, a.published, a.outlet) for a in items] == [
        ("telegram:1234/2", date(2024, 3, 1), "Frontline Updates"),
        ("telegram:1234/4", date(2024, 3, 2), "Frontline Updates"),
    ]
    assert items[0].text == "Shelling reported in Avdiivka at dawn."


def test_warc_html_responses_become_articles_and_other_records_are_skipped(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (
        b"<html><head><title>Bridge closed</title>"
        b'<meta property="article:published_time" content="2024-04-09T07:00:00Z"></head>'
        b"<body><article><h1>Bridge closed</h1><p>Engineers closed the old river bridge on "
        b"Tuesday after inspectors found deep cracks in two of its supporting piers.</p><p>Traffic "
        b"was diverted through the northern ring road, adding half an hour to most journeys, the "
        b"city transport office said in a statement.</p></article></body></html>"
    )
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in (
            ("https://news.example.net/bridge", "text/html; charset=utf-8", page),
            ("https://news.example.net/logo.png", "image/png", b"\x89PNG...."),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                          http_headers=headers)  # fmt: skip
            )
    (article,) = _articles(read_inputs([path]))
    assert article.id == article.url == "https://news.example.net/bridge"
    assert article.outlet == "news.example.net"
    assert "deep cracks" in article.text and "<" not in article.text
    assert article.published == date(2024, 4, 9)


def test_a_truncated_warc_reports_an_error_instead_of_raising(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    results = list(read_inputs([path]))
    assert results and all(isinstance(r, InputError) for r in results)
