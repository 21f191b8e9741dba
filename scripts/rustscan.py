"""Reads Rust source as tokens, for the checkers in scripts/ (long-functions,
cycles): identifiers, `::` and single punctuation with their line, without
comments, strings or character literals. Not a parser: enough to find items,
their braces and the paths they name."""

import re
from pathlib import Path

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def tokens(text):
    """(kind, value, line) for each token: kind is 'id' or 'p' (punctuation)."""
    out = []
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += text[i] == "\n"
                    i += 1
        elif c in "rb" and re.match(r"(?:br|r)#*\"", text[i:i + 260]):
            m = re.match(r"(?:br|r)(#*)\"", text[i:])
            close = '"' + m.group(1)
            j = text.find(close, i + m.end())
            j = n if j < 0 else j + len(close)
            line += text.count("\n", i, j)
            i = j
        elif c == '"' or (c == "b" and text.startswith('b"', i)):
            i += 1 if c == '"' else 2
            while i < n and text[i] != '"':
                if text[i] == "\\":
                    i += 1
                line += text[i] == "\n"
                i += 1
            i += 1
        elif c == "'" or (c == "b" and text.startswith("b'", i)):
            k = i + (1 if c == "'" else 2)
            m = re.match(r"(?:\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^\\\n])'", text[k:k + 12])
            if m:
                i = k + m.end()
            else:  # a lifetime or label
                m = _IDENT.match(text, k)
                i = m.end() if m else k
        elif c.isalpha() or c == "_":
            m = _IDENT.match(text, i)
            out.append(("id", m.group(), line))
            i = m.end()
        elif c.isdigit():
            m = re.match(r"[0-9][0-9A-Za-z_.]*", text[i:])
            i += m.end()
        elif text.startswith("::", i):
            out.append(("p", "::", line))
            i += 2
        else:
            out.append(("p", c, line))
            i += 1
    return out


def rust_files(root):
    """Every .rs file under root/src, sorted."""
    return sorted(Path(root, "src").rglob("*.rs"))


def test_only_files(root):
    """Files that are modules declared under #[cfg(test)] (`#[cfg(test)] mod x;`)."""
    found = set()
    for path in rust_files(root):
        toks = tokens(path.read_text())
        for k in range(len(toks) - 9):
            vals = [t[1] for t in toks[k:k + 10]]
            if vals[:7] == ["#", "[", "cfg", "(", "test", ")", "]"]:
                rest = vals[7:]
                if rest[0] == "pub":
                    rest = vals[8:] + [None]
                if rest[0] == "mod" and rest[2] == ";":
                    found.update(module_file(path, rest[1]))
    return found


def module_file(path, name):
    """Where `mod name;` in `path` lives: dir/name.rs or dir/name/mod.rs."""
    base = path.parent if path.name in ("mod.rs", "lib.rs", "main.rs") else path.with_suffix("")
    return [p for p in (base / f"{name}.rs", base / name / "mod.rs") if p.exists()]
