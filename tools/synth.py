"""Make N varied fictional organizations from the example content: python tools/synth.py N OUT.

Deterministic (seeded by each organization's index), valid content: each
organization is the example with its own name, kind, province and digits
setting, more or fewer free pages, some open datasets left out and a contract
list of its own length, so sites differ in size as real ones do.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KINDS = ["เทศบาลตำบล", "เทศบาลเมือง", "องค์การบริหารส่วนตำบล"]
PLACES = ["หนองบัว", "ห้วยทราย", "โคกสูง", "บ้านใหม่", "ดอนแก้ว", "นาดี", "ท่าช้าง", "วังน้ำ", "ป่าตาล", "เขาแก้ว"]
PROVINCES = ["แดนสมมุติ", "เมืองจำลอง", "ทุ่งตัวอย่าง", "ภูทดลอง", "ธารสาธิต"]


def make_org(index: int, out: Path, source: Path = REPO / "content") -> Path:
    rng = random.Random(index)
    target = out / f"org-{index:05d}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    kind = rng.choice(KINDS)
    place = f"{rng.choice(PLACES)}{index}"
    org = target / "organization.yml"
    text = org.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^name: .*$", f"name: {kind}{place}", text)
    text = re.sub(r"(?m)^kind: .*$", f"kind: {kind}", text)
    text = re.sub(r"(?m)^province: .*$", f"province: {rng.choice(PROVINCES)}", text)
    org.write_text(text, encoding="utf-8")
    site = target / "site.yml"
    text = site.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^digits: .*$", f"digits: {rng.choice(['thai', 'arabic'])}", text)
    site.write_text(text, encoding="utf-8")
    # vary the size: some organizations publish more pages than others
    pages = sorted((target / "pages").glob("*.md"))
    for extra in range(rng.randint(0, 4)):
        page = rng.choice(pages)
        shutil.copyfile(page, target / "pages" / f"{page.stem}-{extra + 2}.md")
    # vary the data: small offices publish fewer datasets and sign fewer contracts
    optional = ["satisfaction.csv", "hr_report.csv", "spending_report_6m.csv", "procurement_announcements.csv",
                "services.csv", "complaints.xlsx"]
    # every fiscal year the example has (they move on as the example does)
    for data in sorted((target / "years").glob("*/data")):
        present = [name for name in optional if (data / name).exists()]
        for name in rng.sample(present, rng.randint(0, min(4, len(present)))):
            (data / name).unlink()
        contracts = data / "contracts.csv"
        if contracts.exists():
            lines = contracts.read_text(encoding="utf-8-sig").splitlines(keepends=True)
            keep = max(10, int(len(lines) * rng.uniform(0.2, 1.0)))
            contracts.write_text("\ufeff" + "".join(lines[:keep]), encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    count, out = int(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for index in range(1, count + 1):
        make_org(index, out)
    print(f"{count} organizations in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
