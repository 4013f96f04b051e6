# One-pass aggregate of an IIS W3C log in the default field order, the yardstick for the CLI:
# counts per status.substatus, per win32 of 4xx/5xx rows, 5xx rows per URL, time-taken count,
# sum and max per 5xx group, and the first and last date/time. Directive lines are skipped.
# Fields: 1 date 2 time 5 cs-uri-stem 12 sc-status 13 sc-substatus 14 sc-win32-status 15 time-taken
/^#/ { next }
{
  status = $12 + 0
  key = $12 "." $13
  byStatus[key]++
  if (status >= 400) byWin32[$14 + 0]++
  if (status >= 500) {
    urls[$5]++
    group = key "." ($14 + 0)
    taken = $15 + 0
    count[group]++
    sum[group] += taken
    if (taken > max[group]) max[group] = taken
  }
  stamp = $1 " " $2
  if (first == "") first = stamp
  last = stamp
  rows++
}
END {
  print "rows", rows
  for (k in byStatus) print "status", k, byStatus[k]
  for (k in byWin32) print "win32", k, byWin32[k]
  for (g in count) print "group", g, count[g], sum[g] / count[g], max[g]
  distinct = 0
  for (u in urls) distinct++
  print "distinct-error-urls", distinct
  print "window", first, "..", last
}
