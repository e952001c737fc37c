"""CV files: text from PDF and DOCX; other types, oversized and corrupt files get a message."""

from __future__ import annotations

import io

import docx
import pytest

from lloradar.sources.cv_document import MAX_BYTES, CvDocumentError, cv_text


def pdf_with_text(lines: list[str]) -> bytes:
    """A small, valid one-page PDF (Helvetica text), written by hand with a correct xref."""
    content = (
        "BT /F1 12 Tf 72 720 Td 14 TL "
        + " ".join("(" + line.replace("(", r"\(").replace(")", r"\)") + ") '" for line in lines)
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def docx_with_text(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Rijbewijs"
    table.rows[0].cells[1].text = "B"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_text_comes_out_of_a_pdf() -> None:
    text = cv_text("cv.pdf", pdf_with_text(["Ervaring: lassen van metaal", "Heftruck rijden"]))
    assert text.splitlines() == ["Ervaring: lassen van metaal", "Heftruck rijden"]


def test_text_comes_out_of_a_docx_with_its_tables() -> None:
    text = cv_text("CV.DOCX", docx_with_text(["Verpleegkundige", "", "Wondzorg"]))
    assert text.splitlines() == ["Verpleegkundige", "Wondzorg", "Rijbewijs B"]


@pytest.mark.parametrize("name", ["cv.txt", "setup.exe", "cv"])
def test_other_types_are_rejected_with_a_message(name: str) -> None:
    with pytest.raises(CvDocumentError, match=r"not accepted; upload a \.pdf \(PDF\) or \.docx"):
        cv_text(name, b"MZ\x90\x00 plain bytes")


def test_a_20_mb_file_is_rejected_with_the_limit() -> None:
    with pytest.raises(CvDocumentError, match=r"cv\.pdf is 20\.0 MB; the limit is 5 MB"):
        cv_text("cv.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024))
    assert MAX_BYTES == 5 * 1024 * 1024


def test_a_corrupt_pdf_and_a_renamed_file_are_named_as_damaged() -> None:
    broken = pdf_with_text(["hallo"])[:60]
    with pytest.raises(CvDocumentError, match=r"cv\.pdf cannot be read as a PDF file"):
        cv_text("cv.pdf", broken)
    with pytest.raises(CvDocumentError, match=r"not a zip package"):
        cv_text("cv.docx", b"%PDF-1.4 really a pdf")
    with pytest.raises(CvDocumentError, match="does not start with %PDF-"):
        cv_text("cv.pdf", b"PK\x03\x04 a zip")


def test_a_pdf_without_text_says_so() -> None:
    with pytest.raises(CvDocumentError, match="holds no text"):
        cv_text("scan.pdf", pdf_with_text([]))
