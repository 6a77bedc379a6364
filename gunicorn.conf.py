"""gunicorn's settings for production: ``gunicorn -c gunicorn.conf.py eurelations.wsgi``.

Every value can be changed from the environment (GUNICORN_*), so one file serves a laptop, a
container and a server with many cores.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# 2 per core plus one keeps the cores busy while a worker waits on the database.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Threads, each with its own database connection: a request waiting on the database (a locked
# table, a slow query) holds a thread, not its worker. With sync workers, two such requests took
# both of the fault drill's workers and cached pages waited 8 s (bench/faults.py, phase e).
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A worker takes a connection only when one of its threads is free; otherwise gthread queues it
# behind requests that may be waiting on a locked table while another worker has a thread free.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", threads))

# A worker silent for longer than this is killed and replaced. Under gthread that is the worker's
# own loop, not a request: a request is bounded by what it waits on instead, the database's
# statement and lock timeouts (DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_LOCK_TIMEOUT_MS), its
# connect timeout and the cache's (REDIS_TIMEOUT_SECONDS).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# An idle kept-alive connection would take one of those places (sync workers keep none).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "0"))
# The application is loaded once, in the master, and each worker is forked with it: a worker
# that is recycled or replaced after a crash serves at once, instead of importing Django and
# the project again (a second or so, during which its requests waited). GUNICORN_PRELOAD=false
# loads it in each worker instead (needed only to reload code with a HUP).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() not in {"0", "false", "no"}
# Recycle workers now and then: bounds the memory any slow leak can take. Not too often: a
# cached page takes under a millisecond, so 5,000 requests went by in a few seconds.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10


def pre_fork(server, worker):
    # What the master has loaded (Django, the project, the templates' modules) lives as long
    # as the worker: out of the collector's sight, a worker's collections do not walk it again
    # and again, nor write to the memory it shares with the master.
    gc.freeze()


# The control socket is shared by every gunicorn of a user when left at its default
# (~/.gunicorn/gunicorn.ctl): off unless a path of this instance's own is given.
_control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
if _control_socket:
    control_socket = _control_socket
else:
    control_socket_disable = True

# Django writes the one line per request (with its id) and the errors to stdout
# (eurelations.logging). gunicorn's own access log is off unless asked for; its format names
# the same request id (the X-Request-ID response header).
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms id=%({x-request-id}o)s "%(a)s"'
# The load balancer's address may set X-Forwarded-Proto (Django's SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
