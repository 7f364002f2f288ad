"""Benchmark: import each shared seed into a fresh folder and print the time it takes.

Usage: .venv/bin/python tools/bench_import.py [SEED_DIR]   (default ../shared/seeds)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.importer.run import import_files


def main() -> None:
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
