#!/usr/bin/env python3
"""One QMP command against a QEMU monitor socket: qmp.py SOCKET COMMAND [ARGUMENTS-JSON].

Prints the command's "return" value as JSON; exits 1 with QEMU's error on standard error. Events are skipped.
The arguments travel as one JSON document (data, never a command line)."""
import json
import socket
import sys


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    path, command = sys.argv[1], sys.argv[2]
    arguments = json.loads(sys.argv[3]) if len(sys.argv) == 4 else {}
    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(30)
        sock.connect(path)
        stream = sock.makefile("rw")
        json.loads(stream.readline())  # greeting
        for name, args in (("qmp_capabilities", {}), (command, arguments)):
            stream.write(json.dumps({"execute": name, "arguments": args}) + "\n")
            stream.flush()
            while True:
                reply = json.loads(stream.readline())
                if "event" in reply:
                    continue
                if "error" in reply:
                    print(f"{name}: {reply['error'].get('desc', reply['error'])}", file=sys.stderr)
                    sys.exit(1)
                break
    print(json.dumps(reply["return"]))


if __name__ == "__main__":
    main()
