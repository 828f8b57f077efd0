"""Merged events as a Parquet table: ACLED's columns with their types, plus the full record.

The ``event_json`` column keeps everything the flat columns cannot (reports, disagreements,
evidence), so nothing is lost on the way to a dataframe.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from eventcoder.export.acled_csv import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, merged_acled_row


def _schema():  # noqa: ANN202 - pyarrow is an optional extra
    import pyarrow as pa

    def kind(col: str):  # noqa: ANN202
        if col in INT_COLUMNS:
            return pa.int64()
        return pa.float64() if col in FLOAT_COLUMNS else pa.string()

    fields = [pa.field(c, kind(c)) for c in COLUMNS]
    fields += [pa.field("n_reports", pa.int64()), pa.field("event_json", pa.string())]
    return pa.schema(fields)


def write_parquet(events: Iterable, path: str | Path, timestamp: int | None = None) -> int:
    """Write merged events that ACLED would code to ``path``; returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for event in events:
        row = merged_acled_row(event, timestamp=timestamp)
        if row is not None:
            row["n_reports"] = len(event.reports)
            row["event_json"] = event.model_dump_json()
            rows.append(row)
    schema = _schema()
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, str(path))
    return len(rows)
