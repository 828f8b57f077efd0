"""Caps that keep one hostile or mistaken input from exhausting memory."""

MAX_FILE_BYTES = 20 * 1024 * 1024  # a plain/HTML article file
MAX_JSONL_BYTES = 2 * 1024 * 1024 * 1024  # a JSONL corpus is streamed, line by line
MAX_LINE_BYTES = 5 * 1024 * 1024  # one JSONL record
MAX_TEXT_CHARS = 1_000_000  # one article's text after extraction
