"""The shape of the code (../shared/DESIGN.md) beyond what the import-linter contracts check:
a feature reaches another feature only through that feature's `service`, and no module of
`src/` grows past 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "lloradar"
FEATURES = SRC / "features"
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _feature_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "features" else None


def _crossings() -> list[str]:
    """'a -> b' for every import of another feature's module that is not its service."""
    bad = []
    for path in sorted(FEATURES.rglob("*.py")):
        module = _module_name(path)
        own = _feature_of(module)
        for imported in _imports(path):
            other = _feature_of(imported)
            if other is None or other == own:
                continue
            parts = imported.split(".")
            if len(parts) == 3:  # `from lloradar.features.x import service`: checked by name
                continue
            if parts[3] != "service":
                bad.append(f"{module} -> {imported}")
    return bad


def test_features_use_each_other_only_through_their_service() -> None:
    assert _crossings() == []


@pytest.mark.parametrize(
    "path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC.parent))
)
def test_no_module_is_longer_than_400_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines: split it by job"
