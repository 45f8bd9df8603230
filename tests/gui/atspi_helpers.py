"""Shared by the AT-SPI tests: start Coplan, find it on the bus, read its tree."""
import os
import re
import subprocess
import tempfile
import time

import pyatspi


def wait_for(predicate, timeout=20.0):
    """Polls until predicate() gives something true, or None after the timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(0.2)
    return None


def find_app(pid):
    for app in pyatspi.Registry.getDesktop(0):
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def walk(node):
    try:
        children = list(node)
    except Exception:
        return
    yield node
    for child in children:
        yield from walk(child)


def find(app, role, name=None, contains=None):
    for node in walk(app):
        if node.getRoleName() != role:
            continue
        if name is not None and node.name != name:
            continue
        if contains is not None and contains not in node.name:
            continue
        return node
    return None


def people_items(app):
    people = find(app, "list", name="People")
    return [item for item in people if item.getRoleName() == "list item"] if people else []


def make_demo(cli, db, env, people=12, payments=200):
    subprocess.run([cli, "--db", db, "demo", "--people", str(people), "--payments", str(payments),
                    "--seed", "3"], env=env, check=True, stdout=subprocess.DEVNULL)


def test_environment(home):
    env = dict(os.environ, XDG_DATA_HOME=home, GSETTINGS_BACKEND="memory")
    env.pop("GTK_A11Y", None)
    return env


def press(button):
    """Clicks a button the way assistive technology does."""
    action = button.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    action.doAction(0)


class RunningApp:
    """Coplan started on a database, its stderr kept so warnings can be checked."""

    def __init__(self, coplan, db, env):
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen([coplan, "--db", db], env=env, stderr=self.log)
        self.app = wait_for(lambda: find_app(self.process.pid))

    def stop(self):
        """Ends the app; returns the GLib warnings and criticals it printed."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.seek(0)
        text = self.log.read()
        self.log.close()
        return [line for line in text.splitlines()
                if re.search(r"-(CRITICAL|WARNING) \*\*", line)]
