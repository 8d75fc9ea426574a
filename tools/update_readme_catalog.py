#!/usr/bin/env python3
"""Rewrites the table of README.md's "## Rule catalog" section from the rule table itself.

Usage: python3 tools/update_readme_catalog.py BUILD_DIR   (runs BUILD_DIR/tools/atlas-validate)
"""
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
cli = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root / "build") / "tools" / "atlas-validate"
table = subprocess.run([str(cli), "--list-rules", "--format", "markdown"], check=True, capture_output=True,
                       text=True).stdout
readme = (root / "README.md").read_text(encoding="utf-8").split("\n")
out, inside, written = [], False, False
for line in readme:
    if line.startswith("## "):
        inside = line == "## Rule catalog"
    if inside and line.startswith("|"):
        if not written:
            out.extend(table.rstrip("\n").split("\n"))
            written = True
        continue
    out.append(line)
(root / "README.md").write_text("\n".join(out), encoding="utf-8")
