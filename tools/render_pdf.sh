#!/bin/sh
# Render a .docx to PDF with LibreOffice, and its pages to PNG images, to check by eye.
#
#   tools/render_pdf.sh out/mingzhu.docx [OUTDIR]
#
# Writes OUTDIR/NAME.pdf and OUTDIR/NAME-1.png, NAME-2.png … (60 dpi; set DPI to change).
# Needs the Debian packages libreoffice-writer, fonts-noto-cjk and poppler-utils:
#   apt-get install -y --no-install-recommends libreoffice-writer fonts-noto-cjk poppler-utils
set -eu
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
    sed -n '2,8s/^# \{0,1\}//p' "$0"
    exit 0
fi
if [ $# -lt 1 ]; then
    echo "usage: $0 FILE.docx [OUTDIR]" >&2
    exit 2
fi
docx=$1
outdir=${2:-out/render}
dpi=${DPI:-60}
command -v soffice >/dev/null 2>&1 || { echo "soffice not found: install libreoffice-writer" >&2; exit 2; }
command -v pdftoppm >/dev/null 2>&1 || { echo "pdftoppm not found: install poppler-utils" >&2; exit 2; }
mkdir -p "$outdir"
name=$(basename "$docx" .docx)
# A private profile keeps the run independent of (and safe alongside) a desktop session.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf \
    --outdir "$outdir" "$docx" >/dev/null
pdftoppm -r "$dpi" -png "$outdir/$name.pdf" "$outdir/$name"
echo "$outdir/$name.pdf"
ls "$outdir/$name"-*.png
