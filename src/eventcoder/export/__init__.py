"""Writers for reports and events: JSON, JSONL, a table for people, ACLED CSV, GeoJSON."""
