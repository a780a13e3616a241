#!/bin/sh
# Renders every icon Deckhand ships from the SVG artwork in this folder. Run it after editing an SVG
# and commit what it writes (the build uses the checked-in files, so it needs none of these tools):
#
#   sudo apt-get install librsvg2-bin imagemagick icnsutils    # rsvg-convert, convert, png2icns
#   icons/render.sh
#
# Writes:
#   icons/png/deckhand-{16,22,24,32,48,64,128,256,512}.png   app icon (installers, menus, window)
#   icons/deckhand.ico                                        Windows (.msi, .exe): 16–256 in one file
#   icons/deckhand.icns                                       macOS (.dmg, .app): 16–512 (+1024)
#   app/src/main/resources/icons/deckhand-{16,32,48,64,128,256}.png   the window's icons (stage.getIcons())
#   app/src/main/resources/icons/tray-{idle,syncing,error}-{16,22,32}.png   the tray's, one per state
set -eu
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "icons/render.sh: $tool is missing (see the header)" >&2; exit 1; }
done

res=../app/src/main/resources/icons
mkdir -p png "$res"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# rsvg-convert renders each size from the vector (no downscaled blur); -strip drops timestamps so
# re-running gives byte-identical files.
render() { # svg size out
  rsvg-convert -w "$2" -h "$2" "$1" -o "$tmp/r.png"
  convert "$tmp/r.png" -strip "$3"
}

for s in 16 22 24 32 48 64 128 256 512; do
  render deckhand.svg "$s" "png/deckhand-$s.png"
done
render deckhand.svg 1024 "$tmp/deckhand-1024.png"

# Windows: one .ico with the sizes Explorer and the taskbar pick from.
convert png/deckhand-16.png png/deckhand-24.png png/deckhand-32.png png/deckhand-48.png \
  png/deckhand-64.png png/deckhand-128.png png/deckhand-256.png deckhand.ico

# macOS: png2icns takes the sizes it has slots for (16, 32, 48, 128, 256, 512, 1024).
png2icns deckhand.icns png/deckhand-16.png png/deckhand-32.png png/deckhand-48.png \
  png/deckhand-128.png png/deckhand-256.png png/deckhand-512.png "$tmp/deckhand-1024.png" >/dev/null

# The window: JavaFX picks the best size per use (title bar, task switcher).
for s in 16 32 48 64 128 256; do
  cp "png/deckhand-$s.png" "$res/deckhand-$s.png"
done

# The tray: the artwork with a status badge (green check: idle, blue arrows: syncing, red !: error),
# drawn from tray.svg.in (a simplified wheel that stays legible at 16 px).
for state in idle syncing error; do
  case $state in
    idle) colour='#2e9e44' mark='<path d="M334 420 l34 34 l62 -70" fill="none" stroke="#fff" stroke-width="30" stroke-linecap="round" stroke-linejoin="round"/>' ;;
    syncing) colour='#1e88e5' mark='<path d="M352 470 v-96 m-30 30 l30 -30 l30 30 M412 374 v96 m-30 -30 l30 30 l30 -30" fill="none" stroke="#fff" stroke-width="24" stroke-linecap="round" stroke-linejoin="round"/>' ;;
    error) colour='#d32f2f' mark='<path d="M382 362 v60" stroke="#fff" stroke-width="32" stroke-linecap="round"/><circle cx="382" cy="468" r="18" fill="#fff"/>' ;;
  esac
  sed -e "s|@COLOUR@|$colour|" -e "s|@MARK@|$mark|" tray.svg.in >"$tmp/tray-$state.svg"
  for s in 16 22 32; do
    render "$tmp/tray-$state.svg" "$s" "$res/tray-$state-$s.png"
  done
done
echo "icons/render.sh: wrote icons/png, icons/deckhand.ico, icons/deckhand.icns and $res"
