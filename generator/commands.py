"""Commands for starting and publishing a site: new, templates, publish (added to the CLI of __main__)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import message_text


def _say(key: str, err: bool = False, **params: object) -> None:
    print(message_text(key, **params), file=sys.stderr if err else sys.stdout)


def cmd_new(args: argparse.Namespace) -> int:
    from .newsite import NotEmpty, new_site

    if not args.name.strip():
        _say("new_no_name", err=True)
        return 2
    try:
        made = new_site(args.folder, args.name, args.kind, district=args.district, province=args.province,
                        digits=args.digits)
    except NotEmpty as exc:
        _say("new_exists", err=True, path=exc.args[0])
        return 2
    _say("new_done", folder=made.folder, fiscal_year=made.fiscal_year, ita_year=made.ita_year, files=len(made.files))
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    from .templates_xlsx import write_templates

    paths = write_templates(args.out, tuple(args.format) if args.format else ("csv", "xlsx"))
    _say("templates_done", count=len(paths), folder=args.out)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from .publish.cli import run_publish

    return run_publish(args)


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from .newsite import KINDS

    p = sub.add_parser("new", help="เริ่มหน่วยงานใหม่ที่ยังไม่มีข้อมูล (start an empty organization)")
    p.add_argument("folder", type=Path, metavar="DIR", help="โฟลเดอร์ที่จะสร้าง (folder to create)")
    p.add_argument("--name", required=True, help="ชื่อเต็มของหน่วยงาน เช่น องค์การบริหารส่วนตำบล…")
    p.add_argument("--kind", required=True, choices=KINDS, help="ประเภทหน่วยงาน (kind of organization)")
    p.add_argument("--district", default="", help="อำเภอ (district)")
    p.add_argument("--province", default="", help="จังหวัด (province)")
    p.add_argument("--digits", choices=["thai", "arabic"], default="thai", help="ตัวเลขบนเว็บไซต์")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("templates", help="แม่แบบตารางเปล่า CSV และ Excel หนึ่งไฟล์ต่อชุดข้อมูล (blank spreadsheets)")
    p.add_argument("--out", type=Path, default=Path("templates"), help="โฟลเดอร์ที่จะเขียน (output folder)")
    p.add_argument("--format", action="append", choices=["csv", "xlsx"], help="csv หรือ xlsx (ค่าเริ่มต้น: ทั้งสอง)")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("publish", help="ส่งเว็บไซต์ขึ้นโฮสติ้งด้วย SFTP หรือ FTP(S) (upload the built site)")
    p.add_argument("--site-dir", type=Path, default=Path("site"), help="โฟลเดอร์เว็บไซต์ที่สร้างแล้ว (built site)")
    p.add_argument("--config", type=Path, default=Path("publish.yml"), help="ไฟล์ตั้งค่า (settings file)")
    p.add_argument("--content", type=Path, default=Path("content"), help="โฟลเดอร์ข้อมูล (ไฟล์ตั้งค่าต้องอยู่นอกโฟลเดอร์นี้)")
    p.add_argument("--dry-run", action="store_true", help="แสดงรายการที่จะส่งโดยไม่ส่งจริง (list, do not upload)")
    p.set_defaults(func=cmd_publish)
