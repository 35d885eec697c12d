# Finds a JDK >= KILN_MIN_JAVA (21) and exports JAVA_HOME. Sourced by ./kiln and .ci/run.
# Order: $JAVA_HOME, then `java` on PATH, then the newest JDK under /usr/lib/jvm
# (KILN_JDK_SEARCH_DIRS, space-separated, replaces that list).

KILN_MIN_JAVA=${KILN_MIN_JAVA:-21}

# Prints the feature version (8, 17, 21, 25, ...) of the java launcher given, or nothing.
kiln_java_major() {
  local java=$1 line version
  [ -x "$java" ] || return 0
  line=$("$java" -version 2>&1 | grep -m1 -E 'version "[^"]+"') || return 0
  version=${line#*version \"}
  version=${version%%\"*}
  case $version in
    1.*) version=${version#1.} ;;
  esac
  version=${version%%[.+-]*}
  case $version in
    ''|*[!0-9]*) return 0 ;;
  esac
  printf '%s\n' "$version"
}

# The JDK home a java launcher belongs to, when it sits beside javac (a JDK, not a bare JRE).
kiln_jdk_home_of() {
  local java=$1 home
  java=$(readlink -f "$java" 2>/dev/null || printf '%s' "$java")
  home=$(dirname "$(dirname "$java")")
  [ -x "$home/bin/javac" ] && printf '%s\n' "$home"
}

# "Java 17", "Java 21 without javac (a JRE)", or "no runnable java".
kiln_describe_java() {
  local major=$1 home=$2
  if [ -z "$major" ]; then
    printf 'no runnable java'
  elif [ -z "$home" ] || [ ! -x "$home/bin/javac" ]; then
    printf 'Java %s without javac (a JRE, not a JDK)' "$major"
  else
    printf 'Java %s' "$major"
  fi
}

kiln_select_jdk() {
  local candidate major home tried=""
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(kiln_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$KILN_MIN_JAVA" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
      export JAVA_HOME
      return 0
    fi
    tried="$tried\n  JAVA_HOME=$JAVA_HOME: $(kiln_describe_java "$major" "$JAVA_HOME")"
  fi
  if candidate=$(command -v java 2>/dev/null); then
    major=$(kiln_java_major "$candidate")
    home=$(kiln_jdk_home_of "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$KILN_MIN_JAVA" ] && [ -n "$home" ]; then
      export JAVA_HOME=$home
      return 0
    fi
    tried="$tried\n  java on PATH ($candidate): $(kiln_describe_java "$major" "$home")"
  fi
  local best="" best_major=0 dir
  for dir in ${KILN_JDK_SEARCH_DIRS:-/usr/lib/jvm}; do
    for home in "$dir"/*/; do
      home=${home%/}
      [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
      major=$(kiln_java_major "$home/bin/java")
      [ -n "$major" ] || continue
      if [ "$major" -gt "$best_major" ]; then
        best=$home
        best_major=$major
      fi
    done
  done
  if [ -n "$best" ] && [ "$best_major" -ge "$KILN_MIN_JAVA" ]; then
    export JAVA_HOME=$best
    return 0
  fi
  if [ -n "$best" ]; then
    tried="$tried\n  ${KILN_JDK_SEARCH_DIRS:-/usr/lib/jvm}: newest is Java $best_major ($best)"
  else
    tried="$tried\n  ${KILN_JDK_SEARCH_DIRS:-/usr/lib/jvm}: no JDK there"
  fi
  printf 'kiln: no JDK %s or newer found.%b\n' "$KILN_MIN_JAVA" "$tried" >&2
  printf 'Install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21+) and set JAVA_HOME to it.\n' >&2
  return 1
}
