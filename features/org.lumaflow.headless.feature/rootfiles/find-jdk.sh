# Sourced by ./mvnw and ./lumaflow: exports JAVA_HOME pointing at a JDK >= 21. With LUMAFLOW_RUNTIME_ONLY=1 (the
# installed product's launcher) a Java runtime without javac (a jlinked one, say) is enough.
# Order: $JAVA_HOME when it is a JDK >= 21, else the newest JDK >= 21 found in the usual install folders,
# else `java` on PATH when it is >= 21. Stops with a clear message when there is none.
lumaflow_java_major() {
  # prints the feature version of the JDK at $1 (0 when it cannot be read)
  _rel="$1/release"
  if [ -r "$_rel" ]; then
    _v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$_rel")
  elif [ -x "$1/bin/java" ]; then
    _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  [ "${_v:-}" = "1" ] && _v=8
  echo "${_v:-0}"
}
lumaflow_find_jdk() {
  _tool=javac
  [ "${LUMAFLOW_RUNTIME_ONLY:-0}" = 1 ] && _tool=java
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$_tool" ] && [ "$(lumaflow_java_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  _best=""; _best_v=0
  for _d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$_d/bin/$_tool" ] || continue
    _v=$(lumaflow_java_major "$_d")
    if [ "$_v" -ge 21 ] && [ "$_v" -gt "$_best_v" ]; then _best="$_d"; _best_v=$_v; fi
  done
  if [ -z "$_best" ] && command -v "$_tool" >/dev/null 2>&1; then
    _d=$(dirname "$(dirname "$(readlink -f "$(command -v "$_tool")")")")
    [ "$(lumaflow_java_major "$_d")" -ge 21 ] && _best="$_d"
  fi
  if [ -z "$_best" ]; then
    echo "lumaflow: no JDK >= 21 found (JAVA_HOME=${JAVA_HOME:-unset}; searched /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jdks)." >&2
    echo "lumaflow: install one (for example Temurin 21 or 25) or point JAVA_HOME at it." >&2
    exit 1
  fi
  if [ -n "${JAVA_HOME:-}" ] && [ "$JAVA_HOME" != "$_best" ]; then
    echo "lumaflow: JAVA_HOME=$JAVA_HOME is not a JDK >= 21; using $_best" >&2
  fi
  JAVA_HOME="$_best"; export JAVA_HOME
}
lumaflow_find_jdk
