# Sourced by the product's `lumaflow` launcher for headless commands (not the studio): cuts the fixed start-up cost.
# 1. A configuration area of its own (configuration-headless/) listing every bundle but the workbench-only ones
#    (e4, EMF, SWT, JFace, CSS, SVG): they are neither resolved nor activated by a CLI command. It is derived from
#    configuration/ and rewritten (temp + rename) whenever that changes, e.g. when the codec pack is installed.
# 2. Class-data sharing: on a command's first run the JVM archives the classes it loaded (JDK, Equinox and the
#    bundles' classes: JDK 13+ dynamic archives keep those of OSGi class loaders too) into
#    configuration-headless/cds/<command>-<key>.jsa (temp + rename, one process at a time); later runs map it. The key
#    covers the JDK (its path and release file) and the installed bundles, so another JDK or product makes a new
#    archive and never uses a stale one; a JVM that cannot use an archive ignores it silently. LUMAFLOW_CDS=0 turns
#    it off.
# Whatever fails here (a read-only product folder, no cksum) only leaves things as they were: the run goes on.

# Bundles only the workbench (lumaflow studio) needs: an extended regular expression on bundles.info lines.
LUMAFLOW_STUDIO_ONLY='^(org\.eclipse\.(e4|emf|swt|jface|urischeme|core\.databinding|core\.commands|core\.expressions|equinox\.event)|org\.apache\.batik|wrapped\.xml-apis|com\.github\.weisj\.jsvg|org\.lumaflow\.ui|jakarta\.|org\.objectweb\.asm|org\.apache\.aries\.spifly|org\.osgi\.service\.event)'

lumaflow_headless_configuration() {
  _src="$HERE/configuration"
  _dst="$HERE/configuration-headless"
  _info=org.eclipse.equinox.simpleconfigurator/bundles.info
  [ -f "$_src/config.ini" ] && [ -f "$_src/$_info" ] || return 1
  if [ ! -f "$_dst/$_info" ] || [ ! -f "$_dst/config.ini" ] || [ "$_src/$_info" -nt "$_dst/$_info" ] \
      || [ "$_src/config.ini" -nt "$_dst/config.ini" ]; then
    mkdir -p "$_dst/org.eclipse.equinox.simpleconfigurator" 2>/dev/null || return 1
    grep -Ev "$LUMAFLOW_STUDIO_ONLY" "$_src/$_info" > "$_dst/$_info.$$" 2>/dev/null \
      && cp "$_src/config.ini" "$_dst/config.ini.$$" 2>/dev/null \
      && mv -f "$_dst/config.ini.$$" "$_dst/config.ini" && mv -f "$_dst/$_info.$$" "$_dst/$_info" \
      || { rm -f "$_dst/$_info.$$" "$_dst/config.ini.$$"; return 1; }
  fi
  LUMAFLOW_HEADLESS_CONF="$_dst"
}

# lumaflow_cds LAUNCHER_JAR COMMAND: sets LUMAFLOW_CDS_OPT (the archive to map) or LUMAFLOW_CDS_DUMP (the temporary to
# write at exit, then renamed by lumaflow_run_and_archive); both unset when sharing is off or not possible.
lumaflow_cds() {
  LUMAFLOW_CDS_OPT=""
  LUMAFLOW_CDS_DUMP=""
  [ "${LUMAFLOW_CDS:-1}" != 0 ] && [ -n "${LUMAFLOW_HEADLESS_CONF:-}" ] || return 0
  [ -r "$JAVA_HOME/release" ] || return 0
  case "$2" in
    -*|*[!a-z0-9-]*|"") _cmd=other ;;
    *) _cmd="$2" ;;
  esac
  _key=$( { echo "$JAVA_HOME $1"; cat "$JAVA_HOME/release" "$LUMAFLOW_HEADLESS_CONF/org.eclipse.equinox.simpleconfigurator/bundles.info"; } 2>/dev/null | cksum 2>/dev/null | cut -d' ' -f1)
  [ -n "$_key" ] || return 0
  _dir="$LUMAFLOW_HEADLESS_CONF/cds"
  _jsa="$_dir/$_cmd-$_key.jsa"
  if [ -f "$_jsa" ]; then
    LUMAFLOW_CDS_OPT="-XX:SharedArchiveFile=$_jsa"
    return 0
  fi
  mkdir -p "$_dir" 2>/dev/null || return 0
  # one process makes the archive (parallel segment workers, say); a lock older than 10 minutes is stale
  if [ -d "$_jsa.lock" ] && [ -n "$(find "$_jsa.lock" -maxdepth 0 -mmin +10 2>/dev/null)" ]; then
    rm -rf "$_jsa.lock"
  fi
  mkdir "$_jsa.lock" 2>/dev/null || return 0
  # archives of this command for other keys (an older JDK or product) are no longer used
  for _old in "$_dir/$_cmd"-*.jsa; do
    [ "$_old" = "$_jsa" ] || rm -f "$_old"
  done
  LUMAFLOW_CDS_DUMP="$_jsa"
  LUMAFLOW_CDS_OPT="-XX:ArchiveClassesAtExit=$_jsa.$$.tmp"
}

# lumaflow_run_and_archive JAVA ARGS...: runs the JVM (stdin kept, TERM/INT/HUP passed on), then moves the archive it
# wrote at exit into place when it ran to a clean end. Returns the JVM's exit status.
lumaflow_run_and_archive() {
  exec 3<&0
  "$@" 0<&3 3<&- &
  _pid=$!
  trap 'kill -TERM $_pid 2>/dev/null' TERM
  trap 'kill -INT $_pid 2>/dev/null' INT
  trap 'kill -HUP $_pid 2>/dev/null' HUP
  while :; do
    wait $_pid
    _rc=$?
    # a wait cut short by a trapped signal (status above 128) while the JVM still runs: wait again
    [ "$_rc" -gt 128 ] && kill -0 $_pid 2>/dev/null || break
  done
  trap - TERM INT HUP
  exec 3<&-
  if [ "$_rc" = 0 ] && [ -s "$LUMAFLOW_CDS_DUMP.$$.tmp" ]; then
    mv -f "$LUMAFLOW_CDS_DUMP.$$.tmp" "$LUMAFLOW_CDS_DUMP" 2>/dev/null
  fi
  rm -f "$LUMAFLOW_CDS_DUMP.$$.tmp"
  rmdir "$LUMAFLOW_CDS_DUMP.lock" 2>/dev/null
  return $_rc
}
