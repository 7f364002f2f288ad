"""Command line: python -m generator build | validate | serve | schema | check | import."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .catalog import message_text
from .errors import ContentErrors, shown_root


def _say(key: str, **params: object) -> None:
    print(message_text(key, **params))


def _fail(exc: ContentErrors, content: Path) -> int:
    print(exc.format(*shown_root(content)), file=sys.stderr)
    return 2


def cmd_validate(args: argparse.Namespace) -> int:
    from .content import load_site
    from .pipeline import render_site

    try:
        site = load_site(args.content)
        render_site(site)  # some errors (e.g. an OIT item bound to a page that is not made) show only here
    except ContentErrors as exc:
        return _fail(exc, args.content)
    from .pipeline import show_dataset_notes

    show_dataset_notes(site)
    from .oit.report import show_catalogs

    show_catalogs(site)
    _say("valid", files=site.files)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import build

    try:
        pages = build(args.content, args.site_dir, args.build_dir)
    except ContentErrors as exc:
        return _fail(exc, args.content)
    _say("built", pages=pages, site_dir=args.site_dir)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(args.content, args.build_dir, args.dev_addr)


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema_doc import write_schema

    for path in write_schema(args.out):
        print(path)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .content import load_site
    from .oit.report import run_check

    try:
        site = load_site(args.content)
        return run_check(site, args.year, args.strict, args.verbose)
    except ContentErrors as exc:
        return _fail(exc, args.content)


def cmd_import(args: argparse.Namespace) -> int:
    from .importer.run import import_files

    outcome = import_files(args.files, args.into, args.kind, args.year, args.force)
    for text in outcome.messages:
        print(text, file=sys.stderr if outcome.failed else sys.stdout)
    return 2 if outcome.failed else 0


def cmd_build_all(args: argparse.Namespace) -> int:
    from .multi import Limits, build_all, parse_shard

    try:
        shard = parse_shard(args.shard)
    except ValueError:
        _say_err("bad_shard", value=args.shard)
        return 2
    if not args.orgs.is_dir():
        _say_err("no_orgs_dir", path=args.orgs)
        return 2
    limits = Limits(seconds=args.org_seconds, memory_mb=args.org_memory_mb)
    results = build_all(args.orgs, args.out, args.jobs, shard, limits=limits, share=args.share_theme)
    failed = [r for r in results if not r.ok]
    for r in failed:
        _say_err("org_failed", name=r.name or r.slug, slug=r.slug)
        print(f"{r.errors}\n", file=sys.stderr)
    _say("built_all", ok=len(results) - len(failed), failed=len(failed), portal=args.out / "index.html")
    return 2 if failed else 0


def cmd_portal(args: argparse.Namespace) -> int:
    from .portal import write_portal

    print(write_portal(args.out, args.digits))
    return 0


def _say_err(key: str, **params: object) -> None:
    print(message_text(key, **params), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="prongsai" if Path(sys.argv[0]).name == "prongsai" else "python -m generator",
        description="Prongsai: สร้างเว็บไซต์ ITA/OIT จากโฟลเดอร์ content",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def content_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", type=Path, default=Path("content"), help="โฟลเดอร์ข้อมูล (content folder)")

    p = sub.add_parser("validate", help="ตรวจข้อมูลโดยไม่สร้างเว็บไซต์ (check content only)")
    content_arg(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("build", help="สร้างเว็บไซต์ (build the site)")
    content_arg(p)
    p.add_argument("--site-dir", type=Path, default=Path("site"), help="โฟลเดอร์ผลลัพธ์ (output folder)")
    p.add_argument("--build-dir", type=Path, default=None, help="โฟลเดอร์ Markdown ชั่วคราว (generated Markdown)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="แสดงตัวอย่างสดขณะแก้ไข (live preview)")
    content_arg(p)
    p.add_argument("--build-dir", type=Path, default=Path("build"))
    p.add_argument("--dev-addr", default="127.0.0.1:8000")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("schema", help="ส่งออก JSON Schema และคู่มือช่องข้อมูล (export schema and field guide)")
    p.add_argument("--out", type=Path, default=Path("schema"))
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("check", help="ตรวจความพร้อมของรายการ OIT (OIT readiness report)")
    content_arg(p)
    p.add_argument("--year", type=int, default=None, help="ปีที่ประเมิน ITA (ITA year, BE); ค่าเริ่มต้นจาก site.yml")
    p.add_argument("--strict", action="store_true", help="คืนค่า 1 เมื่อมีรายการที่ยังไม่พร้อม (exit 1 if anything is not ready)")
    p.add_argument("--verbose", action="store_true",
                   help="แสดงแหล่งที่มาและบันทึกการตรวจสอบของแต่ละรายการ (sources and research of each item)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("import", help="นำเข้าเอกสารเดิม .txt/.docx เป็นไฟล์ข้อมูล (import documents into content)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="ไฟล์ข้อความ (.txt) หรือ Word (.docx)")
    p.add_argument("--into", type=Path, required=True, help="โฟลเดอร์ข้อมูลปลายทาง (content folder to write)")
    p.add_argument("--kind", choices=["measures", "progress_report", "results_report", "ita_analysis",
                                      "oit_criteria", "memo", "announcement"], help="ระบุประเภทเอกสารเอง")
    p.add_argument("--year", type=int, help="ปีงบประมาณ พ.ศ. เช่น 2567 (fiscal year, BE)")
    p.add_argument("--force", action="store_true", help="เขียนทับไฟล์ที่มีอยู่ (overwrite existing files)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("build-all", help="สร้างเว็บไซต์ทุกหน่วยงานในโฟลเดอร์ (build many organizations)")
    p.add_argument("--orgs", type=Path, required=True, help="โฟลเดอร์ที่มี content ของแต่ละหน่วยงาน (orgs/<slug>/)")
    p.add_argument("--out", type=Path, required=True, help="โฟลเดอร์ผลลัพธ์ (<out>/<slug>/ and <out>/index.html)")
    p.add_argument("--jobs", type=int, default=None, help="จำนวนงานพร้อมกัน (parallel builds, default: cores)")
    p.add_argument("--shard", default="1/1", help="ส่วนที่ i จาก n (i/n) เพื่อแบ่งงานหลายเครื่อง")
    p.add_argument("--org-seconds", type=float, default=600.0,
                   help="เวลาสูงสุดต่อหน่วยงาน วินาที (time limit per organization; 0: none)")
    p.add_argument("--org-memory-mb", type=int, default=2048,
                   help="หน่วยความจำสูงสุดต่อหน่วยงาน MB (memory limit per organization; 0: none)")
    p.add_argument("--share-theme", action="store_true",
                   help="ใช้ไฟล์ธีมชุดเดียวร่วมกันทุกหน่วยงานใน <out>/_theme/ (one copy of the theme's files)")
    p.set_defaults(func=cmd_build_all)

    p = sub.add_parser("portal", help="รวม manifest ทุกส่วนเป็นหน้ารวมหน่วยงาน (merge shard manifests)")
    p.add_argument("--out", type=Path, required=True, help="โฟลเดอร์ที่มี _manifests/ (folder holding _manifests/)")
    p.add_argument("--digits", choices=["thai", "arabic"], default="thai", help="ตัวเลขในหน้ารวม (portal digits)")
    p.set_defaults(func=cmd_portal)

    from .commands import add_commands

    add_commands(sub)  # new, templates, publish
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last net: a message and exit 2, never a traceback for staff
        if os.environ.get("PRONGSAI_DEBUG"):
            raise
        _say_err("internal_error", problem=f"{type(exc).__name__}: {exc}"[:500])
        return 2


if __name__ == "__main__":
    sys.exit(main())
