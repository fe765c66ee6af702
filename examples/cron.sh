#!/bin/sh
# The cron job clean-new, run three times over a folder of scraped articles: the first run cleans each into the day's folder, the second finds nothing new, the third only the file that arrived since.
t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT
mkdir "$t/inbox" && cp articles/harbour.txt articles/ferry.txt "$t/inbox"
echo "first run:" && sh clean-new "$t/inbox" "$t/clean"
echo "second run:" && sh clean-new "$t/inbox" "$t/clean"
cp article.txt "$t/inbox"
echo "third run:" && sh clean-new "$t/inbox" "$t/clean"
cd "$t/clean" && find . -type f ! -path './.*' | sed "s|$(date +%Y-%m-%d)|YYYY-MM-DD|" | sort
head -n 2 ./*/article.txt
