#!/usr/bin/python3
"""Coplan as assistive technology sees it, through AT-SPI.

Starts the real app on a small demo caseload and reads its accessibility
tree: every button, entry, switch and check box has a name, and each person
in the caseload list is read out with their name and NHS number. Then types
into the search box through AT-SPI and checks the list narrows.

usage: test-a11y.py PATH-TO-coplan PATH-TO-coplan-cli
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_helpers import (RunningApp, make_demo, people_items, test_environment,  # noqa: E402
                           wait_for, walk)

INTERACTIVE = {"push button", "toggle button", "check box", "text", "entry",
               "menu button", "switch", "radio button", "combo box"}


def main():
    coplan, cli = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory(prefix="coplan-a11y-") as home:
        env = test_environment(home)
        db = os.path.join(home, "coplan", "coplan.db")
        make_demo(cli, db, env)
        running = RunningApp(coplan, db, env)
        try:
            app = running.app
            if app is None:
                print("FAIL: Coplan never appeared on the accessibility bus")
                return 1
            items = wait_for(lambda: people_items(app))
            if not items:
                failures.append("the People list has no items")
            for item in items or []:
                if "NHS" not in item.name:
                    failures.append(f"list item read as {item.name!r}, without name and NHS number")
            for node in walk(app):
                role = node.getRoleName()
                # GTK 4.8 does not report which widgets are showing, so every
                # control is checked, on hidden pages too.
                if role in INTERACTIVE and not node.name.strip():
                    failures.append(f"unnamed {role} inside {node.parent.getRoleName()} {node.parent.name!r}")
            print(f"read {len(items or [])} people: first is {items[0].name!r}" if items else "read no people")

            search = next((n for n in walk(app) if n.getRoleName() == "entry"
                           and n.name == "Search people"), None)
            if search is None:
                failures.append("no entry named 'Search people'")
            else:
                before = len(items or [])
                query = items[0].name.split(",")[0].split()[-1] if items else "x"
                search.queryEditableText().insertText(0, query, len(query))
                narrowed = wait_for(lambda: (lambda now: now if 0 < len(now) < before else None)(people_items(app)))
                if not narrowed:
                    failures.append(f"typing {query!r} into search did not narrow the list of {before}")
                elif not all(query in n.name for n in narrowed):
                    failures.append(f"search for {query!r} kept people who do not match")
                else:
                    print(f"search for {query!r} narrowed {before} people to {len(narrowed)}")
        finally:
            failures.extend(f"Coplan warned: {w}" for w in running.stop())
    for failure in failures:
        print("FAIL:", failure)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
