#!/usr/bin/env python3
"""Appends strings to both resource files: `append-strings.py FILE.tsv` where each line is key<TAB>zh<TAB>en.
Keys already present are skipped, so a block can be re-run safely."""
import html, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent / "src/InnoCenter.Web/Resources"
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip() and not l.startswith("#")]
for idx, name in ((1, "SharedResource.resx"), (2, "SharedResource.en.resx")):
    path = root / name
    text = path.read_text(encoding="utf-8")
    present = set(re.findall(r'<data name="([^"]+)"', text))
    block = "".join(
        f'  <data name="{r[0]}" xml:space="preserve"><value>{html.escape(r[idx], quote=False)}</value></data>\n'
        for r in rows if r[0] not in present)
    path.write_text(text.replace("</root>", block + "</root>"), encoding="utf-8")
print(f"{len(rows)} strings")
