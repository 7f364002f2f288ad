"""Benchmark: import each shared seed into a fresh folder and print the time it takes.

Usage: .venv/bin/python tools/bench_import.py [SEED_DIR]   (default ../shared/seeds)
       .venv/bin/python tools/bench_import.py --realistic
       (the realistic documents of tests/import_documents.py: how many import and build)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.importer.run import import_files


def realistic() -> None:
    """Import and build each realistic test document on its own; print which fail and the count."""
    import contextlib
    import io

    from generator.errors import ContentErrors
    from generator.pipeline import build
    from tests import import_documents as docs

    imported = built = 0
    for name in docs.names():
        work = Path(tempfile.mkdtemp())
        quiet = io.StringIO()
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            outcome = import_files([docs.write(work, name)], work / "content")
        if outcome.failed:
            print(f"{name}: import failed")
            continue
        imported += 1
        try:
            with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                build(work / "content", work / "site")
        except (ContentErrors, ValueError, OSError) as exc:
            print(f"{name}: build failed ({type(exc).__name__})")
            continue
        built += 1
        print(f"{name}: {len(outcome.written)} files, {outcome.warnings} warnings, built")
    total = len(docs.names())
    print(f"realistic documents: {imported} of {total} imported, {built} of {total} built")


def main() -> None:
    if sys.argv[1:] == ["--realistic"]:
        realistic()
        return
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "seeds"
    files = sorted(seeds.glob("*.txt"))
    import_files(files[:1], Path(tempfile.mkdtemp()) / "warm")  # imports and caches, not measured
    for path in files:
        runs = []
        for _ in range(5):
            target = Path(tempfile.mkdtemp()) / "content"
            start = time.perf_counter()
            outcome = import_files([path], target)
            runs.append(time.perf_counter() - start)
        size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
        print(
            f"{path.name}: {path.stat().st_size} bytes in, {len(outcome.written)} files / {size} bytes out, "
            f"best {min(runs) * 1000:.1f} ms of 5, {outcome.warnings} warnings"
        )


if __name__ == "__main__":
    main()
