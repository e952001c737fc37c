"""Factsheet output: charts as SVG through vl-convert and the page as PDF through WeasyPrint."""

from __future__ import annotations

import json
from typing import Any


def chart_svg(spec: dict[str, Any]) -> str:
    import vl_convert

    fixed = {**spec, "width": 460}  # no container to size against on paper
    return str(vl_convert.vegalite_to_svg(json.dumps(fixed)))


def html_to_pdf(html: str, title: str) -> bytes:
    from weasyprint import HTML

    document = HTML(string=html).render()
    document.metadata.title = title
    return bytes(document.write_pdf())
