# Sourced by common.sh (or run: prints the settings, one NAME=value a line, for tests that start
# Java as the scripts do). File names are bytes; Java turns them into strings with the locale's
# character set (sun.jnu.encoding, which -D cannot change on JDK 17), and under C or C.UTF-8 a
# name that is not valid ASCII or UTF-8 (CP949 Korean from Windows, Latin-1) cannot be opened.
# ISO-8859-1 maps every byte to one character, so Java is started under a C locale with that
# character set, compiled once with localedef into a folder of the project (LOCPATH); text
# (output, the report, the mapping) stays UTF-8 through -Dfile.encoding=UTF-8. Needs Debian's
# `locales` package (its charmaps); without it runs go on and names Java cannot open are
# reported failed, with a message saying so.
BYTES_LOCALE_DIR="${BYTES_LOCALE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/pipeline/target/locale}"
BYTES_ENV=()
bytes_locale() {
  local final="$BYTES_LOCALE_DIR/C.ISO-8859-1" tmp="$BYTES_LOCALE_DIR/.C.ISO-8859-1.$$"
  if [ ! -f "$final/LC_CTYPE" ]; then
    # Compiled under a temporary name and moved into place: a run starting meanwhile never
    # sees half a locale.
    mkdir -p "$BYTES_LOCALE_DIR" 2>/dev/null &&
      localedef -i C -f ISO-8859-1 "$tmp" >/dev/null 2>&1 && mv -T "$tmp" "$final" 2>/dev/null
    rm -rf "$tmp"
  fi
  if [ ! -f "$final/LC_CTYPE" ]; then
    echo "note: cannot build the byte-preserving locale (localedef -i C -f ISO-8859-1; Debian:" \
      "apt-get install locales): file names that are not valid in the current locale will be" \
      "reported failed instead of read" >&2
    return 0
  fi
  BYTES_ENV=(env -u LANGUAGE "LOCPATH=$BYTES_LOCALE_DIR" LC_ALL=C.ISO-8859-1)
  JAVA_TEXT_OPTS="-Dfile.encoding=UTF-8"
}
JAVA_TEXT_OPTS=""
bytes_locale
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "${#BYTES_ENV[@]}" -gt 0 ]; then
  printf '%s\n' "LOCPATH=$BYTES_LOCALE_DIR" "LC_ALL=C.ISO-8859-1" "JAVA_TEXT_OPTS=$JAVA_TEXT_OPTS"
fi
