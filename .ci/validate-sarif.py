#!/usr/bin/env python3
"""Validate SARIF logs against the SARIF 2.1.0 JSON Schema.

usage: validate-sarif.py SCHEMA SARIF_FILE...

Exit status 0 when every file is valid, 1 when one is not (each error is printed with the
path to the offending value), 2 on bad usage or an unreadable file. Needs the `jsonschema`
package.
"""
import json
import sys


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("validate-sarif: the jsonschema package is not installed", file=sys.stderr)
        return 2

    schema_path, files = argv[1], argv[2:]
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        print(f"validate-sarif: cannot read schema {schema_path}: {e}", file=sys.stderr)
        return 2

    # The validator for the draft the schema declares (draft-04 for SARIF 2.1.0). Formats
    # such as `uri` are checked when jsonschema's optional format packages are installed
    # (`jsonschema[format-nongpl]`); without them those checks are skipped.
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    checker = getattr(validator_class, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()
    validator = validator_class(schema, format_checker=checker)

    status = 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                log = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{path}: cannot read: {e}", file=sys.stderr)
            status = max(status, 2)
            continue
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
        if errors:
            status = max(status, 1)
            for error in errors:
                where = "/".join(str(p) for p in error.absolute_path) or "(root)"
                print(f"{path}: {where}: {error.message}")
        else:
            print(f"{path}: valid")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
