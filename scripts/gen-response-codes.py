#!/usr/bin/env python3
"""Generate the `ResponseCode` enum of ews-xml from the EWS schema.

Reads `<xs:simpleType name="ResponseCodeType">` from the EWS schema file
`messages.xsd`, takes its `xs:enumeration` values in schema order, pairs each
with its one-sentence description from `ews-xml/codegen/response-codes.txt`
and writes `ews-xml/src/soap/response_code.rs`, formatted with rustfmt
when rustfmt is on PATH.

Usage (from any directory):

    python3 scripts/gen-response-codes.py            # regenerate the .rs file
    python3 scripts/gen-response-codes.py --check    # exit 1 if it is stale
    python3 scripts/gen-response-codes.py --schema PATH/messages.xsd

The schema is looked up in this order: `--schema PATH`, then
`$EWS_SCHEMA_DIR/messages.xsd`, then `../shared/ews-schema/messages.xsd`
relative to the repository root (the root is found from this script's own
location).

The script fails with a message if a schema code has no description line, if
the description file names a code the schema does not have, or if a line is
malformed. With `--check`, a missing schema is reported and skipped (exit 0)
unless `EWS_REQUIRE_SCHEMA=1` is set, in which case it is an error.

Only the Python 3 standard library is used.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SCHEMA = REPO_ROOT.parent / "shared" / "ews-schema" / "messages.xsd"
DESCRIPTIONS = REPO_ROOT / "ews-xml" / "codegen" / "response-codes.txt"
OUTPUT = REPO_ROOT / "ews-xml" / "src" / "soap" / "response_code.rs"

XS = "{http://www.w3.org/2001/XMLSchema}"
TYPE_NAME = "ResponseCodeType"
DOC_LINK = (
    "https://learn.microsoft.com/en-us/exchange/client-developer/"
    "web-service-reference/responsecode"
)
MAX_WIDTH = 100  # rustfmt's default max_width

IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
# Strict and reserved Rust keywords that could be spelled like a code, plus
# names the generated enum itself uses.
RESERVED = {
    "Self", "Other", "abstract", "as", "async", "await", "become", "box",
    "break", "const", "continue", "crate", "do", "dyn", "else", "enum",
    "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true",
    "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where",
    "while", "yield",
}


class GenError(Exception):
    """A problem with the inputs; reported as one message and exit status 1."""


def rel(path: Path) -> str:
    """`path` relative to the repository root when it lies inside it."""
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def schema_path(cli_value: str | None) -> Path:
    if cli_value:
        return Path(cli_value)
    env_dir = os.environ.get("EWS_SCHEMA_DIR")
    if env_dir:
        return Path(env_dir) / "messages.xsd"
    return DEFAULT_SCHEMA


def read_schema_codes(path: Path) -> list[str]:
    """The enumeration values of ResponseCodeType, in schema order."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise GenError(f"{path}: not well-formed XML: {err}") from err
    found = [st for st in root.iter(XS + "simpleType") if st.get("name") == TYPE_NAME]
    if len(found) != 1:
        raise GenError(
            f'{path}: expected exactly one <xs:simpleType name="{TYPE_NAME}">, '
            f"found {len(found)}"
        )
    restriction = found[0].find(XS + "restriction")
    if restriction is None:
        raise GenError(f"{path}: {TYPE_NAME} has no xs:restriction")
    codes = [e.get("value") or "" for e in restriction.findall(XS + "enumeration")]
    if not codes:
        raise GenError(f"{path}: {TYPE_NAME} has no xs:enumeration values")
    seen: set[str] = set()
    for code in codes:
        if not IDENT.match(code) or code in RESERVED:
            raise GenError(
                f"{path}: {TYPE_NAME} value {code!r} cannot be used as a Rust variant name"
            )
        if code in seen:
            raise GenError(f"{path}: {TYPE_NAME} lists {code!r} twice")
        seen.add(code)
    return codes


def read_descriptions(path: Path) -> dict[str, str]:
    """Map code name -> description from the tab-separated description file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise GenError(f"cannot read descriptions: {err}") from err
    descriptions: dict[str, str] = {}
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{rel(path)}:{number}"
        if not line.strip() or line.startswith("#"):
            continue
        name, tab, description = line.partition("\t")
        name, description = name.strip(), description.strip()
        if not tab:
            problems.append(f"{where}: expected `CodeName<TAB>description`, found no tab")
            continue
        if not IDENT.match(name):
            problems.append(f"{where}: {name!r} is not a code name")
        elif name in descriptions:
            problems.append(f"{where}: {name} is described twice")
        if not description:
            problems.append(f"{where}: {name} has an empty description")
        elif not description.endswith("."):
            problems.append(f"{where}: the description of {name} must end with a period")
        elif "\t" in description:
            problems.append(f"{where}: the description of {name} contains a tab")
        elif re.search(r"[\[\]<>]", description):
            # rustdoc would read these as links or HTML tags.
            problems.append(f"{where}: the description of {name} must not contain [ ] < >")
        descriptions.setdefault(name, description)
    if problems:
        raise GenError("malformed description file:\n  " + "\n  ".join(problems))
    return descriptions


def check_coverage(codes: list[str], descriptions: dict[str, str], schema: Path) -> None:
    missing = [c for c in codes if c not in descriptions]
    known = set(codes)
    extra = [c for c in descriptions if c not in known]
    problems = []
    if missing:
        problems.append(
            f"{len(missing)} code(s) of {rel(schema)} have no line in "
            f"{rel(DESCRIPTIONS)}:\n    " + "\n    ".join(missing)
        )
    if extra:
        problems.append(
            f"{rel(DESCRIPTIONS)} describes {len(extra)} code(s) that {TYPE_NAME} "
            f"does not have:\n    " + "\n    ".join(extra)
        )
    if problems:
        raise GenError("\n".join(problems))


def doc(text: str, indent: str) -> list[str]:
    """`text` as `///` lines, wrapped to rustfmt's line width."""
    prefix = f"{indent}/// "
    lines = textwrap.wrap(
        text,
        width=MAX_WIDTH - len(prefix),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [prefix + line for line in lines]


def arm(indent: str, pattern: str, value: str) -> list[str]:
    """A match arm laid out the way rustfmt lays it out."""
    line = f"{indent}{pattern} => {value},"
    if len(line) <= MAX_WIDTH:
        return [line]
    return [f"{indent}{pattern} => {{", f"{indent}    {value}", f"{indent}}}"]


def render(codes: list[str], descriptions: dict[str, str]) -> str:
    count = len(codes)
    out: list[str] = [
        "// @generated by scripts/gen-response-codes.py from messages.xsd "
        f"({TYPE_NAME}). Do not edit by hand.",
        "// The variant descriptions live in ews-xml/codegen/response-codes.txt;",
        "// after changing them or the schema, run `python3 scripts/gen-response-codes.py`.",
        "",
        "/// The value of an EWS `ResponseCode` element: the status of one response message.",
        "///",
        "/// Every response message of an EWS reply carries a `ResponseCode` next to its",
        "/// `ResponseClass`. [`ResponseCode::NoError`] means success; every other value names",
        "/// why the request, or one item of a batch request, failed or only partly succeeded.",
        "/// Microsoft describes the element and its values at",
        f"/// <{DOC_LINK}>.",
        "///",
        f"/// Every value of the schema's `{TYPE_NAME}` is a variant; a code newer than the schema",
        "/// becomes [`ResponseCode::Other`], so a newer server never breaks parsing. Names are",
        "/// matched exactly as the schema spells them: no trimming and no case folding.",
        "///",
        "/// # Examples",
        "///",
        "/// ```",
        "/// use ews_xml::ResponseCode;",
        "///",
        '/// let c: ResponseCode = "ErrorItemNotFound".parse().unwrap();',
        "/// assert_eq!(c, ResponseCode::ErrorItemNotFound);",
        '/// assert_eq!(c.as_str(), "ErrorItemNotFound");',
        "/// assert!(!c.is_success());",
        "///",
        "/// // A code this crate does not know is kept verbatim.",
        '/// let newer = ResponseCode::from("ErrorFromTheFuture");',
        '/// assert_eq!(newer, ResponseCode::Other("ErrorFromTheFuture".to_owned()));',
        '/// assert_eq!(newer.to_string(), "ErrorFromTheFuture");',
        "/// ```",
        "#[derive(Clone, Debug, PartialEq, Eq, Hash)]",
        "#[non_exhaustive]",
        "pub enum ResponseCode {",
    ]
    for code in codes:
        out += doc(descriptions[code], "    ")
        out.append(f"    {code},")
    out += [
        "    /// A response code this crate does not know, kept verbatim.",
        "    ///",
        "    /// [`ResponseCode::from_name`] and the `From`/`FromStr` conversions only produce this",
        "    /// for names outside [`ResponseCode::NAMES`].",
        "    Other(String),",
        "}",
        "",
        "impl ResponseCode {",
        f"    /// The name of every code of the schema ({count} in all), in schema order.",
        "    ///",
        "    /// `NAMES[i]` is the XML spelling of the `i`-th variant; [`ResponseCode::Other`] is not",
        "    /// included.",
        "    pub const NAMES: &[&str] = &[",
    ]
    out += [f'        "{code}",' for code in codes]
    out += [
        "    ];",
        "",
        "    /// Every known code (every variant except [`ResponseCode::Other`]), in schema order.",
        "    pub fn known() -> impl Iterator<Item = Self> {",
        "        Self::NAMES.iter().copied().map(Self::from_name)",
        "    }",
        "",
        "    /// The code as it is spelled in XML.",
        "    #[must_use]",
        "    pub fn as_str(&self) -> &str {",
        "        match self {",
    ]
    for code in codes:
        out += arm("            ", f"Self::{code}", f'"{code}"')
    out += [
        "            Self::Other(name) => name,",
        "        }",
        "    }",
        "",
        "    /// The code spelled `name`, or [`ResponseCode::Other`] holding `name` if it is not a",
        "    /// code of the schema.",
        "    ///",
        "    /// The comparison is exact, as in the schema: surrounding whitespace or a different",
        "    /// letter case makes the name unknown.",
        "    #[must_use]",
        "    pub fn from_name(name: &str) -> Self {",
        "        Self::known_from_name(name).unwrap_or_else(|| Self::Other(name.to_owned()))",
        "    }",
        "",
        "    /// Whether the code reports success, which only [`ResponseCode::NoError`] does.",
        "    #[must_use]",
        "    pub fn is_success(&self) -> bool {",
        "        matches!(self, Self::NoError)",
        "    }",
        "",
        "    /// The variant for a code of the schema, or `None`.",
        "    fn known_from_name(name: &str) -> Option<Self> {",
        "        Some(match name {",
    ]
    for code in codes:
        out += arm("            ", f'"{code}"', f"Self::{code}")
    out += [
        "            _ => return None,",
        "        })",
        "    }",
        "}",
        "",
        "impl core::fmt::Display for ResponseCode {",
        "    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {",
        "        f.write_str(self.as_str())",
        "    }",
        "}",
        "",
        "impl core::str::FromStr for ResponseCode {",
        "    type Err = core::convert::Infallible;",
        "",
        "    fn from_str(name: &str) -> Result<Self, Self::Err> {",
        "        Ok(Self::from_name(name))",
        "    }",
        "}",
        "",
        "impl From<&str> for ResponseCode {",
        "    fn from(name: &str) -> Self {",
        "        Self::from_name(name)",
        "    }",
        "}",
        "",
        "impl From<String> for ResponseCode {",
        "    /// Like [`ResponseCode::from_name`], but reuses the `String` for [`ResponseCode::Other`].",
        "    fn from(name: String) -> Self {",
        "        match Self::known_from_name(&name) {",
        "            Some(code) => code,",
        "            None => Self::Other(name),",
        "        }",
        "    }",
        "}",
        "",
        "#[cfg(test)]",
        "#[allow(clippy::unwrap_used)]",
        "mod tests {",
        "    use super::ResponseCode;",
        "",
        "    #[test]",
        "    fn every_name_round_trips() {",
        "        for &name in ResponseCode::NAMES {",
        "            let code = ResponseCode::from_name(name);",
        "            assert!(",
        "                !matches!(code, ResponseCode::Other(_)),",
        '                "{name} became Other"',
        "            );",
        "            assert_eq!(code.as_str(), name);",
        "            assert_eq!(code.to_string(), name);",
        "            assert_eq!(name.parse::<ResponseCode>().unwrap(), code);",
        "            assert_eq!(ResponseCode::from(name), code);",
        "            assert_eq!(ResponseCode::from(name.to_owned()), code);",
        "        }",
        "    }",
        "",
        "    #[test]",
        "    fn known_follows_names() {",
        "        let known: Vec<ResponseCode> = ResponseCode::known().collect();",
        "        assert_eq!(known.len(), ResponseCode::NAMES.len());",
        "        for (code, name) in known.iter().zip(ResponseCode::NAMES) {",
        "            assert_eq!(code.as_str(), *name);",
        "        }",
        "        let distinct: std::collections::HashSet<&ResponseCode> = known.iter().collect();",
        '        assert_eq!(distinct.len(), known.len(), "two names map to one variant");',
        "    }",
        "",
        "    #[test]",
        "    fn unknown_name_becomes_other_verbatim() {",
        '        for name in ["ErrorFromTheFuture", "", "noerror", " NoError", "NoError\\n"] {',
        "            let code = ResponseCode::from_name(name);",
        "            assert_eq!(code, ResponseCode::Other(name.to_owned()));",
        "            assert_eq!(code.as_str(), name);",
        "            assert_eq!(ResponseCode::from(name.to_owned()), code);",
        "            assert!(!code.is_success());",
        "        }",
        "    }",
        "",
        "    #[test]",
        "    fn only_no_error_is_success() {",
        "        assert!(ResponseCode::NoError.is_success());",
        "        let successes = ResponseCode::known()",
        "            .filter(ResponseCode::is_success)",
        "            .count();",
        "        assert_eq!(successes, 1);",
        "    }",
        "",
        "    #[test]",
        "    fn names_match_the_schema_count() {",
        f"        assert_eq!(ResponseCode::NAMES.len(), {count});",
        "    }",
        "}",
    ]
    return "\n".join(out) + "\n"


def rustfmt(text: str) -> str:
    """`text` formatted by rustfmt, or unchanged if rustfmt is not on PATH.

    The source goes through stdin with the output file's directory as the
    working directory, so rustfmt finds the same configuration
    (rustfmt.toml) that `cargo fmt` uses for the committed file.
    """
    exe = shutil.which("rustfmt")
    if exe is None:
        print("note: rustfmt not on PATH; output left as generated", file=sys.stderr)
        return text
    cwd = OUTPUT.parent if OUTPUT.parent.is_dir() else REPO_ROOT
    result = subprocess.run(
        [exe, "--edition", "2024", "--emit", "stdout"],
        input=text,
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )
    if result.returncode != 0:
        raise GenError(f"rustfmt failed on the generated code:\n{result.stderr}")
    return result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Generate ews-xml/src/soap/response_code.rs from messages.xsd."
    )
    parser.add_argument(
        "--schema",
        metavar="PATH",
        help="messages.xsd to read (default: $EWS_SCHEMA_DIR/messages.xsd, "
        "else ../shared/ews-schema/messages.xsd from the repository root)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the committed file differs from fresh output",
    )
    args = parser.parse_args()

    try:
        descriptions = read_descriptions(DESCRIPTIONS)
        schema = schema_path(args.schema)
        if not schema.is_file():
            message = f"schema not found: {schema}"
            if not args.check:
                raise GenError(f"{message} (use --schema PATH or set EWS_SCHEMA_DIR)")
            if os.environ.get("EWS_REQUIRE_SCHEMA") == "1":
                raise GenError(f"{message} and EWS_REQUIRE_SCHEMA=1")
            print(f"skip: {message}; {rel(OUTPUT)} not checked "
                  "(set EWS_REQUIRE_SCHEMA=1 to make this an error)")
            return 0
        codes = read_schema_codes(schema)
        check_coverage(codes, descriptions, schema)
        generated = rustfmt(render(codes, descriptions))
    except GenError as err:
        print(f"gen-response-codes: error: {err}", file=sys.stderr)
        return 1

    if args.check:
        try:
            committed = OUTPUT.read_text(encoding="utf-8")
        except OSError as err:
            print(f"gen-response-codes: {rel(OUTPUT)} cannot be read: {err}", file=sys.stderr)
            return 1
        if committed == generated:
            print(f"ok: {rel(OUTPUT)} is up to date ({len(codes)} codes)")
            return 0
        diff = list(difflib.unified_diff(
            committed.splitlines(keepends=True),
            generated.splitlines(keepends=True),
            fromfile=f"{rel(OUTPUT)} (committed)",
            tofile=f"{rel(OUTPUT)} (generated)",
        ))
        sys.stderr.writelines(diff[:60])
        if len(diff) > 60:
            print(f"... ({len(diff) - 60} more diff lines)", file=sys.stderr)
        print(
            f"gen-response-codes: {rel(OUTPUT)} is stale; "
            "run `python3 scripts/gen-response-codes.py` and commit the result",
            file=sys.stderr,
        )
        return 1

    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(generated, encoding="utf-8")
    # The text above already went through rustfmt; formatting the file in
    # place as well guarantees `cargo fmt --check` agrees with it.
    exe = shutil.which("rustfmt")
    if exe is not None:
        result = subprocess.run([exe, "--edition", "2024", str(OUTPUT)], check=False)
        if result.returncode != 0:
            print(f"gen-response-codes: error: rustfmt failed on {rel(OUTPUT)}", file=sys.stderr)
            return 1
    print(f"wrote {rel(OUTPUT)} ({len(codes)} codes from {schema})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
