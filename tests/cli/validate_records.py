#!/usr/bin/python3
"""Validates jianbao records against schemas/*.schema.json with python3-jsonschema.

usage: validate_records.py SCHEMA_DIR FILE...

A FILE ending in .json holds one record or a list of them, .yaml one or more YAML documents (each
a record or a list of them), anything else JSON Lines. Each record is checked against the schema
its "schema" field names; a record without one, or naming an unknown one, is an error. Then, to
show that the schemas can fail, broken copies of the first bulletin and metric records seen must be
rejected. Prints one line per problem and a closing "N passed, N failed" line; exits 1 on any.
"""
import copy
import json
import os
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:  # the test must not pass without a real validator
    sys.exit(f"validate_records.py: {e}: install Debian's python3-jsonschema and python3-yaml")

SCHEMAS = {
    "jianbao.bulletin/1": "bulletin.schema.json",
    "jianbao.metric/1": "metric.schema.json",
    "jianbao.stream_error/1": "stream_error.schema.json",
    "jianbao.batch_summary/1": "batch_summary.schema.json",
}


def load_validators(schema_dir):
    validators = {}
    for name, file in SCHEMAS.items():
        with open(os.path.join(schema_dir, file), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        validators[name] = jsonschema.Draft7Validator(schema)
    return validators


def records_of(path):
    """Yields (where, record) for every record in the file."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".yaml"):
        for n, doc in enumerate(yaml.safe_load_all(text), 1):
            for i, r in enumerate(doc if isinstance(doc, list) else [doc]):
                yield f"{path}: document {n} record {i + 1}", r
    elif path.endswith(".json"):
        doc = json.loads(text)
        for i, r in enumerate(doc if isinstance(doc, list) else [doc]):
            yield f"{path}: record {i + 1}", r
    else:
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield f"{path}:{n}", json.loads(line)


def problems(validators, record):
    if not isinstance(record, dict) or record.get("schema") not in validators:
        return [f"no known schema: {str(record)[:80]}"]
    v = validators[record["schema"]]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(record)]


def first_metric(bulletin):
    for s in bulletin["sections"]:
        for i in s["items"]:
            if i["metrics"]:
                return i["metrics"][0]
    return None


def broken_copies(bulletin, metric):
    """Records each schema must reject: (name, record)."""
    out = []
    if bulletin is not None:
        b = copy.deepcopy(bulletin)
        b["unexpected"] = 1
        out.append(("bulletin with an unknown field", b))
        b = copy.deepcopy(bulletin)
        del b["source"]
        out.append(("bulletin without source", b))
        b = copy.deepcopy(bulletin)
        m = first_metric(b)
        if m is not None:
            m["kind"] = "bogus"
            out.append(("bulletin with an unknown metric kind", b))
    if metric is not None:
        m = copy.deepcopy(metric)
        m["line"] = "12"
        out.append(("metric with a string line", m))
        m = copy.deepcopy(metric)
        m["kind"], m["value"] = "date", "May 10"
        out.append(("date metric with a free-text value", m))
    return out


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    validators = load_validators(argv[1])
    passed = failed = 0
    bulletin = metric = None
    for path in argv[2:]:
        for where, record in records_of(path):
            found = problems(validators, record)
            for p in found:
                print(f"{where}: {p}")
            failed += bool(found)
            passed += not found
            if not found and record["schema"] == "jianbao.bulletin/1" and bulletin is None:
                bulletin = record if first_metric(record) else None
            if not found and record["schema"] == "jianbao.metric/1" and metric is None:
                metric = record
    broken = broken_copies(bulletin, metric)
    if len(broken) < 5:
        print("no bulletin with metrics or no metric record among the inputs: cannot self-test")
        failed += 1
    for name, record in broken:
        if problems(validators, record):
            passed += 1
        else:
            print(f"self-test: the schemas accept a {name}")
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
