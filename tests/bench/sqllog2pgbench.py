#!/usr/bin/env python3
"""Turns the statements the server ran for one request, as PostgreSQL logged them
(log_min_duration_statement = 0, log_line_prefix '%m [%p] %a '), into a pgbench script.

The capture holds two requests of the same kind (A and B), each between marker statements
(SELECT 'capture:<name>'). The script runs with pgbench -M prepared, as the server runs its
statements: every bound parameter stays a parameter. One that is the same in A and B is a
constant of the path, passed as a pgbench variable (-D, from the .vars.json file written
beside the script); one that differs is rebuilt from the request's own values
(call id, tool call id, phone, slot, and the rows the request created), which the
capture script passes in as JSON with the signature that finds the request's connection, so each pgbench transaction works on fresh rows exactly as
each request does. A difference nothing explains is kept as A's value and reported.

A query of several statements sent at once (BEGIN with the role setup) stays one round trip
in a pgbench pipeline, and so do BEGIN, the role setup and the first statement of a
transaction, which the server sends together in one libpq pipeline. pgbench -M prepared reads `:word` anywhere, even inside a string
literal, as a variable, so such literals in the statement text are written as the same
literal in U&'' form (':' as \003A).

Usage: sqllog2pgbench.py LOG TOKENS.json MARKER_A MARKER_B MARKER_END TITLE VARS.json > script.sql
"""
import json
import re
import sys

ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+ \[(\d+)\] (\S*) ?(LOG|DETAIL|ERROR|STATEMENT|WARNING|HINT|CONTEXT):  (.*)$")
DURATION = re.compile(r"^duration: [0-9.]+ ms  (statement|execute [^:]*): (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')", re.S)


def entries(path):
    """(pid, app, kind, text) per log entry; continuation lines belong to the entry above."""
    current = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = ENTRY.match(line.rstrip("\n"))
            if m:
                if current:
                    yield current
                current = [m.group(1), m.group(2), m.group(3), m.group(4)]
            elif current:
                current[3] += "\n" + line.rstrip("\n")
    if current:
        yield current


def statements(path, begin, end):
    """Statements the server's connections ran between two marker statements, in order:
    (pid, sql, params or None for the simple protocol)."""
    out, inside, last = [], False, None
    for pid, app, kind, text in entries(path):
        if kind == "LOG" and text.endswith(f"statement: SELECT '{begin}'"):
            inside = True
            continue
        if kind == "LOG" and text.endswith(f"statement: SELECT '{end}'"):
            break
        if not inside or app != "voxanne-server":
            continue
        if kind == "LOG":
            m = DURATION.match(text)
            last = None
            if m:
                last = [pid, m.group(2), None if m.group(1) == "statement" else {}]
                out.append(last)
        elif kind == "DETAIL" and last is not None and last[2] == {} and text.startswith("parameters: "):
            last[2] = {int(n): (None if v == "NULL" else v[1:-1].replace("''", "'"))
                       for n, v in PARAM.findall(text)}
    return out


def request(path, begin, end, signature):
    """The statements of the connection that served the request: the one that ran the
    signature statement (the request's first lookup); the job runner works beside it."""
    rows = statements(path, begin, end)
    pids = {}
    for pid, *_ in rows:
        pids[pid] = pids.get(pid, 0) + 1
    main = next((pid for pid, sql, _ in rows if signature in sql), None)
    if main is None:
        sys.exit(f"no statement with {signature!r} between '{begin}' and '{end}'")
    for pid, n in pids.items():
        if pid != main:
            first = next(r[1] for r in rows if r[0] == pid)
            print(f"note: connection {pid} ran {n} statement(s) during the request too, not "
                  f"scripted (background work): {first[:90]}", file=sys.stderr)
    return [(sql, params) for pid, sql, params in rows if pid == main]


def split_top(sql):
    """Statements of a simple-protocol query, split at semicolons outside quotes."""
    out, cur, quoted = [], [], False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        if ch == ";" and not quoted:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return [x for x in out if x]


VARIABLE_LIKE = re.compile(r":[A-Za-z0-9_\x80-\uffff]")
LITERAL = re.compile(r"(?<![A-Za-z0-9_&])'((?:[^']|'')*)'")


def shield(sql):
    """String literals in the statement text that pgbench would read as holding a variable,
    rewritten as the same value in U&'' form."""
    def one(m):
        body = m.group(1)
        if not VARIABLE_LIKE.search(body):
            return m.group(0)
        return "U&'" + body.replace("\\", "\\\\").replace(":", "\\003A") + "'"
    return LITERAL.sub(one, sql)


def template(value, tokens):
    """The value split into literal text and named tokens, longest token first."""
    if value is None:
        return [(None, None)]
    found = sorted(((v, k) for k, v in tokens.items() if v), key=lambda t: -len(t[0]))
    pieces = [("text", value)]
    for needle, name in found:
        nxt = []
        for kind, text in pieces:
            if kind != "text":
                nxt.append((kind, text))
                continue
            parts = text.split(needle)
            for i, part in enumerate(parts):
                if i:
                    nxt.append(("token", name))
                if part:
                    nxt.append(("text", part))
        pieces = nxt
    return pieces


class Constants:
    """Constant values as pgbench variables c1, c2, ... (one per distinct value)."""

    def __init__(self):
        self.names = {}

    def __call__(self, value):
        if value not in self.names:
            self.names[value] = f"c{len(self.names) + 1}"
        return ":" + self.names[value]

    def variables(self):
        return {name: value for value, name in self.names.items()}


def expression(pieces, exprs, constant):
    if pieces == [(None, None)]:
        return "NULL"
    if len(pieces) == 1:
        kind, text = pieces[0]
        return exprs[text] if kind == "token" else constant(text)
    return "(" + " || ".join(exprs[t] if k == "token" else constant(t) for k, t in pieces) + ")"


def round_trips(statements):
    """Round trips of a request: one per statement, except that the server sends BEGIN, the
    role setup and the transaction's first statement together in one pipeline."""
    trips, left = 0, 0
    for sql, params in statements:
        if params is not None and sql.strip() == "BEGIN":
            trips, left = trips + 1, 3
        if left:
            left -= 1
            continue
        trips += 1
    return trips


def main():
    log, tokens_path, mark_a, mark_b, mark_end, title, vars_path = sys.argv[1:8]
    tok = json.load(open(tokens_path))
    a = request(log, mark_a, mark_b, tok["signature"])
    b = request(log, mark_b, mark_end, tok["signature"])
    if [s for s, _ in a] != [s for s, _ in b]:
        print("note: the two requests ran different statements; scripting the first",
              file=sys.stderr)
    exprs = tok["expressions"]
    lines = [f"-- {title}", "-- Generated by tests/bench/capture_sql.sh from PostgreSQL's statement log of",
             "-- the running server; do not edit by hand, capture again.",
             f"-- {len(a)} statements, {round_trips(a)} round trips per request.", ""]
    lines += tok["sets"]
    unexplained = 0
    constant = Constants()
    in_pipeline = 0  # statements left in the pipeline that opened a transaction
    for i, (sql, params) in enumerate(a):
        if params is not None and sql.strip() == "BEGIN":
            lines.append("\\startpipeline")
            in_pipeline = 3
        if params is None:  # simple protocol: BEGIN/COMMIT and the role setup, as they are
            parts = [shield(p.replace("\n", " ")) + ";" for p in split_top(sql)]
            lines += ["\\startpipeline", *parts, "\\endpipeline"] if len(parts) > 1 else parts
            continue
        other = b[i][1] if i < len(b) and b[i][0] == sql else params
        values = {}
        for n in sorted(params):
            ta = template(params[n], tok["a"])
            tb = template(other.get(n), tok["b"])
            if ta != tb:
                unexplained += 1
                print(f"note: statement {i + 1} ${n} differs between the requests in a way the "
                      f"tokens do not explain; kept as captured: {params[n]!r:.80} / "
                      f"{other.get(n)!r:.80}", file=sys.stderr)
            values[n] = expression(ta, exprs, constant)
        text = shield(re.sub(r"\$(\d+)", lambda m: values[int(m.group(1))],
                             sql.replace("\n", " ")))
        lines.append(text + ";")
        if in_pipeline:
            in_pipeline -= 1
            if not in_pipeline:
                lines.append("\\endpipeline")
    if in_pipeline:
        lines.append("\\endpipeline")
    print("\n".join(lines))
    with open(vars_path, "w", encoding="utf-8") as f:
        json.dump(constant.variables(), f, indent=1, ensure_ascii=False)
    print(f"{title}: {len(a)} statements, {round_trips(a)} round trips, "
          f"{unexplained} unexplained differences",
          file=sys.stderr)


if __name__ == "__main__":
    main()
