#!/usr/bin/env python3
"""The README's commands, with nothing but Python 3.11 needed to start.

    python3 dev.py run [ADDRPORT]
                            set up (virtualenv, packages, catalogues, database, seed content,
                            local admin login) and serve the site on http://127.0.0.1:8000/
                            (or ADDRPORT, as runserver takes it: 8001, 127.0.0.1:8001)
    python3 dev.py test     set up and run the whole test suite (SQLite unless DATABASE_URL is set)

Other steps: setup, messages (refresh the catalogues, django and djangojs), screenshots, bench, production (the
production stack on this machine), faults (the fault drill).
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
DEV_REQUIREMENTS = "requirements-dev.txt"  # includes requirements.txt


def sh(*args, env=None):
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env={**os.environ, **(env or {})})


def manage(*args, settings="eurelations.settings.dev"):
    sh(PY, "manage.py", *args, env={"DJANGO_SETTINGS_MODULE": settings})


def install():
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".requirements"
    # The site's packages and the tools' (tests, lint): production installs requirements.txt only.
    wanted = "".join((ROOT / name).read_text() for name in ("requirements.txt", DEV_REQUIREMENTS))
    if not stamp.exists() or stamp.read_text() != wanted:
        sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        sh(PY, "-m", "pip", "install", "--quiet", "-r", DEV_REQUIREMENTS)
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
    noto_fonts()
    return debian_package("chromium", "chromium", "fonts-noto-core")


def noto_fonts():
    """Debian's Noto fonts: what Chromium draws Arabic with, and tools/subset_fonts.py's source.
    Checked by their files, not by a command: a Chromium installed on its own lacks them."""
    if Path("/usr/share/doc/fonts-noto-core/copyright").exists():
        return True
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    sh("apt-get", "update", "-qq")
    sh(
        "apt-get",
        "install",
        "-y",
        "-qq",
        "fonts-noto-core",
        env={"DEBIAN_FRONTEND": "noninteractive"},
    )
    return Path("/usr/share/doc/fonts-noto-core/copyright").exists()


def gettext():
    """GNU gettext: Django's makemessages and compilemessages and the catalogue check run its
    msgfmt, xgettext and msgmerge."""
    if not debian_package("msgfmt", "gettext"):
        sys.exit("GNU gettext is needed (msgfmt): install the gettext package, then try again.")


#: What makemessages and compilemessages leave alone (the catalogue check extracts the same).
MESSAGES_IGNORE = [".venv", "staticfiles", "tests", "bench", "node_modules"]


def compile_catalogues(settings="eurelations.settings.dev"):
    gettext()
    manage(
        "compilemessages",
        *(f"--ignore={pattern}" for pattern in MESSAGES_IGNORE),
        settings=settings,
    )


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


def run(addrport="127.0.0.1:8000"):
    address = addrport if ":" in addrport else f"127.0.0.1:{addrport}"
    # The pages' absolute links (canonical, sitemap, feeds) name the address served.
    os.environ.setdefault("DJANGO_SITE_URL", f"http://{address}")
    setup()
    manage("ensure_local_admin")
    print(f"Serving http://{address}/ (the admin: http://{address}/admin/)", flush=True)
    manage("runserver", address)


def test(*pytest_args):
    install()
    compile_catalogues()
    if not chromium():
        print("Chromium not found: browser tests will be skipped (they fail when CI=true).")
    checkers()
    wrk()  # tests/test_readme_commands.py runs the bench
    varnish()  # tests/test_edge_cache.py puts it in front of gunicorn
    sh(BIN / "pytest", *pytest_args, env={"DJANGO_SETTINGS_MODULE": "eurelations.settings.test"})


def messages():
    install()
    gettext()
    # Django's admin scripts' msgids, where makemessages -d djangojs reads them: our djangojs
    # catalogues serve them in the admin (translations.admin_javascript).
    sh(PY, "-m", "translations.admin_javascript")
    for domain in ("django", "djangojs"):
        manage(
            "makemessages",
            "--all",
            "--no-location",
            f"--domain={domain}",
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


def varnish():
    """The edge cache of deploy/varnish/, with the xkey module it purges by (varnish-modules)."""
    return debian_package("varnishd", "varnish", "varnish-modules")


def wrk():
    """The bench's load generator (without it the bench falls back to a slower Python client)."""
    return debian_package("wrk", "wrk")


def bench(*args):
    install()
    wrk()
    sh(PY, "bench/run.py", *args)


def production():
    """The production stack on this machine: gunicorn (gunicorn.conf.py) with the production
    settings, against the PostgreSQL of DATABASE_URL and the Redis of REDIS_URL."""
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            sys.exit(f"Set {name} (PostgreSQL and Redis): see the README.")
    install()
    key_file = VENV / ".production-secret-key"  # kept, so sessions survive a restart
    if not key_file.exists():
        import secrets

        key_file.write_text(secrets.token_urlsafe(50))
    env = {
        "DJANGO_SETTINGS_MODULE": "eurelations.settings.prod",
        "DJANGO_SECRET_KEY": key_file.read_text(),
        "DJANGO_ALLOWED_HOSTS": os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1"),
        # Plain http on this machine: no redirect to https, no HSTS.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_STATIC_ROOT": str(ROOT / "staticfiles"),
        # The address it is opened at (below), not https:// and the first allowed host.
        "DJANGO_SITE_URL": "http://localhost:"
        + os.environ.get("GUNICORN_BIND", "8000").rpartition(":")[2],
        **os.environ,
    }
    os.environ.update(env)
    settings = "eurelations.settings.prod"
    compile_catalogues(settings=settings)
    manage("migrate", "--noinput", settings=settings)
    manage("collectstatic", "--noinput", "-v0", settings=settings)
    manage("load_seed_content", settings=settings)
    manage("ensure_local_admin", settings=settings)
    if env.get("DJANGO_OTP_REQUIRED", "true").lower() in {"1", "true", "yes", "on"}:
        admin = env.get("DJANGO_SUPERUSER_USERNAME", "admin")
        manage("enrol_totp", admin, "--replace", settings=settings)
    bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
    port = bind.rpartition(":")[2]
    print(f"Open http://localhost:{port}/ (the admin's cookies are Secure: use localhost)")
    # The production settings whatever DJANGO_SETTINGS_MODULE the shell had.
    sh(
        BIN / "gunicorn", "-c", "gunicorn.conf.py", "eurelations.wsgi",
        env={"GUNICORN_BIND": bind, "DJANGO_SETTINGS_MODULE": settings},
    )  # fmt: skip


def faults(*args):
    install()
    sh(PY, "bench/faults.py", *args)


COMMANDS = {
    f.__name__: f for f in (run, setup, test, messages, screenshots, bench, production, faults)
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    try:
        COMMANDS[sys.argv[1]](*sys.argv[2:])
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
