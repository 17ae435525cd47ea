#!/usr/bin/env python3
"""Cross-check eksdoc's canonical JSON for one HCL file against python-hcl2.

Usage: crosscheck.py CORPUS_FILE OUR_JSON

CORPUS_FILE is a .tf / .tfvars / .hcl file; OUR_JSON is what HCLCanonicalJSON.render produced for it.
Only LITERAL values are compared (strings, numbers, bools, null, and the literal parts of tuples,
objects and blocks). Anything python-hcl2 reports as an expression ("${...}" or a bare reference) and
anything eksdoc reports as {"expression": ...} is skipped.

python-hcl2 8.x quirks handled here:
  * strings come back with their quotes ('"abc"') unless strip_string_quotes is set, so the file is
    loaded twice: once raw (to tell quoted strings from expressions) and once with quotes stripped
    and escapes decoded (for the values);
  * heredocs are taken from the raw form ('"<<-EOT\\n...\\nEOT"') and decoded here (content lines plus
    the final newline, common indentation removed for <<-), because the converted form drops the
    final newline and re-escapes quotes;
  * blocks are {"type": [{"label": {... "__is_block__": true}}]}; keys starting with "__" are ignored.

Prints one MISMATCH line per difference, NOTE lines where python-hcl2 saw a literal but eksdoc an
expression, and a final summary line: "compared=N skipped=M mismatches=K".
Exit status: 0 when every compared literal agrees, 1 on any mismatch, 2 on a setup problem
(python-hcl2 missing, unreadable input).
"""
import json
import re
import sys

try:
    import hcl2
except ImportError as error:  # pragma: no cover - depends on the environment
    print(f"python-hcl2 is not installed ({error}); run `make deps`", file=sys.stderr)
    sys.exit(2)

try:
    from hcl2.utils import SerializationOptions
except ImportError:  # older python-hcl2 without serialization options
    SerializationOptions = None

HEREDOC = re.compile(r'^"<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\n(.*)"$', re.S)


class Stats:
    def __init__(self):
        self.compared = 0
        self.skipped = 0
        self.mismatches = 0
        self.notes = 0


def load(path):
    """Returns (raw, decoded) trees from python-hcl2."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if SerializationOptions is None:
        tree = hcl2.loads(text)
        return tree, tree
    raw = hcl2.loads(text, serialization_options=SerializationOptions(with_comments=False))
    decoded = hcl2.loads(text, serialization_options=SerializationOptions(
        with_comments=False, strip_string_quotes=True, preserve_heredocs=False))
    return raw, decoded


def heredoc_value(match):
    """The string value of a heredoc from its raw source form."""
    strip, marker, body = match.group(1), match.group(2), match.group(3)
    lines = body.split("\n")
    if not lines or lines[-1].strip() != marker:
        return None
    content = lines[:-1]
    if strip:
        def indent(line):
            return len(line) - len(line.lstrip(" \t"))
        widths = [indent(line) for line in content if line.strip(" \t") != ""]
        least = min(widths) if widths else 0
        content = [line[min(least, indent(line)):] for line in content]
    return "".join(line + "\n" for line in content)


def expected(raw, decoded):
    """What eksdoc must produce: ("lit", value) | ("skip",) | ("dict", {...}) | ("list", [...])."""
    if raw is None or isinstance(raw, (bool, int, float)):
        return ("lit", raw)
    if isinstance(raw, str):
        if SerializationOptions is None:
            # Old versions: strings are unquoted, expressions are "${...}"; skip the ambiguous ones.
            if raw.startswith("${") and raw.endswith("}"):
                return ("skip",)
            return ("lit", raw)
        match = HEREDOC.match(raw)
        if match:
            value = heredoc_value(match)
            return ("skip",) if value is None else ("lit", value)
        if raw.startswith('"'):
            return ("lit", decoded)
        return ("skip",)
    if isinstance(raw, dict):
        raw_items = [(k, v) for k, v in raw.items() if not k.startswith("__")]
        dec_items = [(k, v) for k, v in decoded.items() if not k.startswith("__")]
        return ("dict", {dk: expected(rv, dv) for (_, rv), (dk, dv) in zip(raw_items, dec_items)})
    if isinstance(raw, list):
        return ("list", [expected(r, d) for r, d in zip(raw, decoded)])
    return ("skip",)


def hcl2_shape(body):
    """Our canonical body in python-hcl2's shape: blocks as {type: [{label: {...body}}]}."""
    shaped = {key: value for key, value in body.items() if key != "blocks"}
    for block in body.get("blocks", []):
        inner = hcl2_shape(block["body"])
        for label in reversed(block["labels"]):
            inner = {label: inner}
        shaped.setdefault(block["type"], []).append(inner)
    return shaped


def same(theirs, ours):
    if isinstance(theirs, bool) or isinstance(ours, bool):
        return type(theirs) is type(ours) and theirs == ours
    if theirs is None or ours is None:
        return theirs is None and ours is None
    if isinstance(theirs, (int, float)) and isinstance(ours, (int, float)):
        return theirs == ours
    return type(theirs) is type(ours) and theirs == ours


def is_expression(ours):
    return isinstance(ours, dict) and set(ours) == {"expression"} and isinstance(ours["expression"], str)


def compare(exp, ours, path, stats):
    kind = exp[0]
    if kind == "skip":
        stats.skipped += 1
        return
    if is_expression(ours):
        stats.skipped += 1
        if kind == "lit":
            stats.notes += 1
            print(f"NOTE {path}: python-hcl2 literal {exp[1]!r}, eksdoc expression {ours['expression']!r}")
        return
    if kind == "lit":
        stats.compared += 1
        if not same(exp[1], ours):
            stats.mismatches += 1
            print(f"MISMATCH {path}: python-hcl2={exp[1]!r} eksdoc={ours!r}")
        return
    if kind == "dict":
        if not isinstance(ours, dict):
            stats.mismatches += 1
            print(f"MISMATCH {path}: python-hcl2 has an object, eksdoc={ours!r}")
            return
        for key, child in exp[1].items():
            if key not in ours:
                stats.mismatches += 1
                print(f"MISMATCH {path}.{key}: missing in eksdoc output")
                continue
            compare(child, ours[key], f"{path}.{key}", stats)
        for key in ours:
            if key not in exp[1]:
                stats.mismatches += 1
                print(f"MISMATCH {path}.{key}: only in eksdoc output")
        return
    if kind == "list":
        if not isinstance(ours, list) or len(ours) != len(exp[1]):
            stats.mismatches += 1
            print(f"MISMATCH {path}: python-hcl2 has a list of {len(exp[1])}, eksdoc={ours!r}")
            return
        for index, (child, item) in enumerate(zip(exp[1], ours)):
            compare(child, item, f"{path}[{index}]", stats)


def main(argv):
    if len(argv) != 3:
        print("usage: crosscheck.py CORPUS_FILE OUR_JSON", file=sys.stderr)
        return 2
    corpus, ours_path = argv[1], argv[2]
    try:
        raw, decoded = load(corpus)
    except Exception as error:  # python-hcl2 raises various parser exceptions
        print(f"python-hcl2 could not parse {corpus}: {error}", file=sys.stderr)
        return 2
    try:
        with open(ours_path, encoding="utf-8") as handle:
            ours = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"cannot read eksdoc JSON {ours_path}: {error}", file=sys.stderr)
        return 2
    stats = Stats()
    compare(expected(raw, decoded), hcl2_shape(ours), "$", stats)
    print(f"compared={stats.compared} skipped={stats.skipped} mismatches={stats.mismatches}")
    return 1 if stats.mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
