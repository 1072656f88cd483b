#!/usr/bin/env python3
"""Collects PiiGuard leak findings (PII001-PII007) from the compiler's SARIF logs and scores them against labels.tsv.

usage: survey.py <repo@commit> <source root> <labels.tsv> <config>=<log.sarif>[,<log.sarif>...] [...]

Each <config> is one build of the application (e.g. framework=..., catalog=...). A finding is keyed by
(repo@commit, file:line, rule, member, sink); the same key reported twice (multi-targeting, two projects that
compile one file) counts once. Prints every finding with its label, then per config: findings, true and false
positives, unlabelled, precision. Exit code 1 when a finding has no label.
"""
import json
import os
import sys
from urllib.parse import unquote, urlparse

LEAK_RULES = {f"PII00{i}" for i in range(1, 8)}


def findings(repo, root, sarif_paths):
    seen = {}
    for path in sarif_paths:
        with open(path, encoding="utf-8-sig") as f:
            log = json.load(f)
        for run in log.get("runs", []):
            for r in run.get("results", []):
                rule = r.get("ruleId", "")
                if rule not in LEAK_RULES or r.get("suppressions"):
                    continue
                loc = r["locations"][0]["physicalLocation"]
                file = unquote(urlparse(loc["artifactLocation"]["uri"]).path)
                file = os.path.relpath(file, root)
                line = loc["region"]["startLine"]
                props = r.get("properties", {}).get("customProperties", r.get("properties", {}))
                member = props.get("member", "?")
                sink = props.get("sink", "?")
                key = (repo, f"{file}:{line}", rule, member, sink)
                seen.setdefault(key, r["message"]["text"])
    return seen


def main(argv):
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    repo, root, labels_path = argv[1], os.path.abspath(argv[2]), argv[3]
    labels = {}
    with open(labels_path, encoding="utf-8") as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            cols = row.rstrip("\n").split("\t")
            labels[tuple(cols[:5])] = (cols[5], cols[6] if len(cols) > 6 else "")
    missing = 0
    summary = []
    for spec in argv[4:]:
        config, _, paths = spec.partition("=")
        found = findings(repo, root, [p for p in paths.split(",") if os.path.exists(p)])
        tp = fp = unlabelled = 0
        for key in sorted(found):
            label, reason = labels.get(key, ("?", ""))
            if label == "TP":
                tp += 1
            elif label == "FP":
                fp += 1
            else:
                unlabelled += 1
                print("UNLABELLED\t" + "\t".join(map(str, key)) + "\t" + found[key], file=sys.stderr)
            print(f"{config}\t" + "\t".join(map(str, key)) + f"\t{label}\t{reason}")
        missing += unlabelled
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "n/a"
        summary.append(f"{repo}\t{config}\tfindings={len(found)}\tTP={tp}\tFP={fp}\tunlabelled={unlabelled}\tprecision={precision}")
    print("\n".join(summary), file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
