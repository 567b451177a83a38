#!/usr/bin/python3
"""The real os-brick, in-process, driven by the bed benchmark (tests/system/bench/guest-bench.sh).

Runs as root inside the QEMU bed with Debian's python3-os-brick, the way a node agent (Nova's compute)
uses it: one long-lived process, InitiatorConnector.factory('ISCSI', ...) per multipath setting,
iscsid's defaults (os-brick never sets login_timeout or initial_login_retry_max), the external
'connect_volume' lock in a lock directory. privsep runs in-process (set_client_mode(False)): the same
functions run, without the privsep daemon's fork and socket round trips (as root there is nothing to
escalate), so os-brick is measured at its fastest.

Protocol: one JSON command per line on standard input, one JSON answer per line on standard output.
  {"op": "connect", "multipath": false, "data": {...connection_info data...}}
  {"op": "disconnect", "multipath": false, "data": {...}, "device_info": {...from connect...}}
  {"op": "connect_many" | "disconnect_many", "multipath": false, "items": [{"data": ..., "device_info": ...}]}
  {"op": "quit"}
Answers carry "ok", "ms" (wall time of the os-brick call), "procs" (processes started, counted by
wrapping oslo.concurrency's processutils.execute, the single place os-brick starts processes through),
"cmds" (each command with its duration and exit code; passwords masked), and "path"/"device_info" or
"error_type"/"error".
"""
import json
import os
import sys
import threading
import time

# Keep standard output for the protocol: whatever a library prints goes to standard error.
_protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
sys.stdout = sys.stderr

from oslo_concurrency import lockutils  # noqa: E402
from oslo_concurrency import processutils  # noqa: E402
from oslo_config import cfg  # noqa: E402
from oslo_utils import strutils  # noqa: E402

import os_brick  # noqa: E402
from os_brick import privileged  # noqa: E402
from os_brick.initiator import connector as brick_connector  # noqa: E402

LOCK_PATH = os.environ.get("OSBRICK_LOCK_PATH", "/run/lock/os-brick-bench")

_real_execute = processutils.execute
# The commands of the call in progress. os-brick runs a multipath attach's logins on threads of its own,
# so the record is process-wide (one call at a time, or one batch of concurrent calls), not per thread.
_gate = threading.Lock()
_calls = None
_start = None


def _counting_execute(*cmd, **kwargs):
    """processutils.execute, recording every process os-brick starts."""
    record = {"cmd": strutils.mask_password(" ".join(str(c) for c in cmd)), "t": _since_call_start()}
    t0 = time.monotonic()
    try:
        result = _real_execute(*cmd, **kwargs)
        record["rc"] = 0
        return result
    except processutils.ProcessExecutionError as e:
        record["rc"] = e.exit_code
        raise
    finally:
        record["ms"] = round((time.monotonic() - t0) * 1000, 1)
        with _gate:
            if _calls is not None:
                _calls.append(record)


def _since_call_start():
    return None if _start is None else round((time.monotonic() - _start) * 1000, 1)


def _begin():
    global _calls, _start
    with _gate:
        _calls, _start = [], time.monotonic()


def _end():
    global _calls, _start
    with _gate:
        calls, _calls, _start = _calls, None, None
    return calls


def setup():
    os.makedirs(LOCK_PATH, exist_ok=True)
    cfg.CONF([], project="osbrick-bench", default_config_files=[])
    cfg.CONF.set_override("lock_path", LOCK_PATH, group="oslo_concurrency")
    os_brick.setup(cfg.CONF)
    privileged.default.set_client_mode(False)
    processutils.execute = _counting_execute
    lockutils.set_defaults(LOCK_PATH)


_connectors = {}


def connector(multipath):
    if multipath not in _connectors:
        _connectors[multipath] = brick_connector.InitiatorConnector.factory(
            "ISCSI", None, use_multipath=multipath)
    return _connectors[multipath]


def one(op, multipath, data, device_info=None, recorded=True):
    """Runs one os-brick call; returns the answer (with its commands when recorded)."""
    if recorded:
        _begin()
    t0 = time.monotonic()
    answer = {"ok": True}
    try:
        if op == "connect":
            info = connector(multipath).connect_volume(data)
            answer["path"] = info.get("path")
            answer["device_info"] = {k: v for k, v in info.items() if isinstance(v, (str, int, float, bool, type(None), list, dict))}
        else:
            connector(multipath).disconnect_volume(data, device_info or {}, force=False, ignore_errors=False)
    except Exception as e:  # the benchmark reports whatever os-brick raised
        answer["ok"] = False
        answer["error_type"] = type(e).__name__
        answer["error"] = strutils.mask_password(str(e))[:400]
    answer["ms"] = round((time.monotonic() - t0) * 1000, 1)
    if recorded:
        answer["cmds"] = _end()
        answer["procs"] = len(answer["cmds"])
    return answer


def many(op, multipath, items):
    """Runs the calls on one thread each, all started together (as concurrent attaches on a node)."""
    answers = [None] * len(items)
    barrier = threading.Barrier(len(items))

    def run(i, item):
        barrier.wait()
        answers[i] = one(op, multipath, item["data"], item.get("device_info"), recorded=False)

    threads = [threading.Thread(target=run, args=(i, item)) for i, item in enumerate(items)]
    _begin()
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ms = round((time.monotonic() - t0) * 1000, 1)
    calls = _end()
    return {"ok": all(a["ok"] for a in answers), "ms": ms, "procs": len(calls), "items": answers}


def main():
    setup()
    _protocol.write(json.dumps({"ready": True, "os_brick": getattr(os_brick, "__version__", None) or _version()}) + "\n")
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        cmd = json.loads(line)
        op = cmd["op"]
        if op == "quit":
            break
        multipath = bool(cmd.get("multipath", False))
        if op in ("connect", "disconnect"):
            answer = one(op, multipath, cmd["data"], cmd.get("device_info"))
        elif op in ("connect_many", "disconnect_many"):
            answer = many(op.split("_")[0], multipath, cmd["items"])
        else:
            answer = {"ok": False, "error_type": "BadCommand", "error": "unknown op " + op}
        _protocol.write(json.dumps(answer) + "\n")


def _version():
    try:
        from importlib.metadata import version
        return version("os-brick")
    except Exception:
        return "unknown"


if __name__ == "__main__":
    main()
