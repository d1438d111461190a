"""Reading inputs at corpus scale: memory and speed of streamed JSONL, and HTML pages.

A JSONL corpus of generated news-style documents is written as ``.jsonl`` and
``.jsonl.gz``, then read by ``graph.inputs.read_inputs`` three ways, each in a fresh
process (so its peak RSS is its own), side by side in one run:

* ``streamed .jsonl`` and ``streamed .jsonl.gz``: line by line, as kgbuilder reads now;
* ``whole .jsonl``: the file read and decoded whole, then split (how it was read before).

The documents are counted and dropped, as a streaming build would hand them on. Peak
RSS is the process's maximum resident set less what it held before reading.

Then HTML: pages read through trafilatura (``graph.webpages``) against the same
articles as ``.txt`` files, pages per second and the ratio.

Usage:
    python bench/inputs.py [--docs 50000] [--pages 300]
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORDS = ("the council said on monday that its forces had left the town after talks with "
         "officials of the province while residents waited near the river for news of the "
         "ferry and the harbour board approved a new route to the island").split()

_READER = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from graph.inputs import read_inputs
from graph.decode import decode
from graph.jsonl import read_jsonl
from pathlib import Path
mode, path = sys.argv[2], sys.argv[3]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
docs = 0
if mode == "whole":
    text, _ = decode(Path(path).read_bytes(), path)
    items = (item for _, item in read_jsonl(text, path))
else:
    items = read_inputs([path])
for item in items:
    docs += hasattr(item, "doc_id")
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"docs": docs, "seconds": seconds, "rss_mib": (peak - before) / 1024}))
"""


def _corpus(folder: Path, docs: int) -> tuple[Path, Path]:
    rng = random.Random(0)
    plain = folder / "corpus.jsonl"
    with plain.open("w") as out:
        for n in range(docs):
            text = " ".join(rng.choice(WORDS) for _ in range(300)) + "."
            out.write(json.dumps({"id": f"d{n}", "text": text, "title": f"Story {n}",
                                  "date": "2024-05-14", "url": f"https://news.example.org/{n}"})
                      + "\n")
    packed = folder / "corpus.jsonl.gz"
    with plain.open("rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return plain, packed


def _read(mode: str, path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _READER, str(ROOT), mode, str(path)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _pages(folder: Path, pages: int) -> tuple[float, float]:
    """Seconds to read ``pages`` HTML pages, and the same articles as text files."""
    sys.path.insert(0, str(ROOT))
    from graph.inputs import read_inputs

    html_dir, text_dir = folder / "html", folder / "text"
    html_dir.mkdir()
    text_dir.mkdir()
    sources = sorted((ROOT / "tests" / "data" / "pages").glob("*.htm*"))
    sources = [p for p in sources if p.name != "sign_in.html"]
    for n in range(pages):
        page = sources[n % len(sources)]
        (html_dir / f"p{n}{page.suffix}").write_text(page.read_text())
    texts = {}
    for doc in read_inputs([str(html_dir)]):
        texts[doc.doc_id] = doc.text
    for doc_id, text in texts.items():
        (text_dir / f"{doc_id}.txt").write_text(text)
    timed = []
    for where in (html_dir, text_dir):
        started = time.perf_counter()
        read = sum(1 for _ in read_inputs([str(where)]))
        timed.append(time.perf_counter() - started)
        assert read == pages, f"read {read} of {pages} from {where}"
    return timed[0], timed[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plain, packed = _corpus(folder, args.docs)
        size = plain.stat().st_size / 2**20
        print(f"JSONL corpus: {args.docs:,} documents, {size:,.0f} MiB "
              f"({packed.stat().st_size / 2**20:,.0f} MiB gzipped)")
        rows = {"whole .jsonl (before)": _read("whole", plain),
                "streamed .jsonl": _read("stream", plain),
                "streamed .jsonl.gz": _read("stream", packed)}
        whole = rows["whole .jsonl (before)"]
        print(f"{'reading':<24}{'docs':>8}{'s':>8}{'docs/s':>10}{'peak RSS MiB':>14}"
              f"{'RSS / whole':>13}{'time / whole':>14}")
        for name, row in rows.items():
            print(f"{name:<24}{row['docs']:>8,}{row['seconds']:>8.2f}"
                  f"{row['docs'] / row['seconds']:>10,.0f}{row['rss_mib']:>14,.1f}"
                  f"{row['rss_mib'] / whole['rss_mib']:>13.3f}"
                  f"{row['seconds'] / whole['seconds']:>14.2f}")
        html_s, text_s = _pages(folder, args.pages)
        print(f"HTML pages: {args.pages} read in {html_s:.2f} s ({args.pages / html_s:,.0f} pages/s, "
              f"{1000 * html_s / args.pages:.1f} ms a page); the same articles as .txt in "
              f"{text_s:.2f} s; HTML / text = {html_s / text_s:.1f}")


if __name__ == "__main__":
    main()
