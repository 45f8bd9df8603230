#!/usr/bin/python3
"""Coplan as assistive technology sees it, through AT-SPI.

Starts the real app on a small demo caseload and reads its accessibility
tree: every button, entry, switch and check box has a name, and each person
in the caseload list is read out with their name and NHS number. Then types
into the search box through AT-SPI and checks the list narrows, and presses
Tab as a keyboard user would: the caseload list is a single Tab stop. In a
narrow window, the arrow keys walk the list, Enter opens a person, and
clicking the highlighted person after Back opens them again.

usage: test-a11y.py PATH-TO-coplan PATH-TO-coplan-cli
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyatspi  # noqa: E402
from atspi_helpers import (RunningApp, make_demo, people_items, test_environment,  # noqa: E402
                           wait_for, walk)

Gdk_KEY_Tab = 0xff09
Gdk_KEY_Down = 0xff54
Gdk_KEY_Return = 0xff0d

INTERACTIVE = {"push button", "toggle button", "check box", "text", "entry",
               "menu button", "switch", "radio button", "combo box"}


def focused(app):
    for node in walk(app):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            continue
    return None


def check_tab_leaves_list(app):
    """The caseload list is one Tab stop: GTK 4.8 would stop on every person."""
    start = wait_for(lambda: (lambda n: n if n is not None and n.name == "Search people" else None)(focused(app)))
    if start is None:
        return ["the window does not start in the search box"]
    pyatspi.Registry.generateKeyboardEvent(Gdk_KEY_Tab, None, pyatspi.KEY_SYM)
    first = wait_for(lambda: (lambda n: n if n is not None and n.getRoleName() == "list item" else None)(focused(app)), 5)
    if first is None:
        return ["Tab from the search box does not reach the People list"]
    pyatspi.Registry.generateKeyboardEvent(Gdk_KEY_Tab, None, pyatspi.KEY_SYM)
    after = wait_for(lambda: (lambda n: n if n is not None and n.name != first.name else None)(focused(app)), 5)
    if after is None or after.getRoleName() == "list item":
        where = after.name if after is not None else "nowhere"
        return [f"Tab in the People list moved to {where!r}, not out of the list"]
    print(f"Tab: search box, then {first.name!r}, then out of the list to {after.name!r}")
    return []


def key(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def focused_is(app, role, name=None):
    node = focused(app)
    if node is not None and node.getRoleName() == role and (name is None or node.name == name):
        return node
    return None


def check_folded_walk(coplan, cli, home):
    """A narrow (folded) window: the arrow keys walk the list without
    leaving it; Enter opens the person reached, Back comes back to them."""
    env = test_environment(home)
    config = os.path.join(home, "config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as keyfile:
        keyfile.write("[io/github/coplan/Coplan]\nwindow-width=380\nwindow-height=700\n")
    env.update(XDG_CONFIG_HOME=config, GSETTINGS_BACKEND="keyfile")
    db = os.path.join(home, "coplan", "coplan.db")
    make_demo(cli, db, env)
    running = RunningApp(coplan, db, env)
    failures = []
    try:
        app = running.app
        if app is None or not wait_for(lambda: focused_is(app, "entry", "Search people")):
            return ["the narrow window did not start in the search box"]
        key(Gdk_KEY_Tab)
        first = wait_for(lambda: focused_is(app, "list item"), 5)
        key(Gdk_KEY_Down)
        second = wait_for(lambda: (lambda n: n if n is not None and first is not None
                                   and n.name != first.name else None)(focused_is(app, "list item")), 5)
        if first is None or second is None:
            where = focused(app)
            return [f"Tab then Down in the narrow list left the focus on "
                    f"{where.getRoleName() + ' ' + repr(where.name) if where else 'nothing'}"]
        key(Gdk_KEY_Return)
        if not wait_for(lambda: focused_is(app, "push button", "Back to the list"), 5):
            failures.append(f"Enter on {second.name!r} did not open them with the focus on Back")
        key(Gdk_KEY_Return)
        if not wait_for(lambda: focused_is(app, "list item", second.name), 5):
            failures.append(f"Back did not return the focus to {second.name!r}")
        # Clicking the person still highlighted (no selection change) opens them
        # again. Under xvfb-run there is no window manager: the window sits at
        # the screen's corner, so window coordinates are screen coordinates.
        row = focused_is(app, "list item", second.name)
        if row is not None:
            x, y, width, height = row.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            pyatspi.Registry.generateMouseEvent(x + width // 2, y + height // 2, "b1c")
            if not wait_for(lambda: focused_is(app, "push button", "Back to the list"), 5):
                failures.append(f"clicking {second.name!r} again in the narrow list did not open them")
        if not failures:
            print(f"narrow window: walked to {second.name!r}, opened them, came back, clicked them open")
    finally:
        failures.extend(f"Coplan warned (narrow): {w}" for w in running.stop())
    return failures


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

            failures.extend(check_tab_leaves_list(app))

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
    with tempfile.TemporaryDirectory(prefix="coplan-a11y-narrow-") as home:
        failures.extend(check_folded_walk(coplan, cli, home))
    for failure in failures:
        print("FAIL:", failure)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
