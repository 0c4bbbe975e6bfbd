"""FHIR import benchmark: time per bundle, first import and re-import, on a fresh SQLite DB.

    python -m portal.records.bench [FOLDER]
    (default: ../shared/data/synthea, else the demo fixtures)

Target: under 1 s for a typical Synthea bundle on one core.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/synthea"
    if not folder.is_dir():
        folder = ROOT / "portal/records/fixtures/synthea"
    db = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ.update(DEBUG="true", DATABASE_URL=f"sqlite:///{db}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from portal.records.fhir_import import bundle_files, import_bundle

    call_command("migrate", verbosity=0)
    files = bundle_files([folder])
    first, again = [], []
    print(f"{'bundle':<28} {'KB':>6} {'resources':>9} {'import s':>9} {'re-import s':>11}")
    for path in files:
        started = time.perf_counter()
        summary = import_bundle(path)
        first.append(time.perf_counter() - started)
        started = time.perf_counter()
        import_bundle(path)
        again.append(time.perf_counter() - started)
        count = sum(summary.counts.values()) + sum(summary.skipped.values())
        print(
            f"{path.name[:28]:<28} {path.stat().st_size // 1024:>6} {count:>9} "
            f"{first[-1]:>9.3f} {again[-1]:>11.3f}"
        )
    print(
        f"\n{len(files)} bundles: import median {statistics.median(first):.3f} s, "
        f"max {max(first):.3f} s; re-import median {statistics.median(again):.3f} s "
        f"(target: under 1 s per typical bundle)"
    )


if __name__ == "__main__":
    main()
