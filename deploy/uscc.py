#!/usr/bin/env python3
"""Prints N fresh, valid unified social credit codes (统一社会信用代码, GB 32100-2015), for write loads and checks.

    python3 deploy/uscc.py [N] [PREFIX] [REGION]      # defaults: 1, 91 (enterprise), 120116 (天津滨海新区)

The organisation code (positions 9-17) carries its GB 11714 check character, the whole code its GB 32100 one
(alphabet, weights and rules in ../shared/reference/domain.md)."""
import secrets
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_value(c):
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def code(prefix="91", region="120116"):
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    c = 11 - sum(org_value(ch) * w for ch, w in zip(body, ORG_WEIGHTS)) % 11
    body += "X" if c == 10 else "0" if c == 11 else str(c)
    first17 = prefix + region + body
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS))
    return first17 + ALPHABET[(31 - total % 31) % 31]


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    for _ in range(n):
        print(code(*sys.argv[2:4]))
