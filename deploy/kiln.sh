#!/bin/sh
# The kiln command inside the image (/usr/local/bin/kiln): java with the flags Kiln needs, then
# the command's arguments, e.g. `kiln serve ...` or `kiln models register NAME DIR`.
# KILN_JAVA_OPTS adds JVM options, as for ./kiln (the image sets -XX:MaxRAMPercentage=75).
# exec: the JVM replaces this shell, so it receives SIGTERM itself and drains.
# shellcheck disable=SC2086 # KILN_JAVA_OPTS is split into words on purpose
exec java ${KILN_JAVA_OPTS-} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -jar /opt/kiln/kiln.jar "$@"
