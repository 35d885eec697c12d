#!/usr/bin/env bash
# Prints the clock a core actually runs at while busy, in GHz: it times a chain of
# dependent integer additions, which retire one per cycle on every x86-64 core.
# Used for the theoretical-peak line of kiln-bench/results/gemm.md:
#   KILN_CLOCK_GHZ=$(kiln-bench/tools/clock-ghz.sh) ./kiln bench gemm
set -euo pipefail
command -v gcc >/dev/null || { echo "clock-ghz.sh: needs gcc" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/clock.c" <<'C'
#include <stdio.h>
#include <time.h>
int main(void) {
    struct timespec a, b;
    unsigned long x = 0, n = 1000000000UL;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (unsigned long i = 0; i < n; i++) {
        __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0" : "+r"(x));
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9;
    printf("%.2f\n", 4.0 * n / s / 1e9);
    return x == 4 * n ? 0 : 1;
}
C
gcc -O2 -o "$dir/clock" "$dir/clock.c"
"$dir/clock"
