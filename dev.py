#!/usr/bin/env python3
"""The README's commands, with nothing but Python 3.11 needed to start.

    python3 dev.py run      set up (virtualenv, packages, catalogues, database, seed content,
                            local admin login) and serve the site on http://127.0.0.1:8000/
    python3 dev.py test     set up and run the whole test suite (SQLite unless DATABASE_URL is set)

Other steps: setup, messages (refresh the catalogues), screenshots, bench.
"""

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def sh(*args, env=None):
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env={**os.environ, **(env or {})})


def manage(*args, settings="eurelations.settings.dev"):
    sh(PY, "manage.py", *args, env={"DJANGO_SETTINGS_MODULE": settings})


def install():
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".requirements"
    wanted = (ROOT / "requirements.txt").read_text()
    if not stamp.exists() or stamp.read_text() != wanted:
        sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        sh(PY, "-m", "pip", "install", "--quiet", "-r", "requirements.txt")
        stamp.write_text(wanted)


def debian_package(command, *packages):
    """The path of ``command``, installing Debian's ``packages`` for it when it is missing and we
    are root on a machine with apt-get (None when it is still missing)."""
    found = shutil.which(command)
    if found or sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    sh("apt-get", "update", "-qq")
    sh("apt-get", "install", "-y", "-qq", *packages, env={"DEBIAN_FRONTEND": "noninteractive"})
    return shutil.which(command)


def chromium():
    """Debian's Chromium for the browser tests: Playwright never downloads a browser of its own."""
    return debian_package("chromium", "chromium", "fonts-noto-core")


def gettext():
    """GNU gettext: Django's makemessages and compilemessages and the catalogue check run its
    msgfmt, xgettext and msgmerge."""
    if not debian_package("msgfmt", "gettext"):
        sys.exit("GNU gettext is needed (msgfmt): install the gettext package, then try again.")


#: What makemessages and compilemessages leave alone (the catalogue check extracts the same).
MESSAGES_IGNORE = [".venv", "staticfiles", "tests", "bench"]


def compile_catalogues():
    gettext()
    manage("compilemessages", *(f"--ignore={pattern}" for pattern in MESSAGES_IGNORE))


def checkers():
    """The page checkers the tests run: the Nu HTML Checker (vnu.jar, from npm, on Debian's
    headless Java) and axe-core (from npm, injected into Chromium), pinned in package-lock.json.
    npm's install scripts are skipped: vnu-jar's would download a Java of its own."""
    if not shutil.which("java") and sys.platform == "linux" and os.geteuid() == 0:
        if shutil.which("apt-get"):
            sh("apt-get", "update", "-qq")
            sh(
                "apt-get", "install", "-y", "-qq", "default-jre-headless",
                env={"DEBIAN_FRONTEND": "noninteractive"},
            )  # fmt: skip
    if not shutil.which("npm"):
        return
    stamp = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        sh("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")


def setup():
    install()
    compile_catalogues()
    manage("migrate", "--noinput")
    manage("load_seed_content")


def run():
    setup()
    manage("ensure_local_admin")
    manage("runserver", "127.0.0.1:8000")


def test(*pytest_args):
    install()
    compile_catalogues()
    if not chromium():
        print("Chromium not found: browser tests will be skipped (they fail when CI=true).")
    checkers()
    sh(BIN / "pytest", *pytest_args, env={"DJANGO_SETTINGS_MODULE": "eurelations.settings.test"})


def messages():
    install()
    gettext()
    manage(
        "makemessages",
        "--all",
        "--no-location",
        *(f"--ignore={pattern}" for pattern in MESSAGES_IGNORE),
    )
    compile_catalogues()


def screenshots(*args):
    install()
    compile_catalogues()
    chromium()
    sh(
        BIN / "pytest", "tests/e2e/test_screenshots.py", "--screenshots",
        *(args or ["docs/screenshots"]),
        env={"DJANGO_SETTINGS_MODULE": "eurelations.settings.test"},
    )  # fmt: skip


def bench(*args):
    install()
    sh(PY, "bench/run.py", *args)


COMMANDS = {f.__name__: f for f in (run, setup, test, messages, screenshots, bench)}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    try:
        COMMANDS[sys.argv[1]](*sys.argv[2:])
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
