"""Many organizations: each its own MkDocs site, built in parallel, plus a portal page.

One MkDocs site per organization keeps build cost linear (MkDocs repeats the
whole navigation on every page, so one big site grows faster than its pages).
Work is split into shards by a stable hash of the folder name so that any
scheduler (a CI matrix, cron on several machines) can run `--shard i/n`; each
shard writes a manifest and `portal` merges the manifests into one index page.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import multiprocessing
import os
import signal
import threading
import time
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .catalog import message_text
from .errors import ContentErrors
from .fields import SLUG
from .portal import MANIFESTS, OrgResult, write_portal
from .shared_theme import share_theme
from .write import site_lock, write_if_changed
from .yamlio import YamlError, read_yaml

# Workers are replaced after about this many organizations each (a fresh one spends
# about half a build more on its first, warming its caches): MkDocs and its
# plugins keep caches between builds, and a long-lived worker would grow with
# every site. Done with one fresh pool per batch because ProcessPoolExecutor's
# own max_tasks_per_child deadlocks on Python 3.11 (CPython gh-115634).
TASKS_PER_WORKER = 50


def parse_shard(text: str) -> tuple[int, int]:
    """'2/8' -> (2, 8); shards count from 1 as operators do."""
    index, _, total = text.partition("/")
    try:
        i, n = int(index), int(total)
    except ValueError:
        i, n = 0, 0
    if not 1 <= i <= n:
        raise ValueError(text)
    return i, n


def in_shard(slug: str, shard: tuple[int, int]) -> bool:
    """Stable across machines and runs: depends on the slug only, never on order or count of orgs."""
    i, n = shard
    digest = hashlib.sha256(slug.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n == i - 1


def _candidates(orgs_dir: Path, shard: tuple[int, int]) -> list[Path]:
    """Entries of this shard that may be organizations (hidden and `_` folders are not)."""
    return sorted(p for p in orgs_dir.iterdir() if not p.name.startswith((".", "_")) and in_shard(p.name, shard))


def org_dirs(orgs_dir: Path, shard: tuple[int, int] = (1, 1)) -> list[Path]:
    """The organization folders of this shard: real folders (not links) named by the slug rule."""
    return [p for p in _candidates(orgs_dir, shard) if refusal(p) is None and p.is_dir()]


def refusal(folder: Path) -> str | None:
    """Why `folder` cannot be an organization, or None. Its name becomes a web address and a
    link on the portal, so it follows the slug rule; a link could make an organization read
    another one's folder or the runner's files."""
    if folder.is_symlink():
        return message_text("org_folder_link", slug=folder.name)
    if not SLUG.match(folder.name):
        twin = unicodedata.normalize("NFKC", folder.name).casefold()
        hint = twin if SLUG.match(twin) and twin != folder.name else ""
        key = "org_folder_twin" if hint and (folder.parent / hint).is_dir() else "org_folder_name"
        return message_text(key, slug=folder.name, twin=hint or "-")
    return None


def refused_orgs(orgs_dir: Path, shard: tuple[int, int] = (1, 1)) -> list[OrgResult]:
    """Entries of this shard that are skipped, each with the reason to report."""
    out = []
    for p in _candidates(orgs_dir, shard):
        reason = refusal(p)
        if reason is not None and (p.is_dir() or p.is_symlink()):
            out.append(OrgResult(p.name, ok=False, errors=reason))
    return out


def readiness(site: Any, pages: set[str]) -> tuple[int, int, int] | None:
    """(ITA year, items ready, items) from the OIT readiness check, or None when it cannot judge.

    A site without ita_years, or a year without a catalog, shows no figure
    rather than a guessed one.
    """
    from .oit.readiness import assess, summary

    if not site.settings.ita_years:
        return None
    year = max(site.settings.ita_years)
    try:
        ready, total = summary(assess(site, year, pages))
    except (ContentErrors, FileNotFoundError):
        return None
    return year, ready, total


def failed(content: Path, errors: str) -> OrgResult:
    """A failed organization, named as far as its organization.yml can still be read: with the
    content loader's own limits (size, no aliases), and never through a link."""
    path = content / "organization.yml"
    try:
        data = None if path.is_symlink() else read_yaml(path).data
    except (OSError, YamlError):
        data = None
    info = {k: str(data.get(k) or "") for k in ("name", "kind", "province")} if isinstance(data, dict) else {}
    return OrgResult(content.name, ok=False, errors=errors, **info)


def unexpected(exc: BaseException) -> str:
    return message_text("org_unexpected", problem=f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True)
class Limits:
    """What one organization may take; 0 means no limit. Ten minutes and 2 GB are a hundred
    times what a real organization needs (0.3 s, 80 MB)."""

    seconds: float = 600.0
    memory_mb: int = 2048


class OrgTimeout(BaseException):
    """Not an Exception: code that catches any Exception on its way (a library's fallback)
    must not swallow the time limit."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise OrgTimeout in this (main) thread after `seconds`."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OrgTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    # Repeating: a library that swallows the first one (a fallback in a finaliser) gets another.
    signal.setitimer(signal.ITIMER_REAL, seconds, max(seconds, 0.5))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _limit_memory(memory_mb: int) -> None:
    """In a worker process: its address space is capped, so a runaway organization gets a
    MemoryError (or its worker dies and it alone is reported), never the machine's memory."""
    if memory_mb:
        import resource

        cap = memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))


def build_one(
    content: Path, out: Path, build_root: Path, limits: Limits = Limits(), share: bool = False
) -> OrgResult:
    """Build one organization into `out/<slug>/`; never raises, so the others go on.
    `share`: its theme files are served from the portal's one copy (shared_theme)."""
    from .pipeline import generate, publish

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    slug = content.name
    start = time.perf_counter()
    try:
        with _time_limit(limits.seconds), site_lock(out / slug, build_root / f"{slug}.lock"):
            generated = generate(content, build_root / slug, out / slug)
            publish(generated, out / slug)  # dated by the content, like a single build: reproducible
            if share:
                share_theme(out / slug, out)
        site = generated.site
        pages = {p.path for p in generated.rendered.pages}
        found = readiness(site, pages)
    except ContentErrors as exc:
        result = failed(content, exc.format(content.resolve(), Path(content.name)))
    except OrgTimeout:
        result = failed(content, message_text("org_timeout", seconds=limits.seconds))
    except MemoryError:
        result = failed(content, message_text("org_memory", memory_mb=limits.memory_mb))
    except Exception as exc:  # one broken organization must not stop a thousand others
        # The alarm can go off inside a library that wraps it in an error of its own
        # (pydantic building a validator): past the limit, it is the limit.
        over = limits.seconds and time.perf_counter() - start >= limits.seconds
        result = failed(content, message_text("org_timeout", seconds=limits.seconds) if over else unexpected(exc))
    else:
        org = site.organization
        result = OrgResult(slug, ok=True, name=str(org.name), kind=str(org.kind or ""), pages=len(pages))
        result.province = str(org.province or "")
        if found:
            result.oit_year, result.oit_ready, result.oit_total = found
    result.seconds = round(time.perf_counter() - start, 3)
    return result


def build_all(
    orgs_dir: Path, out: Path, jobs: int | None = None, shard: tuple[int, int] = (1, 1), build_root: Path | None = None,
    limits: Limits = Limits(), share: bool = False,
) -> list[OrgResult]:
    """Build every organization of this shard into `out/<slug>/`, write the shard manifest and the portal.
    `share`: the organizations' theme files are served from one copy in `out/_theme/`."""
    out.mkdir(parents=True, exist_ok=True)
    build_root = build_root or out.parent / f".{out.name}.build"  # Markdown trees, kept for the next run
    dirs = org_dirs(orgs_dir, shard)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(dirs) or 1))
    if jobs == 1 and not limits.memory_mb:
        results = [build_one(d, out, build_root, limits, share) for d in dirs]
    else:  # in worker processes, which alone can have a memory limit
        results = _build_parallel(dirs, out, build_root, jobs, limits, share)
    results = sorted(results + refused_orgs(orgs_dir, shard), key=lambda r: r.slug)
    name = f"shard-{shard[0]}-of-{shard[1]}.json"
    listed = [{k: v for k, v in asdict(r).items() if k != "seconds"} for r in results]
    write_if_changed(out / MANIFESTS / name, json.dumps(listed, ensure_ascii=False, indent=1).encode("utf-8"))
    times = {r.slug: r.seconds for r in results}  # for the benchmark and operators; not published
    write_if_changed(build_root / f"times-{name}", json.dumps(times, indent=1).encode("utf-8"))
    write_portal(out)
    return results


def _build_parallel(
    dirs: list[Path], out: Path, build_root: Path, jobs: int, limits: Limits, share: bool
) -> list[OrgResult]:
    """Build in batches of fresh worker processes. A worker that dies (out of memory,
    killed, crashed in a C library) breaks its pool and every organization still in
    it; those are built again one by one in their own process, so only the
    organization that kills its worker is reported failed."""
    # Imported once here so that every forked worker of every batch starts with them.
    import mkdocs.commands.build
    import mkdocs.config  # noqa: F401

    from . import content, pipeline, render, write  # noqa: F401

    done: dict[str, OrgResult] = {}
    retry: list[Path] = []
    step = jobs * TASKS_PER_WORKER
    gc.freeze()  # what the workers inherit stays out of their collector, so is not copied on write
    try:
        for start in range(0, len(dirs), step):
            retry += _run_pool(dirs[start : start + step], out, build_root, jobs, done, limits, share)
        for d in retry:
            for lost in _run_pool([d], out, build_root, 1, done, limits, share):
                done[lost.name] = failed(lost, message_text("org_worker_died"))
    finally:
        gc.unfreeze()
    return [done[d.name] for d in dirs]


def _run_pool(
    dirs: list[Path], out: Path, build_root: Path, jobs: int, done: dict[str, OrgResult], limits: Limits,
    share: bool,
) -> list[Path]:
    """Build `dirs` in one pool of `jobs` forked workers into `done`; return those lost with a dead worker."""
    lost: list[Path] = []
    # fork: workers start with the generator already imported (spawn would import it again in each)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                             initializer=_limit_memory, initargs=(limits.memory_mb,)) as pool:
        futures = [(d, pool.submit(build_one, d, out, build_root, limits, share)) for d in dirs]
        for d, future in futures:
            try:
                done[d.name] = future.result()
            except BrokenProcessPool:
                lost.append(d)
            except Exception as exc:  # e.g. a result that cannot be sent back: this org fails, not all
                done[d.name] = failed(d, unexpected(exc))
    return lost
