#!/usr/bin/env bash
# Installs the system packages npm cannot provide (ffmpeg, Chromium, fonts, GStreamer RTSP server, NATS,
# PostgreSQL client/server tools, LibreOffice Writer and Calc) with apt, non-interactively, when any is missing.
# Usage: scripts/system-deps.sh [--check]   (--check: only report, exit 1 when something is missing)
set -euo pipefail

PKGS=(ffmpeg chromium nats-server postgresql fonts-noto-core fonts-liberation2 poppler-utils
      python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good
      gstreamer1.0-plugins-ugly gstreamer1.0-plugins-bad gstreamer1.0-tools libreoffice-writer-nogui
      libreoffice-calc-nogui)

missing=()
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
command -v ffprobe >/dev/null || missing+=(ffprobe)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nats-server >/dev/null || missing+=(nats-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -f /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ] || missing+=(fonts-noto-core)
/usr/bin/python3 -c "import gi; gi.require_version('GstRtspServer','1.0'); from gi.repository import GstRtspServer" >/dev/null 2>&1 || missing+=(gst-rtsp-server)
gst-inspect-1.0 x264enc >/dev/null 2>&1 || missing+=(gstreamer-ugly)
gst-inspect-1.0 h264parse >/dev/null 2>&1 || missing+=(gstreamer-bad)
# LibreOffice converts the generated DOCX (discipline documents) to PDF in the tests that check their text.
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
# … and the generated XLSX (timesheets, inspection statistics) with Calc.
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system-deps: all present"
  exit 0
fi
echo "system-deps: missing: ${missing[*]}"
if [ "${1:-}" = "--check" ]; then exit 1; fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "system-deps: cần quyền root để cài gói hệ thống / root is needed to install system packages:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${PKGS[*]}" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null; then
  echo "system-deps: không có apt-get; hãy cài thủ công / no apt-get here; install by hand: ${PKGS[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}"
echo "system-deps: installed"
