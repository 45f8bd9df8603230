#!/usr/bin/python3
"""Coplan's start-up when something is wrong, driven through AT-SPI.

1. A damaged data file: Coplan says so in plain words, offers the latest
   backup, and after "Restore Latest Backup" shows the caseload again with
   the damaged file kept beside it.
2. Damage deep inside a file that still opens: the start-up health check
   (quick_check, after the first frame) finds it and makes the same offer.
3. A second Coplan on a file the first is using: it says the file is in
   use instead of becoming a second writer.

usage: test-startup.py PATH-TO-coplan PATH-TO-coplan-cli
"""
import glob
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_helpers import (RunningApp, find, make_demo, people_items, press,  # noqa: E402
                           test_environment, wait_for)


def stop(running, failures, name):
    for warning in running.stop():
        failures.append(f"{name}: Coplan warned: {warning}")


def damage_header(db):
    """Overwrites the header: SQLite no longer recognises the file."""
    with open(db, "r+b") as f:
        f.write(b"this is no longer a database " * 4)


def damage_inside(db):
    """Overwrites pages near the end (payments, not people), leaving the
    header and schema intact so the file still opens."""
    page = 4096
    pages = os.path.getsize(db) // page
    with open(db, "r+b") as f:
        for number in range(pages * 3 // 4, pages - 1, 3):
            f.seek(number * page)
            f.write(bytes((number * 37 + i * 11) % 256 for i in range(page)))


def check_damaged_file_is_restored(coplan, cli, home, env, failures, name, damage, payments):
    db = os.path.join(home, name, "coplan.db")
    make_demo(cli, db, env, payments=payments)
    backups = os.path.join(os.path.dirname(db), "backups")
    os.makedirs(backups, mode=0o700)
    subprocess.run([cli, "--db", db, "backup", os.path.join(backups, "coplan-20261101-090000.db")],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    damage(db)

    running = RunningApp(coplan, db, env)
    app = running.app
    try:
        if app is None:
            failures.append(f"{name}: Coplan did not start on a damaged file")
            return
        heading = wait_for(lambda: find(app, "label", contains="data file is damaged"))
        # libadwaita 1.2 names a dialog's response buttons "_Label Label".
        restore = wait_for(lambda: find(app, "push button", contains="Restore Latest Backup"))
        if heading is None or restore is None:
            failures.append(f"{name}: no plain-words offer to restore the damaged file")
            return
        press(restore)
        # The restore runs once the dialog has closed: wait for the damaged
        # file to be moved aside before reading the (new) window's list.
        kept = wait_for(lambda: [k for k in glob.glob(db + ".damaged-*")
                                 if not k.endswith(("-wal", "-shm"))])
        items = wait_for(lambda: (lambda now: now if len(now) == 12 else None)(people_items(app)))
        if not items:
            failures.append(f"{name}: after restoring, the caseload does not show the 12 people")
        if not kept:
            failures.append(f"{name}: the damaged file was not kept beside the restored one")
        print(f"{name}: restored {len(items or [])} people, kept {os.path.basename(kept[0]) if kept else 'nothing'}")
    finally:
        stop(running, failures, name)


def check_second_coplan_is_refused(coplan, cli, home, env, failures):
    db = os.path.join(home, "busy", "coplan.db")
    make_demo(cli, db, env)
    first = RunningApp(coplan, db, env)
    second = None
    try:
        if first.app is None or not wait_for(lambda: people_items(first.app)):
            failures.append("the first Coplan did not show its caseload")
            return
        second = RunningApp(coplan, db, env)
        message = second.app and wait_for(lambda: find(second.app, "label", contains="Another Coplan"))
        if not message:
            failures.append("a second Coplan on the same file did not say the file is in use")
        else:
            print(f"second Coplan: {message.name!r}")
    finally:
        if second is not None:
            stop(second, failures, "second Coplan")
        stop(first, failures, "first Coplan")


def main():
    coplan, cli = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory(prefix="coplan-startup-") as home:
        env = test_environment(home)
        check_damaged_file_is_restored(coplan, cli, home, env, failures,
                                       "damaged header", damage_header, 200)
        check_damaged_file_is_restored(coplan, cli, home, env, failures,
                                       "damaged pages", damage_inside, 20000)
        check_second_coplan_is_refused(coplan, cli, home, env, failures)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{3 - min(3, len(failures))} passed, {min(3, len(failures))} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
