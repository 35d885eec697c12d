"""Summarises a JFR recording's execution samples: the top leaf frames (self time), the top frames anywhere on the
stack (inclusive time), and the share of samples whose stack passes through each of a few parts of a Kiln request.

  jfr print --json --events jdk.ExecutionSample REC.jfr > samples.json
  /usr/bin/python3 jfr_top.py samples.json [TOP]

Used by kiln-bench/tools/serve-bench.sh profile.
"""
import collections
import json
import sys

# Parts of a request, tested in this order against every frame of a sample's stack (the first part whose pattern
# a frame holds wins, so list the specific before the general).
PARTS = [
    ("registry: manifest.json read and parsed (ModelFile.readManifest)", "dev.kiln.core.modelfile.ModelFile.readManifest"),
    ("registry: aliases.json / registration.json read and parsed", "dev.kiln.serve.registry.ModelRegistry.readJson"),
    ("registry: version directories listed (versionNumbers)", "dev.kiln.serve.registry.ModelRegistry.versionNumbers"),
    ("registry: the rest of resolve (stat calls)", "dev.kiln.serve.registry.ModelRegistry"),
    ("request log line (Logback)", "ch.qos.logback"),
    ("metrics (Micrometer / Prometheus)", "io.micrometer"),
    ("input: JSON records to a Frame (InstanceReader)", "dev.kiln.serve.input.InstanceReader"),
    ("model.predict (pipeline, random forest)", "dev.kiln.learn."),
    ("response JSON (PredictionJson, Jackson write)", "dev.kiln.serve.http.PredictionJson"),
    ("request JSON parse (KilnServer.body)", "dev.kiln.serve.http.KilnServer.body"),
    ("request id (UUID.randomUUID)", "java.util.UUID.randomUUID"),
    ("other Kiln handler code", "dev.kiln.serve"),
    ("Jetty / Javalin (HTTP parsing, I/O, dispatch)", "org.eclipse.jetty"),
    ("Javalin / Kotlin", "io.javalin"),
]


def frame_name(f):
    m = f["method"]
    return (m["type"]["name"] + "." + m["name"]).replace("/", ".")


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    with open(path) as fh:
        events = json.load(fh)["recording"]["events"]
    leaf = collections.Counter()
    inclusive = collections.Counter()
    parts = collections.Counter()
    n = 0
    for e in events:
        frames = (e["values"].get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        n += 1
        names = [frame_name(f) for f in frames]
        leaf[names[0]] += 1
        for name in set(names):
            inclusive[name] += 1
        part = "other (JVM, GC helpers, idle spinning)"
        for label, pattern in PARTS:
            if any(pattern in name for name in names):
                part = label
                break
        parts[part] += 1
    if n == 0:
        print("no execution samples")
        return
    print(f"{n} execution samples\n")
    print("| part of the request (first match on the stack) | samples | share |")
    print("|---|---:|---:|")
    for label, count in parts.most_common():
        print(f"| {label} | {count} | {100 * count / n:.1f} % |")
    print(f"\nTop {top} leaf frames (self):\n")
    print("| frame | samples | share |")
    print("|---|---:|---:|")
    for name, count in leaf.most_common(top):
        print(f"| `{name}` | {count} | {100 * count / n:.1f} % |")
    print(f"\nTop {top} Kiln frames anywhere on the stack (inclusive):\n")
    print("| frame | samples | share |")
    print("|---|---:|---:|")
    kiln = [(name, c) for name, c in inclusive.most_common() if name.startswith("dev.kiln.")]
    for name, count in kiln[:top]:
        print(f"| `{name}` | {count} | {100 * count / n:.1f} % |")


if __name__ == "__main__":
    main()
