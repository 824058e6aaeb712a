#!/usr/bin/env bash
# Runs the README's commands on a fresh machine: a new Debian 12 root (debootstrap --variant=minbase with git and
# ca-certificates, nothing else), a fresh clone of this repository in it at /work/main with ../shared beside it (read
# only), a JDK >= 21 of the host bind-mounted in with its trust store, and the commands run there as root. Whatever
# the commands need must be installed by the commands themselves: a package installed by hand on this machine cannot
# hide a missing install step.
#
#   releng/setup/fresh-root.sh [options] [COMMAND]      (as root; COMMAND defaults to the README's two commands:
#                                                        ./lumaflow && ./mvnw -B verify)
#   --repo DIR     the repository to clone (default: this checkout; its committed HEAD is what gets cloned)
#   --shared DIR   the shared test data folder (default: ../shared of the repository)
#   --no-m2        start with an empty Maven repository (default: the host's ~/.m2 is lent read-only through an
#                  overlay, so downloads are not repeated; nothing is written to it)
#   --keep         keep the root afterwards (printed) instead of deleting it
# The bootstrapped base is cached as a tarball in /var/cache/lumaflow-fresh (each run unpacks a pristine copy);
# LUMAFLOW_FRESH_MIRROR picks the Debian mirror (default: http://deb.debian.org/debian).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=""
m2=1
keep=0
cmd='./lumaflow && ./mvnw -B verify'
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo=$(cd "$2" && pwd); shift 2 ;;
    --shared) shared=$(cd "$2" && pwd); shift 2 ;;
    --no-m2) m2=0; shift ;;
    --keep) keep=1; shift ;;
    -h | --help) sed -n '2,18p' "$0"; exit 0 ;;
    --) shift; cmd="$*"; break ;;
    -*) echo "fresh-root: unknown option $1" >&2; exit 2 ;;
    *) cmd="$*"; break ;;
  esac
done
[ -n "$shared" ] || shared=$(cd "$repo/.." && pwd)/shared
if [ "$(id -u)" != 0 ]; then
  echo "fresh-root: needs root (debootstrap, chroot and mounts)" >&2
  exit 2
fi
[ -d "$shared" ] || { echo "fresh-root: no shared test data at $shared (--shared DIR)" >&2; exit 2; }

# the host's JDK >= 21 (the same finder the launchers use)
. "$repo/features/org.lumaflow.headless.feature/rootfiles/find-jdk.sh"
jdk=$(readlink -f "$JAVA_HOME")

if ! command -v debootstrap >/dev/null 2>&1; then
  echo "fresh-root: installing debootstrap" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

cache=/var/cache/lumaflow-fresh
base="$cache/bookworm-minbase-git-ca.tar"
mirror=${LUMAFLOW_FRESH_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$cache"
if [ ! -s "$base" ]; then
  echo "fresh-root: bootstrapping Debian 12 (minbase + git, ca-certificates) once; cached in $base" >&2
  stage=$(mktemp -d /var/tmp/lumaflow-debootstrap.XXXXXX)
  debootstrap --variant=minbase --include=git,ca-certificates bookworm "$stage/root" "$mirror" >"$stage/log" 2>&1 \
    || { tail -n 20 "$stage/log" >&2; rm -rf "$stage"; exit 1; }
  rm -rf "$stage/root/var/cache/apt/archives/"*.deb
  tar -C "$stage/root" -cf "$base.tmp" . && mv "$base.tmp" "$base"
  rm -rf "$stage"
fi

work=$(mktemp -d /var/tmp/lumaflow-fresh.XXXXXX)
root="$work/root"
mkdir -p "$root"
mounts=()
cleanup() {
  set +e
  # processes left inside the root (an Xvfb, a forked JVM) go first, then the mounts, innermost first
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -9 "${p#/proc/}" 2>/dev/null
  done
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount -R "${mounts[i]}" 2>/dev/null || umount -R -l "${mounts[i]}" 2>/dev/null
  done
  if [ "$keep" = 1 ]; then echo "fresh-root: kept $root" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mnt() { # mnt TARGET ARGS...: mount and remember
  local target=$1; shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounts+=("$target")
}

tar -C "$root" -xf "$base"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mnt "$root/proc" -t proc proc
mnt "$root/sys" --rbind /sys
mount --make-rslave "$root/sys"
mnt "$root/dev" --rbind /dev
mount --make-rslave "$root/dev"
# the JDK at the same path (find-jdk.sh looks under /usr/lib/jvm), read only, and its trust store
case "$jdk" in /usr/lib/jvm/*) inside="$jdk" ;; *) inside="/usr/lib/jvm/$(basename "$jdk")" ;; esac
mnt "$root$inside" --bind "$jdk"
mount -o remount,bind,ro "$root$inside"
if [ -f /etc/ssl/certs/java/cacerts ]; then
  mkdir -p "$root/etc/ssl/certs/java"
  cp /etc/ssl/certs/java/cacerts "$root/etc/ssl/certs/java/cacerts"
fi
# the machine's network trust, like its DNS: CAs added locally (e.g. an egress proxy's) and the system bundle holding
# them, so npm/apt/git inside reach what the host reaches; Node reads the bundle through NODE_EXTRA_CA_CERTS
if [ -d /usr/local/share/ca-certificates ]; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
fi
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  mkdir -p "$root/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
fi
# the host's Maven repository, lent read-only: reads come from it, writes land in a throw-away upper layer
if [ "$m2" = 1 ] && [ -d "$HOME/.m2" ]; then
  mkdir -p "$work/m2-upper" "$work/m2-work"
  mnt "$root/root/.m2" -t overlay overlay -o "lowerdir=$HOME/.m2,upperdir=$work/m2-upper,workdir=$work/m2-work"
fi
# a fresh clone, with the shared test data beside it
git clone -q --no-hardlinks "$repo" "$root/work/main"
mnt "$root/work/shared" --bind "$shared"
mount -o remount,bind,ro "$root/work/shared"

echo "fresh-root: Debian 12 minbase, JDK $inside, running as root in /work/main: $cmd" >&2
start=$(date +%s)
set +e
chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
  ${NODE_EXTRA_CA_CERTS:+NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS} \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  /bin/bash -c "cd /work/main && $cmd"
rc=$?
set -e
echo "fresh-root: exit $rc after $(($(date +%s) - start)) s" >&2
exit $rc
