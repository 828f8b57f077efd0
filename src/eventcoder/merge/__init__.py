"""Cross-article deduplication: many outlets' reports of one event become one record."""

from eventcoder.merge.canonical import build_merged
from eventcoder.merge.cluster import assign, cluster_records, event_uid, merge_reports
from eventcoder.merge.model import MergedEvent
from eventcoder.merge.records import MentionRecord, records_from_report
from eventcoder.merge.score import score_pair

__all__ = [
    "MentionRecord",
    "MergedEvent",
    "assign",
    "build_merged",
    "event_uid",
    "cluster_records",
    "merge_reports",
    "records_from_report",
    "score_pair",
]
