"""Read CSV (and gzip) bytes into numbered rows, with errors that name the file, line and column."""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Iterator, Sequence

from lloradar.domain.errors import IngestError

csv.field_size_limit(2**31 - 1)


def gunzip(data: bytes, source: str) -> bytes:
    """`data` unpacked when it is gzip (by its magic bytes), else as it is; a truncated or damaged
    gzip file is an IngestError naming the file, not a bare EOFError."""
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        return gzip.decompress(data)
    except (EOFError, OSError, zlib.error) as error:
        raise IngestError(
            source, f"is a truncated or damaged gzip file ({error}); download it again"
        ) from None


def decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise IngestError(
            source, f"invalid UTF-8 at byte {error.start} (expected a UTF-8 text file)", line=line
        ) from None


def read_rows(
    data: bytes, source: str, required: Sequence[str], *, delimiter: str = ","
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row; the header is line 1."""
    text = decode(data, source)
    if not text.strip():
        raise IngestError(source, "the file is empty (expected a header and data rows)")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip() for name in next(reader)]
    missing = [name for name in required if name not in header]
    if missing:
        raise IngestError(
            source,
            f"missing column(s) {', '.join(map(repr, missing))}; found {', '.join(header)}",
            line=1,
        )
    start = reader.line_num + 1
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                start = reader.line_num + 1
                continue
            if len(values) != len(header):
                raise IngestError(
                    source,
                    f"{len(values)} fields where the header has {len(header)}",
                    line=start,
                )
            yield start, dict(zip(header, values, strict=True))
            start = reader.line_num + 1
    except csv.Error as error:
        raise IngestError(source, f"malformed CSV ({error})", line=reader.line_num) from None
