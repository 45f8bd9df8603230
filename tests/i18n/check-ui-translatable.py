#!/usr/bin/env python3
"""Every user-visible string in a .ui template is marked translatable."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

VISIBLE = {"label", "title", "subtitle", "tooltip-text", "text", "placeholder-text",
           "description", "heading", "body", "accelerator-title", "section-name", "comments"}
NOT_TEXT = {"icon-name", "name", "action-name", "accelerator", "css-classes", "style"}

def problems(path):
    tree = ET.parse(path)
    for prop in tree.iter("property"):
        name = prop.get("name", "")
        text = (prop.text or "").strip()
        if name in VISIBLE and text and prop.get("translatable") != "yes":
            yield f"{path}: <property name=\"{name}\">{text}</property> is not translatable"
    for item in tree.iter("item"):
        for attr in item.iter("attribute"):
            if attr.get("name") == "label" and attr.get("translatable") != "yes":
                yield f"{path}: menu item label \"{(attr.text or '').strip()}\" is not translatable"

def main():
    root = Path(sys.argv[1])
    found = [p for f in sorted(root.glob("ui/**/*.ui")) for p in problems(f)]
    for p in found:
        print(p)
    print(f"checked {len(list(root.glob('ui/**/*.ui')))} templates, {len(found)} problems")
    return 1 if found else 0

if __name__ == "__main__":
    sys.exit(main())
