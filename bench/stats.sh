# Sourced by the bench scripts: the min, median and max of numbers, one per line on stdin,
# printed as "MIN MEDIAN MAX" at full precision (the callers round them as they print them);
# nothing for no numbers. The median of an even count is the mean of the middle two.
min_med_max() {
  sort -g | awk 'BEGIN {OFMT = "%.17g"} {a[NR] = $1}
    END {if (NR) print a[1], (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[NR]}'
}
