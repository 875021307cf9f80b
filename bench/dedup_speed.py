"""Print the speed and memory of near-duplicate detection (graph.dedup) on synthetic articles.

    python bench/dedup_speed.py [N_DOCUMENTS] [WORDS_PER_DOCUMENT]

N distinct random articles (default 100,000 of 300 words) with one copy in every hundred
(a sentence added), streamed through :class:`graph.dedup.Deduplicator`.
"""

from __future__ import annotations

import random
import resource
import sys
import time

from graph.dedup import Deduplicator
from graph.records import Document


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    words = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng = random.Random(0)
    vocab = [f"kata{i}" for i in range(30_000)]
    dedup = Deduplicator()
    started = time.perf_counter()
    copies = 0
    previous = ""
    for i in range(n):
        if i % 100 == 99:
            text = previous + " Editor: Budi."
            copies += 1
        else:
            text = " ".join(rng.choice(vocab) for _ in range(words))
            previous = text
        dedup.check(Document(id=str(i), path=str(i), text=text))
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:,} documents of {words} words in {seconds:.1f} s ({n / seconds:,.0f} docs/s; "
          f"text generation included); copies planted {copies:,}, found "
          f"{dedup.exact_count + dedup.near_count:,}; peak RSS {rss:,.0f} MB")


if __name__ == "__main__":
    main()
