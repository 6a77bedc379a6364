"""gunicorn.conf.py: workers from the CPU count, threads, timeouts, no shared control socket."""

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

from tests.test_settings import GOOD_KEY

ROOT = Path(__file__).resolve().parent.parent


def gunicorn_config(**env):
    result = subprocess.run(
        [str(Path(sys.executable).with_name("gunicorn")), "--print-config", "-c",
         "gunicorn.conf.py", "eurelations.wsgi"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "DJANGO_SECRET_KEY": GOOD_KEY,
             "DJANGO_ALLOWED_HOSTS": "example.org", **env},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return dict(
        (name.strip(), value.strip())
        for name, _, value in (line.partition("=") for line in result.stdout.splitlines())
    )


def test_the_defaults_suit_one_server():
    config = gunicorn_config()
    assert config["workers"] == str(multiprocessing.cpu_count() * 2 + 1)
    assert config["timeout"] == "30"
    # Two instances on one host would share ~/.gunicorn/gunicorn.ctl: off by default.
    assert config["control_socket_disable"] == "True"
    assert "{x-request-id}o" in config["access_log_format"]


def test_a_request_waiting_on_the_database_holds_a_thread_not_a_worker():
    # With sync workers, two requests waiting on a locked table took both of the drill's
    # workers, and cached pages and /healthz waited for the lock (bench/faults.py, phase e).
    config = gunicorn_config()
    assert config["worker_class"] == "gthread"
    assert int(config["threads"]) >= 2
    # gthread would queue a connection behind its busy threads, even with another worker free:
    # it takes one only when a thread is free, and no idle kept-alive connection holds a place.
    assert config["worker_connections"] == config["threads"]
    assert config["keepalive"] == "0"
    threaded = gunicorn_config(GUNICORN_THREADS="8")
    assert threaded["threads"] == threaded["worker_connections"] == "8"
    assert gunicorn_config(GUNICORN_WORKER_CLASS="sync")["worker_class"] == "sync"


def test_each_instance_may_have_its_own_control_socket_and_worker_count(tmp_path):
    socket = str(tmp_path / "one.ctl")
    config = gunicorn_config(GUNICORN_CONTROL_SOCKET=socket, GUNICORN_WORKERS="2")
    assert config["control_socket"] == socket
    assert config["control_socket_disable"] == "False"
    assert config["workers"] == "2"


def test_workers_are_forked_from_a_loaded_application_and_recycled_rarely():
    # Loaded per worker, every recycled worker spent a second importing Django while its
    # requests waited: with max_requests at 5,000 that was every few seconds under load.
    config = gunicorn_config()
    assert config["preload_app"] == "True"
    assert int(config["max_requests"]) >= 50000
    assert gunicorn_config(GUNICORN_PRELOAD="false")["preload_app"] == "False"
