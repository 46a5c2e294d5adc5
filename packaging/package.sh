#!/usr/bin/env bash
# Builds Benchwatch as a native application with the JDK's own tools: jlink makes a trimmed Java runtime,
# jpackage wraps it with the app's jars, icon and desktop entry into an app image, then an installer
# (.deb on Linux, .msi on Windows, .dmg on macOS), so the target machine needs no Java. See docs/PACKAGING.md.
#
#   packaging/package.sh [--type app-image|deb|rpm|msi|exe|dmg|pkg|all] [--dest DIR] [--no-build]
#                        [--app-version X.Y.Z]
#
# --type all (the default) builds the app image and this platform's installer. The installer is always made
# from the app image, so what a smoke test ran is exactly what gets installed. Output goes to DIR
# (default target/packaging): DIR/app-image/benchwatch (DIR/app-image/benchwatch.app on macOS) and the
# installer. Environment: BENCHWATCH_JAVA_HOME or JAVA_HOME to pick the JDK (>= 21, with jlink and jpackage),
# MVN_ARGS for the jar build (e.g. -o).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQUIRED=21
TYPE=all
DEST="$ROOT/target/packaging"
BUILD=auto
APP_VERSION=""
MAIN_CLASS=dev.benchwatch.app.BenchwatchMain
VENDOR="Benchwatch"
DESCRIPTION="Real-time monitoring console for lab benches: serial, USB-serial and MQTT sensors"
MAINTAINER_EMAIL="benchwatch@localhost"   # jpackage writes "VENDOR <email>"
# the modules jdeps cannot see: JavaFX and TilesFX are modular jars on the class path (jdeps stops at their
# requires of javafx.web and friends, which the pom excludes), and some needs are reflective. Checked against
# the jars' module-info: javafx.graphics requires java.desktop, java.xml, jdk.unsupported; TilesFX's toolbox
# java.management; its countries java.net.http. java.logging: Netty's and HiveMQ's loggers look for it.
# jdk.crypto.ec: TLS to MQTT brokers with EC certificates on a JDK 21 runtime (empty but harmless on 22+).
BASE_MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.unsupported

usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while (( $# > 0 )); do
  case "$1" in
    --type) TYPE="${2:?--type needs a value}"; shift 2 ;;
    --type=*) TYPE="${1#*=}"; shift ;;
    --dest) DEST="${2:?--dest needs a directory}"; shift 2 ;;
    --dest=*) DEST="${1#*=}"; shift ;;
    --app-version) APP_VERSION="${2:?--app-version needs a value}"; shift 2 ;;
    --no-build) BUILD=never; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "package.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

log() { echo "package.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# ---- platform ------------------------------------------------------------------------------------------------
case "$(uname -s)" in
  Linux*) OS=linux; INSTALLER=deb; ICON="$ROOT/assets/icons/benchwatch-256.png"; EXE="" ;;
  Darwin*) OS=mac; INSTALLER=dmg; ICON="$ROOT/assets/icons/benchwatch.icns"; EXE="" ;;
  MINGW*|MSYS*|CYGWIN*) OS=windows; INSTALLER=msi; ICON="$ROOT/assets/icons/benchwatch.ico"; EXE=".exe" ;;
  *) die "unsupported platform $(uname -s): build on Linux, macOS or Windows (Git Bash)" ;;
esac
case "$(uname -m)" in
  x86_64|amd64) ARCH=x86_64 ;;
  aarch64|arm64) ARCH=aarch64 ;;
  *) ARCH="$(uname -m)" ;;
esac
case "$TYPE" in
  app-image) TYPES=(app-image) ;;
  all) TYPES=(app-image "$INSTALLER") ;;
  deb|rpm) [[ $OS == linux ]] || die "--type $TYPE needs Linux"; TYPES=(app-image "$TYPE") ;;
  msi|exe) [[ $OS == windows ]] || die "--type $TYPE needs Windows"; TYPES=(app-image "$TYPE") ;;
  dmg|pkg) [[ $OS == mac ]] || die "--type $TYPE needs macOS"; TYPES=(app-image "$TYPE") ;;
  *) die "unknown --type '$TYPE' (app-image, deb, rpm, msi, exe, dmg, pkg or all)" ;;
esac

# ---- a JDK >= 21 with jlink and jpackage (the same search as ./benchwatch) --------------------------------------
jdk_property() { # prints property $2 of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' -v key="$2" '$1 ~ "^ *" key " *$" {print $2; exit}'
}

find_jdk() {
  local candidates=()
  [[ -n "${BENCHWATCH_JAVA_HOME:-}" ]] && candidates+=("$BENCHWATCH_JAVA_HOME/bin/java$EXE")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java$EXE")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  local dir
  for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
             /Library/Java/JavaVirtualMachines/*/Contents/Home \
             "/c/Program Files/Eclipse Adoptium"/* "/c/Program Files/Java"/* "/c/Program Files/Microsoft"/jdk-*; do
    [[ -x "$dir/bin/java$EXE" ]] && candidates+=("$dir/bin/java$EXE")
  done
  local best="" best_version=0 candidate version home
  for candidate in "${candidates[@]}"; do
    version="$(jdk_property "$candidate" java.specification.version || true)"
    version="${version%%.*}"
    [[ "$version" =~ ^[0-9]+$ ]] || continue
    home="$(jdk_property "$candidate" java.home || true)"
    [[ -x "$home/bin/jlink$EXE" && -x "$home/bin/jpackage$EXE" ]] || continue
    if (( version >= REQUIRED && version > best_version )); then
      best="$home"; best_version="$version"
    fi
  done
  [[ -n "$best" ]] || die "no JDK >= $REQUIRED with jlink and jpackage found (set BENCHWATCH_JAVA_HOME or JAVA_HOME)"
  JDK="$best"; JDK_VERSION="$best_version"
}

# ---- the jar -----------------------------------------------------------------------------------------------------
JAR="$ROOT/target/benchwatch.jar"
build_is_stale() {
  [[ ! -f "$JAR" || ! -d "$ROOT/target/lib" ]] && return 0
  [[ -n "$(find "$ROOT/pom.xml" "$ROOT/src/main" -newer "$JAR" -print -quit 2>/dev/null)" ]]
}

pom_version() { # the project's own <version>, the first one at two spaces of indentation
  sed -n 's|^  <version>\(.*\)</version>.*|\1|p' "$ROOT/pom.xml" | head -n 1
}

# ---- trimming ----------------------------------------------------------------------------------------------------
stage_input() { # the jar, its libraries and the sample workspaces, minus what this platform never loads
  local input="$1"
  rm -rf "$input" && mkdir -p "$input/lib"
  cp "$JAR" "$input/"
  cp "$ROOT"/target/lib/*.jar "$input/lib/"
  # javafx-*-<version>.jar without a classifier hold only a manifest (Maven's placeholders for the platform jars)
  local jar
  for jar in "$input"/lib/javafx-*.jar; do
    [[ "$(basename "$jar")" =~ -(linux|mac|win)(-aarch64)?\.jar$ ]] || rm -f "$jar"
  done
  trim_sqlite_natives "$input"
  mkdir -p "$input/workspaces" "$input/icons"
  cp "$ROOT"/assets/icons/benchwatch-*.png "$input/icons/"
  cp -R "$ROOT/assets/workspaces/." "$input/workspaces/"
}

trim_sqlite_natives() { # sqlite-jdbc carries its native library for 25 OS/architecture pairs; keep this one's
  local jar os_dir
  jar="$(ls "$1"/lib/sqlite-jdbc-*.jar 2>/dev/null | head -n 1)"
  [[ -n "$jar" ]] || return 0
  if ! command -v zip >/dev/null 2>&1 || ! command -v unzip >/dev/null 2>&1; then
    log "zip/unzip not found: sqlite-jdbc keeps the natives of every platform (about 11 MB more)"
    return 0
  fi
  case "$OS" in linux) os_dir=Linux ;; mac) os_dir=Mac ;; windows) os_dir=Windows ;; esac
  local others
  others="$(unzip -Z1 "$jar" | grep '^org/sqlite/native/.' | grep -v "^org/sqlite/native/$os_dir/\$" \
    | grep -v "^org/sqlite/native/$os_dir/$ARCH/" || true)"
  [[ -n "$others" ]] && zip -q -d "$jar" -@ <<<"$others" >/dev/null
  return 0
}

modules() { # the fixed list plus whatever jdeps finds in the plain (non-modular) jars
  local found plain=()
  local jar
  for jar in "$1"/benchwatch.jar "$1"/lib/*.jar; do
    # modular JavaFX and TilesFX jars: jdeps would demand javafx.web, which is not shipped (see BASE_MODULES)
    case "$(basename "$jar")" in javafx-*|tilesfx-*|toolbox*|countries-*|heatmap-*) continue ;; esac
    plain+=("$jar")
  done
  local path_separator=":"; [[ $OS == windows ]] && path_separator=";"
  local class_path; class_path="$(IFS="$path_separator"; echo "${plain[*]}")"
  if found="$("$JDK/bin/jdeps$EXE" --ignore-missing-deps --print-module-deps --multi-release "$JDK_VERSION" \
                --class-path "$class_path" "${plain[@]}" 2>/dev/null | tail -n 1)"; then
    log "jdeps: $found"
  else
    log "jdeps failed; using the fixed module list only"; found=""
  fi
  local available; available="$("$JDK/bin/java$EXE" --list-modules | sed 's/@.*//' | tr -d '\r')"
  echo "$BASE_MODULES,$found" | tr ',' '\n' | grep . | sort -u | while read -r module; do
    grep -qx "$module" <<<"$available" && echo "$module"
  done | paste -sd, -
}

java_options() { # what ./benchwatch passes, for the bundled runtime's version
  JAVA_OPTIONS=(-XX:+UseZGC)
  (( JDK_VERSION >= 22 )) && JAVA_OPTIONS+=(--enable-native-access=ALL-UNNAMED)
  # JavaFX 21's renderer uses sun.misc.Unsafe; from JDK 24 every such access is checked (and warned about)
  (( JDK_VERSION >= 24 )) && JAVA_OPTIONS+=(--sun-misc-unsafe-memory-access=allow)
  return 0
}

# The desktop entry's launcher: the same program, with a class-data-sharing archive of the console's classes
# that the JVM writes at the end of the first console session and maps at every later start (about a third
# off the time to the first frame; docs/PACKAGING.md, "The console launcher"). It lives in the user's cache,
# not in the installation, so it costs no installed size; $HOME is expanded by the launcher at run time.
# Only this launcher has it: the archive holds the classes of whichever run made it, and a JVM that cannot
# write it exits with status 1, which scripts calling bin/benchwatch must never see.
console_launcher() { # DIR -> the properties file for jpackage --add-launcher
  local file="$1/benchwatch-console.properties"
  local archive="\$HOME/.cache/benchwatch/$APP_VERSION/console.jsa"
  {
    echo "# generated by package.sh: the console's launcher (see docs/PACKAGING.md)"
    printf 'java-options=%s -XX:SharedArchiveFile=%s -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off -Dbenchwatch.startupArchive=%s\n' \
      "${JAVA_OPTIONS[*]}" "$archive" "$archive"
  } > "$file"
  echo "$file"
}

size_of() { du -sk "$1" | awk '{printf "%.1f MB", $1 / 1024}'; }

# ---- main --------------------------------------------------------------------------------------------------------
find_jdk
log "JDK $JDK_VERSION at $JDK; building ${TYPES[*]} for $OS/$ARCH into $DEST"
if [[ $BUILD == auto ]] && build_is_stale; then
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to build the jar"
  log "building the jar (mvn package -DskipTests)"
  # shellcheck disable=SC2086 # MVN_ARGS is a list of options
  (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} -DskipTests package) >&2
fi
[[ -f "$JAR" ]] || die "$JAR is missing (run without --no-build, or mvn -DskipTests package)"

VERSION="$(pom_version)"
[[ -n "$APP_VERSION" ]] || APP_VERSION="${VERSION%%-*}"   # jpackage wants 1-3 numbers: 0.1.0-SNAPSHOT -> 0.1.0
WORK="$DEST/work"
IMAGE_DIR="$DEST/app-image"
mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"; WORK="$DEST/work"; IMAGE_DIR="$DEST/app-image"

started=$SECONDS
stage_input "$WORK/input"
MODULES="$(modules "$WORK/input")"
log "jlink: $MODULES"
rm -rf "$WORK/runtime"
# --generate-cds-archive: the runtime gets its default class-data-sharing archive back (jlink drops it),
# which the JVM maps at start instead of parsing java.base's classes
"$JDK/bin/jlink$EXE" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --generate-cds-archive --output "$WORK/runtime"
# the launcher always runs ZGC, which has no compressed oops: only classes_nocoops.jsa is ever mapped
rm -f "$WORK/runtime/lib/server/classes.jsa" "$WORK/runtime/bin/server/classes.jsa"
log "runtime: $(size_of "$WORK/runtime")"

java_options
jpackage_common=(--name benchwatch --app-version "$APP_VERSION" --vendor "$VENDOR" --description "$DESCRIPTION"
                 --copyright "Copyright (c) $(date +%Y) $VENDOR")
for type in "${TYPES[@]}"; do
  [[ $type == app-image ]] || rm -f "$DEST"/benchwatch[_-]*."$type"   # a stale installer would be reported below
  case "$type" in
    app-image)
      rm -rf "$IMAGE_DIR" && mkdir -p "$IMAGE_DIR"
      args=(--type app-image --dest "$IMAGE_DIR" --input "$WORK/input" --main-jar benchwatch.jar
            --main-class "$MAIN_CLASS" --runtime-image "$WORK/runtime" --icon "$ICON")
      for option in "${JAVA_OPTIONS[@]}"; do args+=(--java-options "$option"); done
      # Windows: the main launcher is a GUI program without a console; benchwatch-cli is the same program
      # with one, for the subcommands and --version
      [[ $OS == windows ]] && args+=(--add-launcher "benchwatch-cli=$ROOT/packaging/windows/benchwatch-cli.properties")
      [[ $OS == linux ]] && args+=(--add-launcher "benchwatch-console=$(console_launcher "$WORK")")
      [[ $OS == mac ]] && args+=(--mac-package-identifier dev.benchwatch --mac-package-name Benchwatch)
      "$JDK/bin/jpackage$EXE" "${jpackage_common[@]}" "${args[@]}"
      IMAGE="$(ls -d "$IMAGE_DIR"/* | head -n 1)"
      log "app image: $IMAGE ($(size_of "$IMAGE"))"
      ;;
    deb|rpm)
      resources="$WORK/resources"
      rm -rf "$resources" && mkdir -p "$resources"
      cp "$ROOT/assets/benchwatch.desktop" "$resources/benchwatch.desktop"   # replaces jpackage's own entry
      cp "$ROOT/assets/icons/benchwatch-256.png" "$resources/benchwatch.png"
      # jpackage's own scripts register the entry with xdg-desktop-menu, which fails without a desktop
      cp "$ROOT/packaging/linux/postinst" "$ROOT/packaging/linux/prerm" "$resources/"
      args=(--type "$type" --app-image "$IMAGE" --dest "$DEST" --resource-dir "$resources"
            --linux-package-name benchwatch --linux-shortcut --linux-app-category science
            --linux-menu-group "Science;Engineering;Electronics;DataVisualization;")
      # JavaFX's natives sit inside its jars, where jpackage's dependency scan (ldd) cannot see them
      if [[ $type == deb ]]; then
        args+=(--linux-deb-maintainer "$MAINTAINER_EMAIL" --linux-package-deps "libgtk-3-0t64 | libgtk-3-0, libxtst6, libgl1")
      else
        args+=(--linux-package-deps "gtk3, libXtst, mesa-libGL")
      fi
      "$JDK/bin/jpackage$EXE" "${jpackage_common[@]}" "${args[@]}"
      ;;
    msi|exe)
      # needs the WiX Toolset (3 or 4+) on the PATH; see docs/PACKAGING.md
      "$JDK/bin/jpackage$EXE" "${jpackage_common[@]}" --type "$type" --app-image "$IMAGE" --dest "$DEST" \
        --win-menu --win-menu-group Benchwatch --win-shortcut --win-dir-chooser \
        --win-upgrade-uuid 5f0c4a52-6a55-4c1e-9d0a-2f4b8c1d7e31
      ;;
    dmg|pkg)
      "$JDK/bin/jpackage$EXE" "${jpackage_common[@]}" --type "$type" --app-image "$IMAGE" --dest "$DEST" \
        --mac-package-identifier dev.benchwatch --mac-package-name Benchwatch
      ;;
  esac
done
for type in "${TYPES[@]}"; do
  [[ $type == app-image ]] && continue
  for package in "$DEST"/benchwatch[_-]*."$type"; do
    [[ -f "$package" ]] && log "package: $package ($(size_of "$package"))"
  done
done
log "done in $(( SECONDS - started )) s"
