#!/usr/bin/env python3
"""Load check for `helhed serve`: 32 keep-alive connections for 10 seconds while an article is saved again and
again (valid saves, with one broken save in between that is fixed on the next), then Ctrl-C.

Runs against a copy of Content/ and Templates/ in a temporary folder, on a free port on 127.0.0.1, and only there.
Every request loop is bounded in time; the script stops by itself. Needs only Python 3 and a built `helhed`
(swift build). Exit status 0 means: no failed request, no crash, a clean stop and a free port.

    python3 scripts/serve-load.py [--connections 32] [--seconds 10] [--helhed .build/debug/helhed]
"""
import argparse, asyncio, os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATHS = ["/", "/artikler/", "/ordforklaringer/", "/emner/", "/billeder/boligomraade.svg", "/findes-ikke/"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--save-interval", type=float, default=0.25)
    parser.add_argument("--helhed", default=os.path.join(REPO, ".build", "debug", "helhed"))
    return parser.parse_args()


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", ""):
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            body += chunk[:-2]
    else:
        body = await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers, body


async def client(number, port, deadline, results):
    reader = writer = None
    index = number
    while time.monotonic() < deadline:
        path = PATHS[index % len(PATHS)]
        index += 1
        expected = 404 if path == "/findes-ikke/" else 200
        started = time.monotonic()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            await writer.drain()
            status, headers, body = await asyncio.wait_for(read_response(reader), timeout=10)
            results["latency"].append(time.monotonic() - started)
            results["bytes"] += len(body)
            results["status"][status] = results["status"].get(status, 0) + 1
            if status != expected:
                results["failures"].append(f"{path}: status {status}")
            elif path.endswith("/") and b"data-helhed-live-reload" not in body:
                results["failures"].append(f"{path}: HTML without the live-reload script")
        except Exception as error:  # a failed request: record it and reconnect
            results["failures"].append(f"{path}: {type(error).__name__}: {error}")
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def saver(article, deadline, interval, counts):
    original = open(article, encoding="utf-8").read()
    round_number = 0
    while time.monotonic() < deadline:
        round_number += 1
        broken = round_number % 10 == 5  # now and then a save that does not build, fixed by the next one
        text = original.replace("title:", "title: [ufærdig", 1) if broken else original + f"\n\nGemt for {round_number}. gang.\n"
        temporary = article + ".tmp~"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, article)  # an editor's atomic save
        counts["saves"] += 1
        await asyncio.sleep(interval)
    with open(article, "w", encoding="utf-8") as handle:
        handle.write(original)


async def main():
    args = parse_args()
    args.helhed = os.path.abspath(args.helhed)
    if not os.path.exists(args.helhed):
        sys.exit(f"{args.helhed} does not exist; run swift build first")
    work = tempfile.mkdtemp(prefix="helhed-serve-load-")
    shutil.copytree(os.path.join(REPO, "Content"), os.path.join(work, "Content"))
    shutil.copytree(os.path.join(REPO, "Templates"), os.path.join(work, "Templates"))
    article = os.path.join(work, "Content", "artikler", "kolding-sociale-effektinvesteringer.md")

    server = subprocess.Popen([args.helhed, "serve", "--port", "0"], cwd=work, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, bufsize=1)
    port = None
    for line in server.stdout:
        match = re.search(r"127\.0\.0\.1:(\d+)", line)
        if match:
            port = int(match.group(1))
        if "Ctrl-C" in line:
            break
    if port is None:
        sys.exit("the server did not start")
    output = []
    loop = asyncio.get_running_loop()
    reader_task = loop.run_in_executor(None, lambda: output.extend(server.stdout))

    results = {"latency": [], "bytes": 0, "status": {}, "failures": []}
    counts = {"saves": 0}
    deadline = time.monotonic() + args.seconds
    started = time.monotonic()
    await asyncio.gather(saver(article, deadline, args.save_interval, counts),
                         *(client(number, port, deadline, results) for number in range(args.connections)))
    elapsed = time.monotonic() - started

    await asyncio.sleep(1.5)  # let the last rebuild finish
    stop_started = time.monotonic()
    server.send_signal(signal.SIGINT)
    try:
        exit_code = server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        exit_code = "did not stop within 15 s"
    stop_seconds = time.monotonic() - stop_started
    await reader_task
    probe = socket.socket()
    try:
        probe.bind(("127.0.0.1", port))
        port_free = True
    except OSError:
        port_free = False
    finally:
        probe.close()
    shutil.rmtree(work, ignore_errors=True)

    latencies = sorted(results["latency"])
    rebuilt = sum(1 for line in output if "→ rebuilt in" in line)
    failed_rebuilds = sum(1 for line in output if "→ the rebuild failed" in line)
    rebuild_ms = [int(m.group(1)) for line in output for m in [re.search(r"rebuilt in (\d+) ms", line)] if m]
    print(f"connections: {args.connections}, duration: {elapsed:.1f} s, saves: {counts['saves']}")
    print(f"requests: {len(latencies)} ({len(latencies) / elapsed:.0f}/s), {results['bytes'] / 1e6:.1f} MB, statuses: {results['status']}")
    if latencies:
        print(f"latency: p50 {statistics.median(latencies) * 1000:.1f} ms, p99 {latencies[int(len(latencies) * 0.99) - 1] * 1000:.1f} ms, "
              f"max {latencies[-1] * 1000:.1f} ms")
    print(f"rebuilds: {rebuilt} succeeded, {failed_rebuilds} failed on purpose"
          + (f"; rebuild time median {statistics.median(rebuild_ms)} ms, max {max(rebuild_ms)} ms" if rebuild_ms else ""))
    print(f"failed requests: {len(results['failures'])}")
    for failure in results["failures"][:10]:
        print("  " + failure)
    print(f"stop: exit code {exit_code} after {stop_seconds:.2f} s; port {port} free afterwards: {port_free}")
    ok = not results["failures"] and exit_code == 0 and port_free and rebuilt > 0
    print("serve-load: " + ("OK" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


asyncio.run(main())
