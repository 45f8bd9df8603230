#!/usr/bin/python3
"""Nothing typed in a plan is lost, even when Coplan is killed.

Starts the real app on an empty database, adds a person, opens the Plan
tab, answers "Who is writing today?", adds an entry and types into it
through AT-SPI, as a screen reader user would. About a second later (after
the autosave) the app is killed with SIGKILL, with no chance to save on the
way out. Coplan is started again: the words are in the database, and the
Plan tab shows them, typed by the person who said who was writing.

Before that, real keys show that Ctrl+Z first undoes typing not yet saved
(the text box's own undo), then a saved edit (the plan's undo), and that
Ctrl+Shift+Z redoes it.

usage: test-plan-session.py PATH-TO-coplan PATH-TO-coplan-cli
"""
import os
import signal
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyatspi  # noqa: E402
from atspi_helpers import RunningApp, press, test_environment, wait_for  # noqa: E402

WORDS = "I love the sea, my cat Pixel, and Sunday lunch with my sister"
SECTION = "What people like and admire about me"


def walk_alive(node):
    """Like walk(), but a child that went away (a closed dialog) skips only itself."""
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield from walk_alive(child)


def nodes(app, roles):
    """Every node with one of @roles."""
    for node in walk_alive(app):
        try:
            if node.getRoleName() in roles:
                yield node
        except Exception:
            continue


def find_text(app, name):
    """The text box a screen reader reads by @name (GTK 4.8: role text or entry)."""
    return next((n for n in nodes(app, ("text", "entry")) if n.name == name), None)


def type_into(node, text):
    editable = node.queryEditableText()
    editable.insertText(0, text, len(text))


def read_text(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def find_button(app, contains):
    """GTK 4.8 adds a button's inner label to its name ("_Label Label"); match on the words."""
    return next((n for n in nodes(app, ("push button",)) if contains in n.name), None)


def open_plan_tab(app):
    tab = wait_for(lambda: next((n for n in nodes(app, ("page tab",)) if n.name == "Plan"), None))
    if tab is None:
        return False
    press(tab)
    return True


def answer_who_is_writing(app, failures):
    name = wait_for(lambda: find_text(app, "Your name"), 10)
    if name is None:
        failures.append("opening the Plan tab did not ask \"Who is writing today?\"")
        return
    type_into(name, "Sam Patel")
    role = find_text(app, "Your role (for example advocate, daughter)")
    if role is not None:
        type_into(role, "advocate")
    start = wait_for(lambda: find_button(app, "Start Writing"), 5)
    if start is None:
        failures.append("the \"Who is writing today?\" dialog has no Start Writing button")
        return
    press(start)


CONTROL_L, SHIFT_L = 37, 50  # X keycodes on Xvfb's default keymap


def ctrl_z(shift=False):
    key = pyatspi.Registry.generateKeyboardEvent
    key(CONTROL_L, None, pyatspi.KEY_PRESS)
    if shift:
        key(SHIFT_L, None, pyatspi.KEY_PRESS)
    key(ord("z"), None, pyatspi.KEY_SYM)
    if shift:
        key(SHIFT_L, None, pyatspi.KEY_RELEASE)
    key(CONTROL_L, None, pyatspi.KEY_RELEASE)


def stored_given_name(db):
    with sqlite3.connect(db) as connection:
        row = connection.execute("SELECT given_name FROM person WHERE deleted = 0").fetchone()
    return row[0] if row else None


def stored_bodies(db):
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT body FROM plan_entry WHERE deleted = 0")]


def check_undo_keys(text, db, failures):
    """The focus is in a new, empty entry."""
    def expect(shown, stored, what):
        got = wait_for(lambda: read_text(text) == shown and stored_bodies(db) == [stored], 5)
        if not got:
            failures.append(f"{what}: the box shows {read_text(text)!r} and the database "
                            f"{stored_bodies(db)!r}, not {shown!r} and {stored!r}")
        return got

    pyatspi.Registry.generateKeyboardEvent(0, "hello", pyatspi.KEY_STRING)
    if not expect("hello", "hello", "typing, then a pause"):
        return
    pyatspi.Registry.generateKeyboardEvent(0, " world", pyatspi.KEY_STRING)
    ctrl_z()
    if not expect("hello", "hello", "Ctrl+Z at once after typing"):
        return
    ctrl_z()
    if not expect("", "", "Ctrl+Z after the words were saved"):
        return
    ctrl_z(shift=True)
    if not expect("hello", "hello", "Ctrl+Shift+Z"):
        return
    ctrl_z()
    if expect("", "", "Ctrl+Z again"):
        print("Ctrl+Z undid unsaved typing first, then the saved words; Ctrl+Shift+Z redid them")


def write_and_kill(coplan, db, env, failures):
    running = RunningApp(coplan, db, env)
    app = running.app
    if app is None:
        failures.append("Coplan never appeared on the accessibility bus")
        return
    add_person = wait_for(lambda: find_button(app, "Add a Person"))
    if add_person is None:
        failures.append("no Add a Person button on the welcome page")
        running.stop()
        return
    press(add_person)
    given = wait_for(lambda: find_text(app, "Given name"))
    if given is None:
        failures.append("adding a person did not show the Given name field")
        running.stop()
        return
    type_into(given, "Amina")
    if not wait_for(lambda: stored_given_name(db) == "Amina", 5):
        # Typed while the new person's page was still being filled: say so, type again.
        print(f"the given name was not saved (the box shows {read_text(given)!r}); typing it again")
        type_into(given, "Amina") if read_text(given) == "" else None
        if not wait_for(lambda: stored_given_name(db) == "Amina", 5):
            failures.append("the given name typed on the Profile tab was not saved")
    if not open_plan_tab(app):
        failures.append("no Plan tab")
        running.stop()
        return
    answer_who_is_writing(app, failures)
    add = wait_for(lambda: find_button(app, f"Add to “{SECTION}”"))
    if add is None:
        failures.append(f"no Add button for “{SECTION}”")
        running.stop()
        return
    press(add)
    text = wait_for(lambda: find_text(app, f"{SECTION}, entry 1 of 1"))
    if text is None:
        failures.append("Add did not make an entry to type into")
        running.stop()
        return
    check_undo_keys(text, db, failures)
    type_into(text, WORDS)
    # The autosave waits half a second after the last keystroke; allow a second.
    time.sleep(1.0)
    running.process.send_signal(signal.SIGKILL)
    running.process.wait()
    running.log.close()
    print("typed into the plan and killed Coplan with SIGKILL one second later")


def stored_words(db):
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT plan_entry.body, contributor.name FROM plan_entry "
            "LEFT JOIN contributor ON contributor.id = plan_entry.author_id "
            "WHERE plan_entry.deleted = 0").fetchall()
    return rows


def reopen_and_read(coplan, db, env, failures):
    running = RunningApp(coplan, db, env)
    try:
        app = running.app
        if app is None:
            failures.append("Coplan did not start again after being killed")
            return
        person = wait_for(lambda: next((n for n in nodes(app, ("list item",)) if n.name.startswith("Amina")), None))
        if person is None:
            shown = [n.name for n in nodes(app, ("list item",))]
            failures.append(f"after the restart, Amina is not in the caseload: {shown!r}")
            return
        x, y, width, height = person.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        pyatspi.Registry.generateMouseEvent(x + width // 2, y + height // 2, "b1c")
        if not wait_for(lambda: find_text(app, "Given name"), 10) or not open_plan_tab(app):
            failures.append("after the restart, could not open Amina's Plan tab")
            return
        not_now = wait_for(lambda: find_button(app, "Not Now"), 5)
        if not_now is not None:
            press(not_now)
        text = wait_for(lambda: find_text(app, f"{SECTION}, entry 1 of 1"))
        shown = read_text(text) if text is not None else None
        if shown != WORDS:
            failures.append(f"after the restart the Plan tab shows {shown!r}, not what was typed")
        else:
            print(f"after the restart the Plan tab shows {shown!r}")
    finally:
        failures.extend(f"Coplan warned: {w}" for w in running.stop())


def main():
    coplan = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory(prefix="coplan-plan-") as home:
        env = test_environment(home)
        db = os.path.join(home, "coplan", "coplan.db")
        write_and_kill(coplan, db, env, failures)
        if not failures:
            rows = stored_words(db)
            if (WORDS, "Sam Patel") not in rows:
                failures.append(f"the database holds {rows!r}, not the words typed by Sam Patel")
            else:
                print("the database holds the words, typed by Sam Patel")
            reopen_and_read(coplan, db, env, failures)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
