#!/usr/bin/env bash
# Checks every `stellar` command in docs/upgrade-playbook.md without a
# network:
#  1. the pinned stellar-cli parses it (run against an empty config: it gets
#     past argument parsing and stops at the network, or it fails as a usage
#     error, which fails this check);
#  2. each contract function after `--` exists in the built WASM's spec, every
#     `--arg` is one of its parameters, and every required one is given.
# Needs artifacts/ (./scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 - docs/upgrade-playbook.md <<'PY'
import json, os, re, shlex, subprocess, sys, tempfile

doc = open(sys.argv[1]).read()
blocks = re.findall(r"```sh\n(.*?)```", doc, re.S)
commands = []
for block in blocks:
    for line in block.replace("\\\n", " ").splitlines():
        line = line.split(" #")[0].strip()
        if line.startswith("stellar "):
            commands.append(line)

G = "GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF"
C = "CAZLY4W5HLJTS7F55I7ATXL24IZDSA7JKFS5HQI5TTY5HIIJ2O5TQRCV"
values = {
    "ADMIN": G, "OWNER": G, "BACKEND": G, "NEW_ADMIN": G,
    "SETTLEMENT": C, "NEW_SETTLEMENT": C, "POOL": C, "NEW_POOL": C,
    "VAULT": C, "NEW_VAULT": C, "USDC": C, "WASM_HASH": "ab" * 32,
}
wasm_of = {
    "SETTLEMENT": "settlement", "NEW_SETTLEMENT": "settlement",
    "POOL": "revenue_pool", "NEW_POOL": "revenue_pool",
    "VAULT": "vault", "NEW_VAULT": "vault",
}
specs = {}
def spec(contract):
    if contract not in specs:
        out = subprocess.run(
            ["stellar", "contract", "info", "interface", "--output", "json",
             "--wasm", f"artifacts/callora_{contract}.wasm"],
            capture_output=True, text=True, check=True).stdout
        specs[contract] = {e["function_v0"]["name"]: e["function_v0"]["inputs"]
                           for e in json.loads(out) if "function_v0" in e}
    return specs[contract]

usage_errors = ("unexpected argument", "invalid value", "required arguments were not provided",
                "unrecognized subcommand", "Usage:")
config = tempfile.mkdtemp()
failures = []
for raw in commands:
    words = shlex.split(raw)
    # Drop shell redirections.
    clean, skip = [], False
    for w in words:
        if skip:
            skip = False
            continue
        if w in (">", "<"):
            skip = True
            continue
        clean.append(w)
    target = None
    for i, w in enumerate(clean):
        if w == "--id" and i + 1 < len(clean):
            target = clean[i + 1].lstrip("$")
    cli = [values.get(w[1:], w) if w.startswith("$") else w for w in clean]
    env = dict(os.environ, STELLAR_CONFIG_DIR=config, STELLAR_NO_UPDATE_CHECK="1")
    proc = subprocess.run(cli, capture_output=True, text=True, env=env, timeout=60,
                          stdin=subprocess.DEVNULL)
    output = proc.stdout + proc.stderr
    if proc.returncode == 2 or any(u in output for u in usage_errors):
        failures.append(f"{raw}\n    stellar refused it: {output.strip().splitlines()[0]}")
        continue
    # Contract function and arguments against the built WASM's spec.
    if "--" in clean and ("invoke" in clean or "deploy" in clean):
        fn_part = clean[clean.index("--") + 1:]
        if "deploy" in clean:
            wasm = clean[clean.index("--wasm") + 1]
            contract = re.search(r"callora_(\w+)\.wasm", wasm).group(1)
            fn, args = "__constructor", fn_part
        else:
            contract = wasm_of[target]
            fn, args = fn_part[0], fn_part[1:]
        functions = spec(contract)
        if fn not in functions:
            failures.append(f"{raw}\n    {contract} has no function {fn}")
            continue
        params = {p["name"]: p for p in functions[fn]}
        given = set()
        for w in args:
            if w.startswith("--"):
                name = w[2:].split("=")[0]
                name = name[: -len("-file-path")] if name.endswith("-file-path") else name
                if name not in params:
                    failures.append(f"{raw}\n    {contract}.{fn} has no parameter {name}")
                given.add(name)
        for name, p in params.items():
            optional = isinstance(p["type"], dict) and "option" in p["type"]
            if not optional and name not in given:
                failures.append(f"{raw}\n    {contract}.{fn} needs --{name}")

print(f"playbook: {len(commands)} stellar commands checked")
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
PY
