#!/bin/sh
# Every file with translatable strings is listed in po/POTFILES.in, every
# listed file exists, and xgettext can build the template from the list.
set -eu
src=$1
cd "$src"
status=0

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done

found=$( { grep -rlE '(^|[^A-Za-z0-9_])N?_ ?\(' --include='*.c' src || true;
           grep -rl 'translatable="yes"' --include='*.ui' ui || true;
           ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true;
           grep -l '^Text=' data/reference/* 2>/dev/null || true; } | sort -u)
for file in $found; do
  if ! printf '%s\n' "$listed" | grep -qx "$file"; then
    echo "$file has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done

pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
# The keywords of po/meson.build (the glib preset, and Text for the
# reference data's key files).
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=Text --no-wrap --directory="$src" \
  --files-from=po/POTFILES.in --output="$pot"
count=$(grep -c '^msgid ' "$pot" || true)
echo "xgettext extracted $count messages"
[ "$count" -gt 50 ] || { echo "too few messages: strings are not marked for translation"; status=1; }

# Reference data translated at run time (the eligibility criteria's Text)
# reaches the template too.
texts=$(grep -h '^Text=' data/reference/* | sed 's/^Text=//')
[ -n "$texts" ] || { echo "no Text= keys found in data/reference"; status=1; }
printf '%s\n' "$texts" | while IFS= read -r text; do
  if ! grep -qxF "msgid \"$text\"" "$pot"; then
    echo "\"$text\" (data/reference) is not extracted for translation"
    exit 1
  fi
done || status=1
exit $status
