"""Many organizations: each its own MkDocs site, built in parallel, plus a portal page.

One MkDocs site per organization keeps build cost linear (MkDocs repeats the
whole navigation on every page, so one big site grows faster than its pages).
Work is split into shards by a stable hash of the folder name so that any
scheduler (a CI matrix, cron on several machines) can run `--shard i/n`; each
shard writes a manifest and `portal` merges the manifests into one index page.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .errors import ContentErrors, error
from .write import REPO, write_if_changed

MANIFESTS = "_manifests"
FONTS = (
    "sarabun-thai-400-normal.woff2",
    "sarabun-thai-700-normal.woff2",
    "sarabun-latin-400-normal.woff2",
    "sarabun-latin-700-normal.woff2",
    "OFL.txt",
)


@dataclass
class OrgResult:
    """What the portal and the operator need to know about one organization's build."""

    slug: str
    ok: bool
    name: str = ""
    kind: str = ""
    province: str = ""
    pages: int = 0
    seconds: float = 0.0
    readiness: str | None = None
    errors: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def parse_shard(text: str) -> tuple[int, int]:
    """'2/8' -> (2, 8); shards count from 1 as operators do."""
    index, _, total = text.partition("/")
    i, n = int(index), int(total)
    if not 1 <= i <= n:
        raise ValueError(f"shard {text!r}: need 1 <= i <= n")
    return i, n


def in_shard(slug: str, shard: tuple[int, int]) -> bool:
    """Stable across machines and runs: depends on the slug only, never on order or count of orgs."""
    i, n = shard
    digest = hashlib.sha256(slug.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n == i - 1


def org_dirs(orgs_dir: Path, shard: tuple[int, int] = (1, 1)) -> list[Path]:
    return sorted(
        p for p in orgs_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_")) and in_shard(p.name, shard)
    )


def readiness_summary(site: Any) -> str | None:
    """OIT readiness shown on the portal, or None when it cannot be judged.

    The readiness checker (generator/oit/readiness.py) lives on another
    branch; it is wired in here at merge time. Until then the portal shows a
    dash with a note rather than a guessed figure.
    """
    return None


def _basic_info(content: Path) -> dict[str, str]:
    """Name, kind and province straight from organization.yml, for orgs whose build failed."""
    try:
        data = yaml.safe_load((content / "organization.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return {k: str(data.get(k) or "") for k in ("name", "kind", "province")}


def build_one(content: Path, out: Path, build_root: Path) -> OrgResult:
    """Build one organization; never raises for bad content so the others go on."""
    from .content import load_site
    from .render import render_site
    from .write import BuildFailed, build_site, write_docs

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    slug = content.name
    start = time.perf_counter()
    result = OrgResult(slug, ok=False, **_basic_info(content))
    try:
        site = load_site(content)
        rendered = render_site(site)
        config_path = write_docs(rendered, site, build_root / slug, out / slug)
        try:
            build_site(config_path, out / slug)
        except BuildFailed as exc:
            raise ContentErrors([error(config_path, None, "", "build_failed", problem=str(exc))]) from None
    except ContentErrors as exc:
        result.errors = exc.format(content.resolve())
    except Exception as exc:  # one broken organization must not stop a thousand others
        result.errors = f"{type(exc).__name__}: {exc}"
    else:
        org = site.organization
        result.ok = True
        result.pages = len(rendered.pages)
        result.name, result.kind, result.province = str(org.name), str(org.kind), str(org.province)
        result.readiness = readiness_summary(site)
    result.seconds = round(time.perf_counter() - start, 3)
    return result


def build_all(
    orgs_dir: Path, out: Path, jobs: int | None = None, shard: tuple[int, int] = (1, 1), build_root: Path | None = None
) -> list[OrgResult]:
    """Build every organization in this shard into `out/<slug>/`, write the shard manifest and portal."""
    out.mkdir(parents=True, exist_ok=True)
    build_root = build_root or out.parent / f".{out.name}.build"
    dirs = org_dirs(orgs_dir, shard)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(dirs) or 1))
    if jobs == 1:
        results = [build_one(d, out, build_root) for d in dirs]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(
                pool.map(
                    build_one,
                    dirs,
                    [out] * len(dirs),
                    [build_root] * len(dirs),
                    chunksize=max(1, len(dirs) // (jobs * 8)),
                )
            )
    manifest = out / MANIFESTS / f"shard-{shard[0]}-of-{shard[1]}.json"
    data = json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1)
    write_if_changed(manifest, data.encode("utf-8"))
    write_portal(out)
    return results


def load_manifests(out: Path) -> list[OrgResult]:
    """Every organization listed by any shard manifest in `out`, by slug."""
    by_slug: dict[str, OrgResult] = {}
    for path in sorted((out / MANIFESTS).glob("*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            by_slug[entry["slug"]] = OrgResult(**entry)
    return [by_slug[s] for s in sorted(by_slug)]


def write_portal(out: Path) -> Path:
    """`out/index.html`: every organization with kind, province, readiness and a link to its site."""
    results = load_manifests(out)
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    html = env.get_template("portal.html.j2").render(
        orgs=results,
        failed=[r for r in results if not r.ok],
        provinces=sorted({r.province for r in results if r.province}),
    )
    fonts = REPO / "theme_overrides" / "assets" / "fonts"
    for name in FONTS:
        target = out / "_portal" / "fonts" / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(fonts / name, target)
    path = out / "index.html"
    write_if_changed(path, html.encode("utf-8"))
    return path
