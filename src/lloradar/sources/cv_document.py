"""The text of an uploaded CV: PDF (pypdf) or Word DOCX (python-docx); nothing else.

Pure: bytes in, text out. The size limit is checked before any parsing, the type by both the
file name and the first bytes, so a renamed file is caught too.
"""

from __future__ import annotations

import io
import logging
import warnings
import zipfile

MAX_BYTES = 5 * 1024 * 1024
# A DOCX is a zip: 5 MB of it can unpack to gigabytes (a zip bomb). Its parts together may
# unpack to at most this much before python-docx reads them into memory.
MAX_UNPACKED = 50 * 1024 * 1024
# Only the first pages of a PDF are read: a CV is read up to 20,000 characters anyway, and 5 MB
# of PDF can hold tens of thousands of empty pages, each costing text extraction time.
MAX_PAGES = 40
ACCEPTED = ".pdf (PDF) or .docx (Word)"


class CvDocumentError(ValueError):
    """A CV file that cannot be read, with a message naming the file and what was expected."""


def check_size(filename: str, size: int) -> None:
    if size > MAX_BYTES:
        raise CvDocumentError(
            f"{filename} is {size / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB. / {filename} is te groot: "
            f"de grens is {MAX_BYTES // 1024 // 1024} MB."
        )


def cv_text(filename: str, data: bytes) -> str:
    """The plain text of a CV file; `CvDocumentError` for another type, a file over the limit,
    a corrupt file or a file without text."""
    check_size(filename, len(data))
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if suffix == "pdf":
        text = _pdf_text(filename, data)
    elif suffix == "docx":
        text = _docx_text(filename, data)
    else:
        raise CvDocumentError(
            f"{filename}: this file type is not accepted; upload a {ACCEPTED} file. / "
            f"Dit bestandstype wordt niet geaccepteerd; kies een PDF- of Word-bestand (.docx)."
        )
    text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    if not text:
        raise CvDocumentError(
            f"{filename} holds no text that can be read (a scanned image?); paste the text "
            "instead. / Er staat geen leesbare tekst in; plak de tekst in het tekstvak."
        )
    return text


def _pdf_text(filename: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.startswith(b"%PDF-"):
        raise _corrupt(filename, "PDF", "it does not start with %PDF-")
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)  # the reason goes into our own message instead
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf warns about repairable flaws; text is enough
            reader = PdfReader(io.BytesIO(data))
            pages = reader.pages[:MAX_PAGES]
            return "\n".join(page.extract_text() or "" for page in pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise _corrupt(filename, "PDF", str(exc).splitlines()[0] if str(exc) else "") from None
    finally:
        log.setLevel(level)


def _docx_text(filename: str, data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _corrupt(filename, "Word (.docx)", "it is not a zip package")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _corrupt(filename, "Word (.docx)", str(exc)) from None
    if unpacked > MAX_UNPACKED:
        raise CvDocumentError(
            f"{filename} unpacks to {unpacked / 1024 / 1024:.0f} MB; the limit is "
            f"{MAX_UNPACKED // 1024 // 1024} MB unpacked. / {filename} is uitgepakt te groot: "
            f"de grens is {MAX_UNPACKED // 1024 // 1024} MB."
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise _corrupt(filename, "Word (.docx)", str(exc)) from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _corrupt(filename: str, kind: str, reason: str) -> CvDocumentError:
    detail = f" ({reason})" if reason else ""
    return CvDocumentError(
        f"{filename} cannot be read as a {kind} file{detail}; it may be damaged. / "
        f"{filename} is beschadigd of geen echt {kind}-bestand."
    )
