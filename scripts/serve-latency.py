#!/usr/bin/env python3
"""The rebuild in `helhed serve`, measured from the outside: start the real server on a site, listen to its
live-reload stream as a browser tab does, save one article again and again, and time each save until the `reload`
event arrives. Prints JSON (milliseconds, medians and ranges):

- `save_to_reload`: from the moment the file is written to the moment the event is read, everything included (the
  watcher, the debounce wait, the rebuild, sending the event);
- `rebuild`: the same minus the debounce wait, which is a fixed pause for bursts of saves, not work;
- `reported`: the server's own "rebuilt in N ms" line for each save (from the start of the rebuild until the browser
  has been told).

The site's files are edited in place and restored afterwards.

    python3 scripts/serve-latency.py --helhed .build/release/helhed --content .benchmark/n1000/helhed/Content
"""
import argparse, json, os, re, signal, socket, statistics, subprocess, sys, time

# ServeOptions' default debounce, which `helhed serve` uses.
DEBOUNCE_MS = 100


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--helhed", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--templates", default="Templates")
    parser.add_argument("--article", default="artikler/artikel-00500.md")
    parser.add_argument("--edits", type=int, default=20)
    return parser.parse_args()


def read_event(stream, name, deadline):
    """Reads Server-Sent Events until one named `name`; returns the time it was read."""
    event = None
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            raise RuntimeError("the event stream ended")
        line = line.decode("utf-8").rstrip("\r\n")
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line == "" and event is not None:
            if event == name:
                return time.monotonic()
            event = None
    raise RuntimeError(f"no '{name}' event in time")


def main():
    args = parse_args()
    article = os.path.join(args.content, args.article)
    with open(article, "rb") as file:
        original = file.read()
    server = subprocess.Popen([args.helhed, "serve", "--content", args.content, "--templates", args.templates, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        port = None
        deadline = time.monotonic() + 120
        while port is None and time.monotonic() < deadline:
            line = server.stdout.readline().decode("utf-8")
            if not line:
                raise RuntimeError("helhed serve stopped before serving")
            found = re.search(r"Serving.* at http://127\.0\.0\.1:(\d+)/", line)
            if found:
                port = int(found.group(1))
        if port is None:
            raise RuntimeError("helhed serve did not say where it serves")
        connection = socket.create_connection(("127.0.0.1", port))
        connection.sendall(b"GET /__helhed/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        stream = connection.makefile("rb")
        read_event(stream, "hello", time.monotonic() + 10)

        totals, reported = [], []
        for edit in range(args.edits):
            time.sleep(0.4)  # quiet, so that each save is a rebuild of its own
            with open(article, "wb") as file:
                file.write(original + f"\nEndnu en sætning, nummer {edit}.\n".encode("utf-8"))
            written = time.monotonic()
            received = read_event(stream, "reload", written + 10)
            totals.append((received - written) * 1000)
            while True:
                line = server.stdout.readline().decode("utf-8")
                if not line:
                    raise RuntimeError("helhed serve stopped")
                if os.environ.get("SERVE_LATENCY_VERBOSE"):
                    print(line.rstrip(), file=sys.stderr)
                found = re.search(r"rebuilt in (\d+) ms", line)
                if found:
                    reported.append(int(found.group(1)))
                    break
        connection.close()
    finally:
        with open(article, "wb") as file:
            file.write(original)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()

    def summary(values):
        return {"median": round(statistics.median(values), 1), "min": round(min(values), 1), "max": round(max(values), 1)}

    print(json.dumps({
        "edits": len(totals),
        "debounce_ms": DEBOUNCE_MS,
        "save_to_reload": summary(totals),
        "rebuild": summary([total - DEBOUNCE_MS for total in totals]),
        "reported": summary(reported) if reported else None,
    }))


if __name__ == "__main__":
    try:
        main()
    except RuntimeError as error:
        print(f"serve-latency: {error}", file=sys.stderr)
        sys.exit(1)
